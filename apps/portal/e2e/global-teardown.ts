/** Stops what global-setup started (by pid) and drops the test database. */
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { deleteRedisPrefix } from './redis-cleanup';
import { clearState, loadState } from './state';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Only a process that still runs the script we started (pids get reused). */
function ours(pid: number, script: string): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(script);
  } catch {
    return alive(pid); // no /proc: trust the pid
  }
}

async function stop({ pid, script }: { pid: number; script: string }) {
  if (!alive(pid) || !ours(pid, script)) return;
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  const until = Date.now() + 8000;
  while (alive(pid) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
  if (alive(pid)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
}

export default async function globalTeardown() {
  const state = loadState();
  if (!state) return;
  await Promise.all(state.pids.map(stop));
  if (state.dbUrl && state.dbName && /^[A-Za-z0-9_]+$/.test(state.dbName)) {
    const admin = new URL(state.dbUrl);
    admin.pathname = '/postgres';
    const client = new Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      await client.query(`DROP DATABASE IF EXISTS "${state.dbName}" WITH (FORCE)`);
    } finally {
      await client.end();
    }
  }
  if (state.redisUrl && state.queuePrefix) await deleteRedisPrefix(state.redisUrl, state.queuePrefix);
  clearState();
}
