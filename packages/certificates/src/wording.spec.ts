import { dateRangeId, formatDateId, jpText, pangkatOf, terbilang } from './wording';

describe('terbilang', () => {
  it.each([
    [0, 'nol'],
    [1, 'satu'],
    [9, 'sembilan'],
    [10, 'sepuluh'],
    [11, 'sebelas'],
    [12, 'dua belas'],
    [19, 'sembilan belas'],
    [20, 'dua puluh'],
    [21, 'dua puluh satu'],
    [45, 'empat puluh lima'],
    [99, 'sembilan puluh sembilan'],
    [100, 'seratus'],
    [101, 'seratus satu'],
    [110, 'seratus sepuluh'],
    [111, 'seratus sebelas'],
    [120, 'seratus dua puluh'],
    [200, 'dua ratus'],
    [999, 'sembilan ratus sembilan puluh sembilan'],
    [1000, 'seribu'],
    [1001, 'seribu satu'],
    [1100, 'seribu seratus'],
    [2021, 'dua ribu dua puluh satu'],
    [11_000, 'sebelas ribu'],
    [100_000, 'seratus ribu'],
    [101_011, 'seratus satu ribu sebelas'],
    [999_999, 'sembilan ratus sembilan puluh sembilan ribu sembilan ratus sembilan puluh sembilan'],
    [1_000_000, 'satu juta'],
    [2_500_000, 'dua juta lima ratus ribu'],
    [1_000_000_000, 'satu miliar'],
    [3_000_000_000_000, 'tiga triliun'],
  ])('%d → %s', (n, words) => expect(terbilang(n)).toBe(words));

  it('refuses what is not a non-negative integer', () => {
    expect(() => terbilang(-1)).toThrow(RangeError);
    expect(() => terbilang(1.5)).toThrow(RangeError);
    expect(() => terbilang(1e15)).toThrow(RangeError);
  });
});

it('jpText prints JP as a number and in words', () => {
  expect(jpText(20)).toBe('20 (dua puluh) jam pelajaran');
  expect(jpText(1)).toBe('1 (satu) jam pelajaran');
  expect(jpText(115)).toBe('115 (seratus lima belas) jam pelajaran');
});

describe('dates', () => {
  it('formats a calendar date the Indonesian way', () => {
    expect(formatDateId('2026-11-28')).toBe('28 November 2026');
    expect(formatDateId('2026-01-01')).toBe('1 Januari 2026');
    expect(formatDateId('2024-02-29')).toBe('29 Februari 2024');
    expect(() => formatDateId('2026-02-29')).toThrow(RangeError);
    expect(() => formatDateId('28/11/2026')).toThrow(RangeError);
  });

  it('shares what both ends of a range share', () => {
    expect(dateRangeId('2026-11-28', '2026-11-28')).toBe('28 November 2026');
    expect(dateRangeId('2026-11-01', '2026-11-28')).toBe('1 s.d. 28 November 2026');
    expect(dateRangeId('2026-10-28', '2026-11-02')).toBe('28 Oktober s.d. 2 November 2026');
    expect(dateRangeId('2025-12-30', '2026-01-02')).toBe('30 Desember 2025 s.d. 2 Januari 2026');
    expect(() => dateRangeId('2026-11-02', '2026-11-01')).toThrow(RangeError);
  });
});

describe('pangkatOf', () => {
  it.each([
    ['I/a', 'Juru Muda (I/a)'],
    ['I/b', 'Juru Muda Tingkat I (I/b)'],
    ['I/d', 'Juru Tingkat I (I/d)'],
    ['II/a', 'Pengatur Muda (II/a)'],
    ['II/c', 'Pengatur (II/c)'],
    ['III/a', 'Penata Muda (III/a)'],
    ['III/b', 'Penata Muda Tingkat I (III/b)'],
    ['III/d', 'Penata Tingkat I (III/d)'],
    ['IV/a', 'Pembina (IV/a)'],
    ['IV/c', 'Pembina Utama Muda (IV/c)'],
    ['IV/d', 'Pembina Utama Madya (IV/d)'],
    ['IV/e', 'Pembina Utama (IV/e)'],
  ])('PNS %s → %s', (g, text) => expect(pangkatOf(g)).toBe(text));

  it('reads the golongan however it was typed', () => {
    for (const g of ['iii/a', 'III-a', 'III a', ' III / A ', 'IIIa']) expect(pangkatOf(g)).toBe('Penata Muda (III/a)');
  });

  it('prints a PPPK golongan (no pangkat) as "Golongan N"', () => {
    expect(pangkatOf('IX')).toBe('Golongan IX');
    expect(pangkatOf('i')).toBe('Golongan I');
    expect(pangkatOf('XVII')).toBe('Golongan XVII');
    expect(pangkatOf('Golongan V')).toBe('Golongan V');
  });

  it('prints nothing rather than a guess', () => {
    for (const g of [null, undefined, '', 'XVIII', 'XIX', 'I/e', 'V/a', 'IIII', '3a', 'Penata']) expect(pangkatOf(g)).toBe('');
  });
});
