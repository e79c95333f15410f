import { checkNip, formatNip, maskNip } from './nip';

const NOW = new Date('2026-11-28T00:00:00Z');

describe('checkNip', () => {
  it('accepts a valid PNS NIP and reads it', () => {
    expect(checkNip('198609262015051001', undefined, NOW)).toEqual({
      ok: true,
      asnType: 'pns',
      birthDate: '1986-09-26',
      sex: 'male',
    });
    expect(checkNip('19690309 199403 2 001', 'pns', NOW)).toMatchObject({ ok: true, sex: 'female' });
  });

  it.each([
    ['12345', 'nip.format'],
    ['1986092620150510011', 'nip.format'],
    ['19860926201505100A', 'nip.format'],
    ['198602302015051001', 'nip.birthDate'], // 30 February
    ['198613012015051001', 'nip.birthDate'], // month 13
    ['192001012015051001', 'nip.birthDate'], // before 1930
    ['198609262000051001', 'nip.appointmentDate'], // appointed at 13
    ['198609262015131001', 'nip.appointmentDate'], // month 13
    ['198609262027011001', 'nip.appointmentDate'], // in the future
    ['198609262015053001', 'nip.sex'],
    ['198609262015051000', 'nip.serial'],
  ])('rejects %s with %s', (nip, error) => {
    expect(checkNip(nip, 'pns', NOW)).toEqual({ ok: false, error });
  });

  it('reads a PPPK number leniently in digits 13–14, only when the data says PPPK or the PNS reading fails', () => {
    // 1990-05-17, appointed 2022, "2", contract 1, female, serial 004
    expect(checkNip('199005172022212004', 'pppk', NOW)).toMatchObject({ ok: true, asnType: 'pppk', sex: 'female' });
    // digit 14 broken (0) as in recent examples: still accepted for PPPK
    expect(checkNip('199005172024201004', 'pppk', NOW)).toMatchObject({ ok: true });
    // the same number is no PNS NIP (month 21)
    expect(checkNip('199005172022212004', 'pns', NOW)).toEqual({ ok: false, error: 'nip.appointmentDate' });
    // unknown type: accepted as PPPK
    expect(checkNip('199005172022212004', undefined, NOW)).toMatchObject({ ok: true, asnType: 'pppk' });
    // but a PPPK appointment before age 17 is not plausible
    expect(checkNip('199005172000212004', 'pppk', NOW)).toEqual({ ok: false, error: 'nip.appointmentDate' });
  });
});

describe('formatting', () => {
  it('prints a NIP in groups and masks it for public pages', () => {
    expect(formatNip('198609262015051001')).toBe('19860926 201505 1 001');
    expect(maskNip('19860926 201505 1 001')).toBe('19860926 ****** * 001');
  });
});
