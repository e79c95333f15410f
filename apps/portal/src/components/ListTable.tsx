import type { ReactNode } from 'react';
import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useIsPhone } from './useIsPhone';

/** A header cell: every list names, aligns and hides its columns the same way. */
export interface ListColumn {
  label: ReactNode;
  /** Numbers: right-aligned (the body cells say `ta="right"` too). */
  numeric?: boolean;
  /** Not on a phone, where the row shows what matters (the body cells say `visibleFrom="sm"` too). */
  hideOnPhone?: boolean;
  width?: number;
}

interface Props {
  /** Names the table for screen readers (visually hidden). */
  caption: string;
  columns: ListColumn[];
  /** The body rows. */
  children: ReactNode;
  /** Below this width the table scrolls sideways (not on a phone, where columns hide instead). */
  minWidth: number;
  /** A newer page is loading. */
  busy?: boolean;
  /** The last column holds each row's actions (its header is named for screen readers only). */
  withActions?: boolean;
}

/** The lists' table (admin console and studio): striped, scrolling on narrow screens, with a hidden caption. */
export function ListTable({ caption, columns, children, minWidth, busy, withActions }: Props) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  return (
    <Table.ScrollContainer minWidth={isPhone ? 0 : minWidth}>
      <Table striped highlightOnHover verticalSpacing="sm" aria-busy={busy}>
        <Table.Caption className="visually-hidden">{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c, i) => (
              <Table.Th key={i} scope="col" ta={c.numeric ? 'right' : undefined} visibleFrom={c.hideOnPhone ? 'sm' : undefined} w={c.width}>
                {c.label}
              </Table.Th>
            ))}
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
