/**
 * What the core reads from a template's configuration besides its layout: the place printed
 * before the date ("Muara Bulian, 28 November 2026") and the issuing body, recorded as the
 * organiser (SIASN) and signed in the payload. A template type names the body either as
 * `issuer` or as letterhead `issuerLines` (plugin-certificates "sttp": the regency, then the
 * agency), read most specific first: "BADAN ..., PEMERINTAH KABUPATEN BATANGHARI".
 */
export function templateTexts(config: unknown): { place: string; issuer: string } {
  const c = (config ?? {}) as Record<string, unknown>;
  const lines = Array.isArray(c.issuerLines) ? c.issuerLines.filter((l): l is string => typeof l === 'string' && l.trim() !== '') : [];
  const issuer = typeof c.issuer === 'string' && c.issuer.trim() ? c.issuer.trim() : lines.reverse().join(', ');
  return {
    place: typeof c.place === 'string' ? c.place : '',
    // The payload and SIASN need some organiser: the instance's own name, as the JP ledger uses.
    issuer: (issuer || 'Cakap e-learning').slice(0, 300),
  };
}
