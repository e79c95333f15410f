import { describe, expect, it } from 'vitest';
import { parseNipList } from './nipList';

const A = '199003202015031003';
const B = '198502152010012002';

describe('parseNipList', () => {
  it('reads one NIP a line, printed groups and blank lines included', () => {
    expect(parseNipList(`${A}\n\n19850215 201001 2 002\r\n`)).toEqual({ nips: [A, B], duplicates: 0, rejected: [] });
  });

  it('reads a CSV with a header and a name column, quoted cells and a BOM', () => {
    const csv = `\uFEFFnip;nama\n"${A}";"Budi, S.E."\n${B},Siti\n`;
    expect(parseNipList(csv)).toEqual({ nips: [A, B], duplicates: 0, rejected: [] });
  });

  it('counts repeats and lists the lines that are not 18 digits, numbered as typed', () => {
    const r = parseNipList(`${A}\n1990032020150310\n${A}\nBudi Santoso\n${B}`);
    expect(r.nips).toEqual([A, B]);
    expect(r.duplicates).toBe(1);
    expect(r.rejected).toEqual([
      { line: 2, text: '1990032020150310' },
      { line: 4, text: 'Budi Santoso' },
    ]);
  });

  it('does not take a wrong first line for a header when it has digits', () => {
    expect(parseNipList(`12345\n${A}`).rejected).toEqual([{ line: 1, text: '12345' }]);
  });
});
