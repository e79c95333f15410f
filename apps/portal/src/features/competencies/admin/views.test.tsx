import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { MemoryRouter } from 'react-router';
import type { CompetencyNode, Heatmap } from '@cakap/contracts';
import '../../../i18n';
import '../../../test/domShims';
import { CompetencyTree } from './CompetencyTree';
import { HeatmapTable } from './HeatmapTable';

afterEach(cleanup);

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const node = (n: number, code: string, levels: number, children: CompetencyNode[] = []): CompetencyNode => ({
  id: uuid(n),
  identifier: uuid(100 + n),
  code,
  name: `Kompetensi ${code}`,
  kind: 'teknis',
  definition: '',
  position: n,
  levels: Array.from({ length: levels }, (_, i) => ({ level: i + 1, description: `Level ${i + 1}`, indicators: [] })),
  children,
});

const wrap = (ui: React.ReactNode) => render(<MantineProvider>{ui}</MantineProvider>);

describe('the competency tree', () => {
  it('nests, collapses with a labelled disclosure button and offers the node actions', () => {
    const onAddChild = vi.fn();
    const onEdit = vi.fn();
    const onDelete = vi.fn();
    const area = node(1, 'T.1', 0, [node(2, 'T.1.1', 3)]);
    wrap(<CompetencyTree nodes={[area]} label="Struktur" onAddChild={onAddChild} onEdit={onEdit} onDelete={onDelete} />);

    const tree = screen.getByRole('list', { name: 'Struktur' });
    expect(within(tree).getByText('Kelompok (tanpa level)')).toBeTruthy();
    expect(within(tree).getByText('3 level')).toBeTruthy();

    const toggle = screen.getByRole('button', { name: 'Tutup Kompetensi T.1' });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(toggle);
    expect(screen.getByRole('button', { name: 'Buka Kompetensi T.1' }).getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByText('T.1.1')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Buka semua' }));
    expect(screen.getByText('T.1.1')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Tambah sub-kompetensi di bawah Kompetensi T.1' }));
    fireEvent.click(screen.getByRole('button', { name: 'Ubah Kompetensi T.1.1' }));
    fireEvent.click(screen.getByRole('button', { name: 'Hapus Kompetensi T.1.1' }));
    expect(onAddChild).toHaveBeenCalledWith(area);
    expect(onEdit).toHaveBeenCalledWith(area.children[0]);
    expect(onDelete).toHaveBeenCalledWith(area.children[0]);
  });
});

describe('the heat map table', () => {
  it('prints share and count in each cell, marks cells nobody must meet and links units with sub-units', () => {
    const heatmap: Heatmap = {
      parent: null,
      units: [
        { id: uuid(1), code: 'DISKOMINFO', name: 'Dinas Kominfo', asnCount: 6, hasChildren: true },
        { id: uuid(2), code: 'BPBD', name: 'BPBD', asnCount: 2, hasChildren: false },
      ],
      competencies: [
        { id: uuid(11), code: 'M.5', name: 'Pelayanan Publik' },
        { id: uuid(12), code: 'T.1', name: 'Pengelolaan Kas' },
      ],
      cells: [
        { orgUnitId: uuid(1), competencyId: uuid(11), required: 6, met: 4, share: 4 / 6 },
        { orgUnitId: uuid(2), competencyId: uuid(11), required: 2, met: 2, share: 1 },
      ],
    };
    render(
      <MemoryRouter>
        <MantineProvider>
          <HeatmapTable heatmap={heatmap} caption="Peta" drillTo={(id) => `?unit=${id}`} />
        </MantineProvider>
      </MemoryRouter>,
    );
    const table = screen.getByRole('table', { name: 'Peta' });
    const kominfo = within(table).getByRole('row', { name: /Dinas Kominfo/ });
    expect(within(kominfo).getByText('67%')).toBeTruthy();
    expect(within(kominfo).getByText('4/6')).toBeTruthy();
    expect(within(kominfo).getByText('Tidak disyaratkan')).toBeTruthy();
    expect(within(kominfo).getByRole('link', { name: 'Lihat sub-unit Dinas Kominfo' }).getAttribute('href')).toBe(`/?unit=${uuid(1)}`);
    const bpbd = within(table).getByRole('row', { name: /BPBD/ });
    expect(within(bpbd).getByText('100%')).toBeTruthy();
    expect(within(bpbd).queryByRole('link')).toBeNull();
    // The scrolling box is reachable by keyboard.
    expect(screen.getByRole('region', { name: 'Peta' }).getAttribute('tabindex')).toBe('0');
  });
});
