/**
 * The signer's NIP as printed: "19690309 199403 2 001". The same grouping as `formatNip` of
 * @cakap/contracts, kept here because a template plugin depends on the plugin SDK only (the
 * recipient's NIP reaches the template already formatted, as the `nip` field).
 */
export const SIGNER_NIP = /^\d{8} ?\d{6} ?\d ?\d{3}$/;

export function printedNip(nip: string): string {
  const n = nip.replace(/\s/g, '');
  return `${n.slice(0, 8)} ${n.slice(8, 14)} ${n.slice(14, 15)} ${n.slice(15)}`;
}
