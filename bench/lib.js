'use strict';
/**
 * What the benchmarks share: flags, fixture NIPs, a fresh database and queue prefix, the
 * built api spawned as in production, the people and the published course a run needs,
 * logging learners in, latency figures, and tearing down what a run made.
 */
const { spawn } = require('node:child_process');
const { randomBytes, randomUUID } = require('node:crypto');
const { createRequire } = require('node:module');
const http = require('node:http');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const apiDir = path.resolve(__dirname, '../apps/api');
/** Resolves a package as the api does (the bench itself has no dependencies). */
const fromApi = createRequire(path.join(apiDir, 'package.json'));

const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const BASE_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
/** Every bench learner's password (they share one argon2id hash). */
const PASSWORD = 'rahasia123';

/** `--name value` from the command line as a number, or the fallback. */
function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

/** The i-th of many distinct, valid PNS NIPs (DOMAIN.md rules), deterministic per index. */
function benchNip(i) {
  const year = 1965 + (i % 30);
  const month = 1 + (Math.floor(i / 30) % 12);
  const day = 1 + (Math.floor(i / 360) % 28);
  const serial = 1 + Math.floor(i / 10080);
  const appointment = `${year + 22 + (i % 8)}${String(1 + (i % 12)).padStart(2, '0')}`;
  return `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${appointment}${1 + (i % 2)}${String(serial).padStart(3, '0')}`;
}

/**
 * A fresh, migrated database (connected `pg` client), a unique queue prefix and a Redis
 * connection, resolved from the app whose dependencies the bench borrows (`fromApp`).
 */
