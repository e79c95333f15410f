import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** What global-setup started, for global-teardown to stop (they run in the runner process). */
export interface E2EState {
  /** Each started process and the script it runs. */
  pids: { pid: number; script: string }[];
  dbName: string | null;
  dbUrl: string | null;
  logDir: string;
  redisUrl?: string;
  queuePrefix?: string;
}

// One state file per portal port: runs on other ports (another engineer's, see E2E_PORTAL_PORT)
// neither find nor stop this run's processes.
const port = process.env.E2E_PORTAL_PORT;
const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), `../.e2e/state${port ? `-${port}` : ''}.json`);

export function saveState(state: E2EState) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(state, null, 2));
}

export function loadState(): E2EState | null {
  if (!existsSync(file)) return null;
  return JSON.parse(readFileSync(file, 'utf8')) as E2EState;
}

export function clearState() {
  rmSync(file, { force: true });
}
