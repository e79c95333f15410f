/**
 * NIP — the national identifier of an ASN (see shared/DOMAIN.md).
 *
 * PNS (Perka BKN 22/2007): YYYYMMDD birth date, YYYYMM first CPNS appointment, sex digit
 * 1|2, serial NNN. PPPK: YYYYMMDD birth date, YYYY appointment year, "2", number of
 * contracts, sex digit, serial NNN — recent PPPK numbers break digits 13–14, so those are
 * not checked. PNS or PPPK comes from data (`asnType`), never guessed from the number;
 * when the type is unknown, a number valid under either reading is accepted.
 */
export type AsnType = 'pns' | 'pppk';

export type NipErrorKey =
  | 'nip.format'
  | 'nip.birthDate'
  | 'nip.appointmentDate'
  | 'nip.sex'
  | 'nip.serial';

export type NipCheck =
  | { ok: true; asnType: AsnType; birthDate: string; sex: 'male' | 'female' | null }
  | { ok: false; error: NipErrorKey };

/** People are appointed at 18 at the earliest; allow a little slack for rounding by month. */
const MIN_APPOINTMENT_AGE = 17;
const OLDEST_BIRTH_YEAR = 1930;

function realDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** Strips the spaces and dots people type when copying a printed NIP. */
export function normalizeNip(raw: string): string {
  return raw.replace(/[\s.]/g, '');
}

export function checkNip(raw: string, asnType?: AsnType, now: Date = new Date()): NipCheck {
  const nip = normalizeNip(raw);
  if (!/^\d{18}$/.test(nip)) return { ok: false, error: 'nip.format' };
  const by = Number(nip.slice(0, 4));
  const bm = Number(nip.slice(4, 6));
  const bd = Number(nip.slice(6, 8));
  const thisYear = now.getUTCFullYear();
  if (!realDate(by, bm, bd) || by < OLDEST_BIRTH_YEAR || by > thisYear - MIN_APPOINTMENT_AGE) {
    return { ok: false, error: 'nip.birthDate' };
  }
  const birthDate = nip.slice(0, 4) + '-' + nip.slice(4, 6) + '-' + nip.slice(6, 8);
  if (nip.slice(15) === '000') return { ok: false, error: 'nip.serial' };

  const asPns = (): NipCheck => {
    const ay = Number(nip.slice(8, 12));
    const am = Number(nip.slice(12, 14));
    const nowMonths = thisYear * 12 + now.getUTCMonth();
    if (am < 1 || am > 12 || ay - by < MIN_APPOINTMENT_AGE || ay * 12 + am - 1 > nowMonths) {
      return { ok: false, error: 'nip.appointmentDate' };
    }
    const sex = nip[14];
    if (sex !== '1' && sex !== '2') return { ok: false, error: 'nip.sex' };
    return { ok: true, asnType: 'pns', birthDate, sex: sex === '1' ? 'male' : 'female' };
  };
  const asPppk = (): NipCheck => {
    const ay = Number(nip.slice(8, 12));
    if (ay - by < MIN_APPOINTMENT_AGE || ay > thisYear) return { ok: false, error: 'nip.appointmentDate' };
    const sex = nip[14];
    return { ok: true, asnType: 'pppk', birthDate, sex: sex === '1' ? 'male' : sex === '2' ? 'female' : null };
  };

  if (asnType === 'pns') return asPns();
  if (asnType === 'pppk') return asPppk();
  const pns = asPns();
  if (pns.ok) return pns;
  const pppk = asPppk();
  return pppk.ok ? pppk : pns;
}

/** `19860926 201505 1 001` — how a NIP is printed and shown. */
export function formatNip(nip: string): string {
  const n = normalizeNip(nip);
  if (n.length !== 18) return n;
  return `${n.slice(0, 8)} ${n.slice(8, 14)} ${n.slice(14, 15)} ${n.slice(15)}`;
}

/** `19860926 ****** * 001` — for public pages (certificate verification). */
export function maskNip(nip: string): string {
  const n = normalizeNip(nip);
  if (n.length !== 18) return '*'.repeat(n.length);
  return `${n.slice(0, 8)} ****** * ${n.slice(15)}`;
}
