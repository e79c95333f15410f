// One copy of the driver quirk for the api, the worker and the record packages.
export { rowsOf } from '@cakap/db';

/** Escapes LIKE wildcards in user input. */
export function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => '\\' + c);
}