async function openBench(fromApp = fromApi) {
  const { createTestDatabase } = fromApp('@cakap/db');
  const { Redis } = fromApp('ioredis');
  const { Client } = fromApp('pg');
  const db = await createTestDatabase(BASE_URL, 'cakap_bench');
  const prefix = `cakap-bench-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  const pg = new Client({ connectionString: db.url });
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  await pg.connect();
  return { db, prefix, pg, redis };
}

/** One org unit, one author and `count` learners sharing one password hash. */
async function seedPeople(pg, count) {
  const { hashPassword } = require(path.join(apiDir, 'dist/auth/password.js'));
  const {
    rows: [unit],
  } = await pg.query(`INSERT INTO org_units (code, name) VALUES ('BKPSDMD', 'BKPSDMD Kabupaten Batanghari') RETURNING id`);
  const {
    rows: [author],
  } = await pg.query(`INSERT INTO users (nip, name, org_unit_id, roles) VALUES ($1, 'Penulis', $2, '{author}') RETURNING id`, [benchNip(9_000_000), unit.id]);
  const nips = Array.from({ length: count }, (_, i) => benchNip(i));
  await pg.query(
    `INSERT INTO users (nip, name, org_unit_id, roles, password_hash) SELECT n, 'Peserta ' || n, $2, '{learner}', $3 FROM unnest($1::text[]) n`,
    [nips, unit.id, await hashPassword(PASSWORD)],
  );
  return { unit, author, nips };
}

/** 'Pelayanan Publik Prima' published as version 1 with `content`, straight into the tables. */
async function publishCourse(pg, author, content) {
  const title = 'Pelayanan Publik Prima';
  const {
    rows: [course],
  } = await pg.query(
    `INSERT INTO courses (owner_id, title, jp, status, content, published_version, published_revision)
     VALUES ($1, $2, 2, 'published', $3, 1, 0) RETURNING id`,
    [author.id, title, JSON.stringify(content)],
  );
  const meta = { title, summary: '', jp: 2, category: null, coverFileId: null, durationMinutes: 90, language: 'id', developmentForm: 'NKL03', tags: [] };
  const snapshot = { courseId: course.id, version: 1, meta, content, authors: [{ id: author.id, name: 'Penulis' }], publishedAt: new Date().toISOString() };
  const lessons = content.modules.reduce((n, m) => n + m.lessons.length, 0);
  await pg.query(
    `INSERT INTO course_versions (course_id, version, snapshot, hash, published_by, published_at, title, language, jp, module_count, lesson_count, search_text)
     VALUES ($1, 1, $2, repeat('0', 64), $3, now(), $4::text, 'id', 2, $5, $6, lower($4::text))`,
    [course.id, JSON.stringify(snapshot), author.id, title, content.modules.length, lessons],
  );
  return course;
}

/** The environment of an api process of this run (production mode, the run's database and prefix). */
function apiEnv({ db, prefix }) {
  return {
    ...process.env,
    DATABASE_URL: db.url,
    REDIS_URL,
    QUEUE_PREFIX: prefix,
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    JWT_SECRET: randomBytes(24).toString('hex'),
    CAKAP_KEY_SECRET: randomBytes(24).toString('hex'),
    ACCESS_TOKEN_TTL_SEC: '3600',
    CAKAP_DATA_DIR: path.join(os.tmpdir(), `cakap-bench-${randomUUID()}`),
  };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/**
 * Starts one built api process (`node [flags] dist/main.js`) on a free port, adds it to
 * `children` (for teardown, even when it fails to start) and resolves with its base URL once
 * /health answers.
 */
async function startApi(env, children, flags = []) {
  const port = await freePort();
  const child = spawn(process.execPath, [...flags, 'dist/main.js'], { cwd: apiDir, env: { ...env, PORT: String(port) }, stdio: ['ignore', 'inherit', 'inherit'] });
  children.push(child);
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`api exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/health`)).ok) return base;
    } catch {
      /* not listening yet */
    }
    if (i > 300) throw new Error('api not ready after 30 s');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * JSON requests over node:http with a keep-alive agent; `reset()` starts a fresh agent (one
 * per phase, so a phase does not inherit the sockets of the one before). A request that meets
 * a kept-alive socket the server has just closed (its keep-alive timeout) is sent again on a
 * new one, as browsers do; any other network failure answers status 0.
 */
function httpClient() {
  let agent;
  const reset = () => {
    agent?.destroy();
    agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  };
  const call = (base, method, url, token, body, retried = false) =>
    new Promise((resolve) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const req = http.request(
        base + url,
        {
          method,
          agent,
          headers: {
            ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
        },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString();
            resolve({ status: res.statusCode, body: text ? JSON.parse(text) : null });
          });
          res.on('error', () => resolve({ status: 0, body: null }));
        },
      );
      req.on('error', (err) => {
        if (req.reusedSocket && err.code === 'ECONNRESET' && !retried) resolve(call(base, method, url, token, body, true));
        else resolve({ status: 0, body: null });
      });
      req.end(payload);
    });
  reset();
  return { call, reset, close: () => agent.destroy() };
}

/** Runs `fn` over `items`, `size` at a time. */
async function pool(items, size, fn) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(size, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i], i);
      }
    }),
  );
}

/** Logs a bench learner in through the api; resolves with the login response body. */
async function logIn(call, base, nip) {
  const login = await call(base, 'POST', '/api/v1/auth/login', null, { nip, password: PASSWORD });
  if (login.status !== 200) throw new Error(`login ${nip}: ${login.status} ${JSON.stringify(login.body)}`);
  return login.body;
}

/** Milliseconds since a `process.hrtime.bigint()` reading. */
const msSince = (start) => Number(process.hrtime.bigint() - start) / 1e6;

const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0);
/** Count, p50/p95/p99 and max of latencies in ms (one decimal). */
function stats(ms) {
  const s = [...ms].sort((a, b) => a - b);
  const r = (v) => Number(v.toFixed(1));
  return { count: s.length, p50: r(percentile(s, 50)), p95: r(percentile(s, 95)), p99: r(percentile(s, 99)), max: r(s[s.length - 1] || 0) };
}

/**
 * Stops the spawned apps (SIGTERM, as an orchestrator would, one after the other), removes
 * the run's Redis keys, and drops its database.
 */
async function teardown({ child, children = child ? [child] : [], redis, prefix, pg, db }) {
  for (const c of children) {
    if (c.exitCode === null) {
      const exited = new Promise((r) => c.once('exit', r));
      c.kill('SIGTERM');
      await exited;
    }
  }
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  redis.disconnect();
  await pg?.end().catch(() => undefined);
  await db.drop();
}

/** The node flags of the worker's start:prod script (its heap limits), so benches run it as production does. */
function workerNodeFlags() {
  return require('../apps/worker/package.json').scripts['start:prod'].split(' ').filter((a) => a.startsWith('--'));
}

module.exports = { workerNodeFlags, arg, benchNip, openBench, seedPeople, publishCourse, apiEnv, startApi, httpClient, pool, logIn, msSince, stats, teardown };
