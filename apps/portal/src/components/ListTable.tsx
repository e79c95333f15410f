import type { ReactNode } from 'react';
import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useIsPhone } from './useIsPhone';

interface Props {
  /** Names the table for screen readers (visually hidden). */
  caption: string;
  /** The header row's cells. */
  head: ReactNode;
  /** The body rows. */
  children: ReactNode;
  /** Below this width the table scrolls sideways (not on a phone, where columns hide instead). */
  minWidth: number;
  /** A newer page is loading. */
  busy?: boolean;
  /** The last column holds each row's actions (its header is named for screen readers only). */
  withActions?: boolean;
}

/** The admin lists' table: striped, scrolling on narrow screens, with a hidden caption. */
export function ListTable({ caption, head, children, minWidth, busy, withActions }: Props) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  return (
    <Table.ScrollContainer minWidth={isPhone ? 0 : minWidth}>
      <Table striped highlightOnHover verticalSpacing="sm" aria-busy={busy}>
        <Table.Caption className="visually-hidden">{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {head}
            {withActions && (
              <Table.Th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
