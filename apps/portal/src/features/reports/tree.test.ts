import { describe, expect, it } from 'vitest';
import { orgUnitReport, UNITS } from './fixtures';
import { chartRows, filterTree, treeOrder } from './tree';

describe('the unit report as a tree', () => {
  it('puts each unit under its parent, siblings by name, whatever order the rows came in', () => {
    const ordered = treeOrder(orgUnitReport().units);
    expect(ordered.map((o) => [o.row.code, o.level])).toEqual([
      ['PEMKAB', 0],
      ['BKPSDMD', 1],
      ['DISKOMINFO', 1],
      ['DISKOMINFO-APT', 2],
    ]);
    // The chart keeps the top and its direct sub-units.
    expect(chartRows(ordered).map((r) => r.code)).toEqual(['PEMKAB', 'BKPSDMD', 'DISKOMINFO']);
  });

  it('starts at the filtered unit when its parent is outside the report', () => {
    const units = orgUnitReport().units.filter((u) => u.unitId === UNITS.diskominfo || u.unitId === UNITS.bidang);
    expect(treeOrder(units).map((o) => [o.row.code, o.level])).toEqual([
      ['DISKOMINFO', 0],
      ['DISKOMINFO-APT', 1],
    ]);
  });

  it('finds units by name or code and keeps their ancestors for context', () => {
    const ordered = treeOrder(orgUnitReport().units);
    expect(filterTree(ordered, 'aplikasi').map((o) => o.row.code)).toEqual(['PEMKAB', 'DISKOMINFO', 'DISKOMINFO-APT']);
    expect(filterTree(ordered, 'bkpsdmd').map((o) => o.row.code)).toEqual(['PEMKAB', 'BKPSDMD']);
    expect(filterTree(ordered, 'tidak ada')).toEqual([]);
    expect(filterTree(ordered, ' ')).toHaveLength(4);
  });
});
