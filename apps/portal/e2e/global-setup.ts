/**
 * Starts what the browser tests need, from built output only:
 *   a fresh migrated database (createTestDatabase), the demo seed, the api and the worker
 *   (their dist/), and `vite preview` of the portal's dist/ proxying /api to that api.
 * Every process is started directly (never through pnpm, STACK trap 7) and killed by pid in
 * global-teardown.ts. Logs go to apps/portal/.e2e/<run>/.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase } from '@cakap/db';
import { E2E_API_PORT, E2E_PORTAL_PORT } from '../playwright.config';
import { loadState, saveState, type E2EState } from './state';
import globalTeardown from './global-teardown';

const portalDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const apiDir = path.resolve(portalDir, '../api');
const workerDir = path.resolve(portalDir, '../worker');

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** The portal is built by its build task; build it here only if dist/ is missing or older than src/. */
function ensurePortalBuild() {
  const index = path.join(portalDir, 'dist/index.html');
  const stale = !existsSync(index) || statSync(index).mtimeMs < Math.max(newestMtime(path.join(portalDir, 'src')), statSync(path.join(portalDir, 'index.html')).mtimeMs);
  if (!stale) return;
  console.log('[e2e] portal dist/ is missing or older than src/: running vite build');
  execFileSync(process.execPath, [path.join(portalDir, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: portalDir,
    stdio: ['ignore', 'inherit', 'inherit'],
    timeout: 180_000,
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

/** Keeps the logs of the last few runs only. */
function pruneOldLogs(root: string, keep: number) {
  if (!existsSync(root)) return;
  const runs = readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => ({ dir: path.join(root, d.name), at: statSync(path.join(root, d.name)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const old of runs.slice(keep)) rmSync(old.dir, { recursive: true, force: true });
}

function start(name: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, logDir: string): ChildProcess {
  const log = createWriteStream(path.join(logDir, `${name}.log`));
  const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return child;
}

function tail(file: string, lines = 40): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

async function waitFor(url: string, what: string, children: { name: string; child: ChildProcess }[], logDir: string, timeoutMs = 90_000) {
  const until = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < until) {
    for (const { name, child } of children) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`[e2e] ${name} exited (${child.exitCode ?? child.signalCode}) before ${what} was ready:\n${tail(path.join(logDir, `${name}.log`))}`);
      }
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(3000) });
      if (res.ok) return;
      last = `HTTP ${res.status}: ${(await res.text()).slice(0, 300)}`;
    } catch (e) {
      last = String(e);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`[e2e] ${what} (${url}) not ready after ${timeoutMs / 1000}s: ${last}`);
}

async function setup() {
  const runId = `${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  const logDir = path.join(portalDir, '.e2e', runId);
  pruneOldLogs(path.join(portalDir, '.e2e'), 4);
  mkdirSync(logDir, { recursive: true });
  const state: E2EState = { pids: [], dbName: null, dbUrl: null, logDir };
  saveState(state);

  const missing = [
    path.join(apiDir, 'dist/main.js'),
    path.join(apiDir, 'dist/seed/seed.main.js'),
    path.join(workerDir, 'dist/main.js'),
  ].filter((f) => !existsSync(f));
  if (missing.length) {
    throw new Error(
      `[e2e] missing build output: ${missing.join(', ')}.\n` +
        'Build first: cd /work/main && pnpm turbo run build --filter=@cakap/portal...',
    );
  }
  for (const port of [E2E_API_PORT, E2E_PORTAL_PORT]) {
    if (!(await portFree(port))) {
      throw new Error(`[e2e] port ${port} is in use; set E2E_API_PORT / E2E_PORTAL_PORT to free ports`);
    }
  }

  ensurePortalBuild();

  const db = await createTestDatabase(process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres', 'cakap_e2e');
  state.dbName = db.name;
  state.dbUrl = db.url;
  saveState(state);

  const portalUrl = `http://127.0.0.1:${E2E_PORTAL_PORT}`;
  const dataDir = path.join(logDir, 'data');
  mkdirSync(dataDir, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATABASE_URL: db.url,
    REDIS_URL: process.env.REDIS_URL || 'redis://127.0.0.1:6379',
    PORT: String(E2E_API_PORT),
    HOST: '127.0.0.1',
    QUEUE_PREFIX: `cakap-e2e-${runId}`,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'test',
    PUBLIC_BASE_URL: portalUrl,
    CAKAP_DATA_DIR: dataDir,
    API_DOCS: 'false',
  };

  state.redisUrl = env.REDIS_URL;
  state.queuePrefix = env.QUEUE_PREFIX;
  saveState(state);

  execFileSync(process.execPath, ['dist/seed/seed.main.js'], {
    cwd: apiDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 120_000,
  });

  const api = start('api', ['dist/main.js'], apiDir, env, logDir);
  state.pids.push({ pid: api.pid!, script: 'dist/main.js' });
  const worker = start('worker', ['dist/main.js'], workerDir, env, logDir);
  state.pids.push({ pid: worker.pid!, script: 'dist/main.js' });
  const preview = start(
    'preview',
    [path.join(portalDir, 'node_modules/vite/bin/vite.js'), 'preview', '--port', String(E2E_PORTAL_PORT), '--strictPort', '--host', '127.0.0.1'],
    portalDir,
    { ...process.env, API_URL: `http://127.0.0.1:${E2E_API_PORT}` },
    logDir,
  );
  state.pids.push({ pid: preview.pid!, script: 'vite.js' });
  saveState(state);

  const children = [
    { name: 'api', child: api },
    { name: 'worker', child: worker },
    { name: 'preview', child: preview },
  ];
  await waitFor(`http://127.0.0.1:${E2E_API_PORT}/health/ready`, 'the api', children, logDir);
  await waitFor(`${portalUrl}/`, 'the portal preview', children, logDir);
  await waitFor(`${portalUrl}/health`, 'the preview proxy to the api', children, logDir);
  console.log(`[e2e] ready: portal ${portalUrl}, api :${E2E_API_PORT}, db ${db.name}, logs ${path.relative(process.cwd(), logDir)}`);
}

export default async function globalSetup() {
  // A previous run that was killed may have left processes and a database behind.
  if (loadState()) await globalTeardown();
  try {
    await setup();
  } catch (e) {
    await globalTeardown();
    throw e;
  }
}
