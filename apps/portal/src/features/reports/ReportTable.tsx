import type { ReactNode } from 'react';
import { Table } from '@mantine/core';

interface Props {
  /** Column headers; the first column holds the row headers. */
  columns: string[];
  rows: { key: string; header: ReactNode; cells: ReactNode[] }[];
  /** A closing row (totals), in tfoot. */
  footer?: { header: ReactNode; cells: ReactNode[] };
  caption?: string;
  /** Names the scrolling box for screen readers (it takes keyboard focus, so it can be scrolled without a mouse). */
  label: string;
  minWidth?: number;
  testId?: string;
}

/**
 * A report table: row headers (th scope=row), figures right-aligned, and on a phone it scrolls
 * sideways inside its own box (focusable, WCAG 2.1.1) rather than widening the page.
 */
export function ReportTable({ columns, rows, footer, caption, label, minWidth = 480, testId }: Props) {
  return (
    <div role="region" aria-label={label} tabIndex={0} style={{ overflowX: 'auto' }}>
      <Table data-testid={testId} miw={minWidth} striped highlightOnHover captionSide="top">
        {caption && <caption style={{ textAlign: 'left', fontWeight: 600 }}>{caption}</caption>}
        <Table.Thead>
          <Table.Tr>
            {columns.map((c, i) => (
              <Table.Th key={c} scope="col" ta={i === 0 ? undefined : 'right'}>
                {c}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key}>
              <Table.Th scope="row" fw={400}>
                {r.header}
              </Table.Th>
              {r.cells.map((c, i) => (
                <Table.Td key={i} ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {c}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
        {footer && (
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row">{footer.header}</Table.Th>
              {footer.cells.map((c, i) => (
                <Table.Td key={i} ta="right" fw={700} style={{ whiteSpace: 'nowrap' }}>
                  {c}
                </Table.Td>
              ))}
            </Table.Tr>
          </Table.Tfoot>
        )}
      </Table>
    </div>
  );
}
