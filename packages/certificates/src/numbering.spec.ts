import { CERTIFICATE_MESSAGES } from '@cakap/contracts';
import { formatNumber, validateNumberPattern } from './numbering';

describe('validateNumberPattern', () => {
  it.each(['{seq}/BKPSDMD-BH/{month-roman}/{year}', '800/{seq:4}/BKPSDMD-BH/{month}/{year}', '{course-code}.{seq:8}.{year}', 'No {seq:1} tahun {year}'])(
    'accepts %s',
    (p) => expect(validateNumberPattern(p)).toEqual({ ok: true }),
  );

  it('requires {seq} and {year}', () => {
    expect(validateNumberPattern('BKPSDMD/{year}')).toEqual({ ok: false, code: CERTIFICATE_MESSAGES.patternNoSeq, params: {} });
    expect(validateNumberPattern('{seq:4}/BKPSDMD')).toEqual({ ok: false, code: CERTIFICATE_MESSAGES.patternNoYear, params: {} });
  });

  it.each([
    ['{seq}/{tahun}/{year}', '{tahun}'],
    ['{seq:9}/{year}', '{seq:9}'],
    ['{seq:0}/{year}', '{seq:0}'],
    ['{seq:}/{year}', '{seq:}'],
    ['{SEQ}/{year}', '{SEQ}'],
    ['{seq}/{year}/}', '}'],
    ['{seq}/{year}/{', '{'],
    ['{seq}/{ye{ar}', '{ar}'],
  ])('refuses unknown tokens in %s', (p, token) => {
    const r = validateNumberPattern(p);
    expect(r).toEqual({ ok: false, code: CERTIFICATE_MESSAGES.patternUnknown, params: { token } });
  });

  it.each(['{seq}/Éndah/{year}', '{seq}\t{year}', '{seq}/{year}\n'])('refuses non-printable or non-ASCII literal text: %j', (p) => {
    expect(validateNumberPattern(p)).toEqual({ ok: false, code: CERTIFICATE_MESSAGES.patternCharacters, params: {} });
  });
});

describe('formatNumber', () => {
  const nov = { seq: 7, year: 2026, month: 11 };

  it('fills the placeholders', () => {
    expect(formatNumber('{seq}/BKPSDMD-BH/{month-roman}/{year}', nov)).toBe('7/BKPSDMD-BH/XI/2026');
    expect(formatNumber('800/{seq:4}/BKPSDMD-BH/{month}/{year}', nov)).toBe('800/0007/BKPSDMD-BH/11/2026');
    expect(formatNumber('{seq:4}/{month-roman}/{year}', { seq: 1, year: 2027, month: 1 })).toBe('0001/I/2027');
    expect(formatNumber('{seq:4}/{month-roman}', { seq: 1, year: 2027, month: 12 })).toBe('0001/XII');
  });

  it('never truncates a sequence longer than its padding', () => {
    expect(formatNumber('{seq:4}/{year}', { ...nov, seq: 123456 })).toBe('123456/2026');
  });

  it('prints the course code, or drops it with one neighbouring separator', () => {
    const p = '{seq:3}/{course-code}/{year}';
    expect(formatNumber(p, { ...nov, courseCode: 'PPP-01' })).toBe('007/PPP-01/2026');
    expect(formatNumber(p, { ...nov, courseCode: '' })).toBe('007/2026');
    expect(formatNumber(p, { ...nov, courseCode: null })).toBe('007/2026');
    expect(formatNumber('{course-code}-{seq}/{year}', nov)).toBe('7/2026');
    expect(formatNumber('{seq}/{year}.{course-code}', nov)).toBe('7/2026');
    expect(formatNumber('{seq}{course-code}{year}', nov)).toBe('72026');
  });
});
