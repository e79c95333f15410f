#!/usr/bin/env node
/**
 * Bench: N concurrent learners against the real, built api (apps/api/dist/main.js, spawned as
 * in production) on a fresh database and a unique queue prefix. Each learner logs in and
 * enrols (setup, not measured), then loops for the measured duration: open the outline
 * (GET /enrollments/:id), report progress on the next block (POST /enrollments/:id/progress)
 * and, at a lesson's end, complete it (POST /enrollments/:id/lessons/:key/complete).
 * Prints requests/s and p50/p95/p99 latency overall and per request kind, then removes
 * everything it made.
 *
 *   pnpm turbo run build --filter=@cakap/api...
 *   node bench/learning/run.js [--learners 500] [--seconds 20] [--think 0]
 *
 * DATABASE_URL (a server to create the bench database on) and REDIS_URL as for the api.
 */
'use strict';
const { arg, benchNip: nip, teardown } = require('../lib');
const { spawn } = require('node:child_process');
const { randomBytes, randomUUID } = require('node:crypto');
const { createRequire } = require('node:module');
const net = require('node:net');
const path = require('node:path');

const apiDir = path.resolve(__dirname, '../../apps/api');
const fromApi = createRequire(path.join(apiDir, 'package.json'));
const { createTestDatabase } = fromApi('@cakap/db');
const { Redis } = fromApi('ioredis');
const { Client } = fromApi('pg');
const { hashPassword } = require(path.join(apiDir, 'dist/auth/password.js'));

const LEARNERS = arg('learners', 500);
const SECONDS = arg('seconds', 20);
/** Mean pause (ms) between one learner's requests, drawn uniformly from 0..2×think; 0 = back to back. */
const THINK = arg('think', 0);
/** Logins and enrolments before the measured phase run this many at a time (argon2 is deliberately slow). */
const SETUP_CONCURRENCY = arg('setup-concurrency', 16);
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const BASE_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const PASSWORD = 'rahasia123';

/** 3 modules × 4 lessons × 3 rich-text blocks: the shape of a typical 2-JP course. */
function courseContent() {
  const modules = [];
  for (let m = 1; m <= 3; m++) {
    const lessons = [];
    for (let l = 1; l <= 4; l++) {
      const blocks = [];
      for (let b = 1; b <= 3; b++) {
        blocks.push({
          key: `m${m}l${l}b${b}`,
          type: 'richtext',
          data: { html: `<h2>Bagian ${b}</h2><p>${'Pelayanan publik yang prima berorientasi pada masyarakat. '.repeat(20)}</p>` },
        });
      }
      lessons.push({ key: `m${m}l${l}`, title: `Pelajaran ${m}.${l}`, blocks });
    }
    modules.push({ key: `m${m}`, title: `Modul ${m}`, lessons });
  }
  return { modules };
}

/** A valid PNS NIP, unique for each i < 9,979,200. */

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

const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0);
function stats(ms) {
  const s = [...ms].sort((a, b) => a - b);
  const r = (v) => Number(v.toFixed(1));
  return { count: s.length, p50: r(percentile(s, 50)), p95: r(percentile(s, 95)), p99: r(percentile(s, 99)), max: r(s[s.length - 1] || 0) };
}

async function main() {
  const db = await createTestDatabase(BASE_URL, 'cakap_bench');
  const prefix = `cakap-bench-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  const pg = new Client({ connectionString: db.url });
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  let api;
  try {
    await pg.connect();
    // Reference data: one unit, one author, N learners sharing one password hash, one published course.
    const {
      rows: [unit],
    } = await pg.query(`INSERT INTO org_units (code, name) VALUES ('BKPSDMD', 'BKPSDMD Kabupaten Batanghari') RETURNING id`);
    const hash = await hashPassword(PASSWORD);
    const {
      rows: [author],
    } = await pg.query(`INSERT INTO users (nip, name, org_unit_id, roles) VALUES ($1, 'Penulis', $2, '{author}') RETURNING id`, [nip(9_000_000), unit.id]);
    const nips = Array.from({ length: LEARNERS }, (_, i) => nip(i));
    await pg.query(
      `INSERT INTO users (nip, name, org_unit_id, roles, password_hash) SELECT n, 'Peserta ' || n, $2, '{learner}', $3 FROM unnest($1::text[]) n`,
      [nips, unit.id, hash],
    );
    const content = courseContent();
    const {
      rows: [course],
    } = await pg.query(
      `INSERT INTO courses (owner_id, title, jp, status, content, published_version, published_revision)
       VALUES ($1, 'Pelayanan Publik Prima', 2, 'published', $2, 1, 0) RETURNING id`,
      [author.id, JSON.stringify(content)],
    );
    const snapshot = {
      courseId: course.id,
      version: 1,
      meta: {
        title: 'Pelayanan Publik Prima',
        summary: '',
        jp: 2,
        category: null,
        coverFileId: null,
        durationMinutes: 90,
        language: 'id',
        developmentForm: 'NKL03',
        tags: [],
      },
      content,
      authors: [{ id: author.id, name: 'Penulis' }],
      publishedAt: new Date().toISOString(),
    };
    await pg.query(
      `INSERT INTO course_versions (course_id, version, snapshot, hash, published_by, published_at, title, language, jp, module_count, lesson_count, search_text)
       VALUES ($1, 1, $2, repeat('0', 64), $3, now(), 'Pelayanan Publik Prima', 'id', 2, 3, 12, 'pelayanan publik prima')`,
      [course.id, JSON.stringify(snapshot), author.id],
    );

    // The api, as in production.
    const port = await freePort();
    api = spawn(process.execPath, ['dist/main.js'], {
      cwd: apiDir,
      env: {
        ...process.env,
        DATABASE_URL: db.url,
        REDIS_URL,
        QUEUE_PREFIX: prefix,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        NODE_ENV: 'production',
        JWT_SECRET: randomBytes(24).toString('hex'),
        ACCESS_TOKEN_TTL_SEC: '3600',
        CAKAP_DATA_DIR: path.join(require('node:os').tmpdir(), `cakap-bench-${randomUUID()}`),
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; ; i++) {
      if (api.exitCode !== null) throw new Error(`api exited with ${api.exitCode}`);
      try {
        if ((await fetch(`${base}/health`)).ok) break;
      } catch {
        /* not listening yet */
      }
      if (i > 300) throw new Error('api not ready after 30 s');
      await new Promise((r) => setTimeout(r, 100));
    }

    const call = async (method, url, token, body) => {
      const res = await fetch(base + url, {
        method,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    };

    // Setup (not measured): log in and enrol every learner.
    const t0 = process.hrtime.bigint();
    const learners = [];
    await pool(nips, SETUP_CONCURRENCY, async (n) => {
      const login = await call('POST', '/api/v1/auth/login', null, { nip: n, password: PASSWORD });
      if (login.status !== 200) throw new Error(`login ${n}: ${login.status} ${JSON.stringify(login.body)}`);
      const enr = await call('POST', '/api/v1/enrollments', login.body.accessToken, { courseId: course.id });
      if (enr.status !== 201) throw new Error(`enrol ${n}: ${enr.status} ${JSON.stringify(enr.body)}`);
      learners.push({ token: login.body.accessToken, id: enr.body.id, step: 0 });
    });
    const setupSeconds = Number(process.hrtime.bigint() - t0) / 1e9;

    // The measured phase: every learner keeps one request in flight.
    const blocks = content.modules.flatMap((m) => m.lessons.flatMap((l) => l.blocks.map((b, i) => ({ lesson: l.key, key: b.key, last: i === l.blocks.length - 1 }))));
    const latencies = { outline: [], progress: [], completeLesson: [] };
    const errors = {};
    let completed = 0;
    const until = Date.now() + SECONDS * 1000;
    const think = () => (THINK > 0 ? new Promise((r) => setTimeout(r, Math.random() * 2 * THINK)) : undefined);
    const timed = async (kind, fn) => {
      await think();
      const s = process.hrtime.bigint();
      const r = await fn();
      latencies[kind].push(Number(process.hrtime.bigint() - s) / 1e6);
      if (r.status >= 400) errors[`${kind} ${r.status}`] = (errors[`${kind} ${r.status}`] || 0) + 1;
      return r;
    };
    const m0 = process.hrtime.bigint();
    await Promise.all(
      learners.map(async (l) => {
        while (Date.now() < until) {
          await timed('outline', () => call('GET', `/api/v1/enrollments/${l.id}`, l.token));
          if (Date.now() >= until) break;
          const b = blocks[l.step % blocks.length];
          await timed('progress', () => call('POST', `/api/v1/enrollments/${l.id}/progress`, l.token, { events: [{ blockKey: b.key, kind: 'viewed' }], lessonKey: b.lesson }));
          if (b.last && Date.now() < until) {
            const r = await timed('completeLesson', () => call('POST', `/api/v1/enrollments/${l.id}/lessons/${b.lesson}/complete`, l.token, {}));
            if (r.body && r.body.status === 'completed' && !l.done) {
              l.done = true;
              completed++;
            }
          }
          l.step++;
        }
      }),
    );
    const measured = Number(process.hrtime.bigint() - m0) / 1e9;
    const all = [...latencies.outline, ...latencies.progress, ...latencies.completeLesson];
    const {
      rows: [ledger],
    } = await pg.query(`SELECT count(*)::int AS lines, count(DISTINCT enrollment_id)::int AS enrolments FROM learning_hours`);
    const summary = {
      learners: LEARNERS,
      thinkMs: THINK,
      setupSeconds: Number(setupSeconds.toFixed(1)),
      seconds: Number(measured.toFixed(1)),
      requests: all.length,
      requestsPerSecond: Math.round(all.length / measured),
      all: stats(all),
      outline: stats(latencies.outline),
      progress: stats(latencies.progress),
      completeLesson: stats(latencies.completeLesson),
      errors,
      coursesCompleted: completed,
      ledgerLines: ledger.lines,
    };
    console.log(JSON.stringify(summary, null, 2));
    console.log(
      `learning: ${LEARNERS} learners (think ${THINK} ms), ${summary.requestsPerSecond} req/s, p50 ${summary.all.p50} ms, p95 ${summary.all.p95} ms, p99 ${summary.all.p99} ms`,
    );
  } finally {
    await teardown({ child: api, redis, prefix, pg, db });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
