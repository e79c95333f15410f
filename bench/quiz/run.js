#!/usr/bin/env node
/**
 * Bench: a burst of N learners starting the same timed quiz at the same moment, then
 * autosaving answers, against the real, built api (apps/api/dist/main.js, spawned as in
 * production; `--processes 2` spawns two and spreads learners over them as a load balancer
 * would) on a fresh database and a unique queue prefix.
 *
 * Setup (not measured): N learners enrolled in a published course whose quiz draws 10 single-
 * choice questions, each logged in through the api. Then:
 * 1. start burst: every learner POSTs /enrollments/:id/quizzes/quiz/attempts at once;
 * 2. saves: every learner autosaves one answer every `--save-interval` ms (random phase) for
 *    `--seconds`, i.e. N / interval saves per second offered (1,000/s with the defaults).
 * Prints starts/s, start p50/p99, saves/s, save p50/p99 and the errors seen, then removes
 * everything it made. It is a benchmark, not a test.
 *
 *   pnpm turbo run build --filter=@cakap/api...
 *   node bench/quiz/run.js [--learners 1000] [--seconds 10] [--save-interval 1000] [--processes 1] [--cpu-prof DIR]
 */
'use strict';
const { arg, benchNip: nip, teardown } = require('../lib');
const { spawn } = require('node:child_process');
const { randomBytes, randomUUID } = require('node:crypto');
const { createRequire } = require('node:module');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const apiDir = path.resolve(__dirname, '../../apps/api');
const fromApi = createRequire(path.join(apiDir, 'package.json'));
const { createTestDatabase } = fromApi('@cakap/db');
const { Redis } = fromApi('ioredis');
const { Client } = fromApi('pg');
const { hashPassword } = require(path.join(apiDir, 'dist/auth/password.js'));

const LEARNERS = arg('learners', 1000);
const SECONDS = arg('seconds', 10);
const SAVE_INTERVAL = arg('save-interval', 1000);
const PROCESSES = arg('processes', 1);
const QUESTIONS = arg('questions', 10);
const SETUP_CONCURRENCY = arg('setup-concurrency', 16);
/** `--cpu-prof DIR`: the api processes write V8 CPU profiles there when they stop. */
const CPU_PROF_DIR = process.argv.includes('--cpu-prof') ? process.argv[process.argv.indexOf('--cpu-prof') + 1] : null;
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const BASE_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const PASSWORD = 'rahasia123';

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

/** CPU time (user + system, ms) the processes have used so far, from /proc (Linux). */
function cpuMs(children) {
  const tick = 1000 / 100;
  return children.reduce((sum, c) => {
    try {
      const fields = fs.readFileSync(`/proc/${c.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return sum + (Number(fields[11]) + Number(fields[12])) * tick;
    } catch {
      return sum;
    }
  }, 0);
}

/** Starts one api process on a free port; resolves with its base URL once /health answers. */
async function startApi(env, children) {
  const port = await freePort();
  const flags = CPU_PROF_DIR ? ['--cpu-prof', '--cpu-prof-dir', CPU_PROF_DIR] : [];
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

async function main() {
  const db = await createTestDatabase(BASE_URL, 'cakap_bench');
  const prefix = `cakap-bench-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  const pg = new Client({ connectionString: db.url });
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const children = [];
  try {
    await pg.connect();
    const {
      rows: [unit],
    } = await pg.query(`INSERT INTO org_units (code, name) VALUES ('BKPSDMD', 'BKPSDMD Kabupaten Batanghari') RETURNING id`);
    const {
      rows: [author],
    } = await pg.query(`INSERT INTO users (nip, name, org_unit_id, roles) VALUES ($1, 'Penulis', $2, '{author}') RETURNING id`, [nip(9_000_000), unit.id]);
    const nips = Array.from({ length: LEARNERS }, (_, i) => nip(i));
    await pg.query(
      `INSERT INTO users (nip, name, org_unit_id, roles, password_hash) SELECT n, 'Peserta ' || n, $2, '{learner}', $3 FROM unnest($1::text[]) n`,
      [nips, unit.id, await hashPassword(PASSWORD)],
    );

    // A bank of single-choice questions (option `a` is right), and a course whose only block is a timed quiz of them.
    const {
      rows: [bank],
    } = await pg.query(`INSERT INTO question_banks (title, owner_id) VALUES ('Bank Pelayanan Publik', $1) RETURNING id`, [author.id]);
    const questionIds = [];
    for (let i = 0; i < QUESTIONS; i++) {
      const data = {
        prompt: `<p>Soal ${i + 1}: manakah standar pelayanan yang benar menurut UU 25/2009?</p>`,
        options: ['a', 'b', 'c', 'd'].map((id) => ({ id, text: `Pilihan ${id.toUpperCase()} untuk soal ${i + 1}`, correct: id === 'a' })),
      };
      const {
        rows: [q],
      } = await pg.query(`INSERT INTO questions (bank_id, type, summary) VALUES ($1, 'single_choice', $2) RETURNING id`, [bank.id, `Soal ${i + 1}`]);
      await pg.query(`INSERT INTO question_versions (question_id, version, type, points, data) VALUES ($1, 1, 'single_choice', 1, $2)`, [q.id, JSON.stringify(data)]);
      questionIds.push(q.id);
    }
    const quiz = { title: 'Post-test', role: 'posttest', selection: { mode: 'fixed', questionIds }, timeLimitMinutes: 30, passPercent: 70 };
    const content = { modules: [{ key: 'm1', title: 'Modul 1', lessons: [{ key: 'l1', title: 'Post-test', blocks: [{ key: 'quiz', type: 'quiz', data: quiz }] }] }] };
    const {
      rows: [course],
    } = await pg.query(
      `INSERT INTO courses (owner_id, title, jp, status, content, published_version, published_revision)
       VALUES ($1, 'Pelayanan Publik Prima', 2, 'published', $2, 1, 0) RETURNING id`,
      [author.id, JSON.stringify(content)],
    );
    const meta = { title: 'Pelayanan Publik Prima', summary: '', jp: 2, category: null, coverFileId: null, durationMinutes: 90, language: 'id', developmentForm: 'NKL03', tags: [] };
    const snapshot = { courseId: course.id, version: 1, meta, content, authors: [{ id: author.id, name: 'Penulis' }], publishedAt: new Date().toISOString() };
    await pg.query(
      `INSERT INTO course_versions (course_id, version, snapshot, hash, published_by, published_at, title, language, jp, module_count, lesson_count, search_text)
       VALUES ($1, 1, $2, repeat('0', 64), $3, now(), 'Pelayanan Publik Prima', 'id', 2, 1, 1, 'pelayanan publik prima')`,
      [course.id, JSON.stringify(snapshot), author.id],
    );
    const { rows: enrolments } = await pg.query(
      `INSERT INTO enrollments (user_id, course_id, version) SELECT id, $1, 1 FROM users WHERE nip = ANY($2::text[]) RETURNING id, user_id`,
      [course.id, nips],
    );
    const enrolmentOf = new Map(enrolments.map((e) => [e.user_id, e.id]));

    const env = {
      ...process.env,
      DATABASE_URL: db.url,
      REDIS_URL,
      QUEUE_PREFIX: prefix,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      JWT_SECRET: randomBytes(24).toString('hex'),
      ACCESS_TOKEN_TTL_SEC: '3600',
      CAKAP_DATA_DIR: path.join(os.tmpdir(), `cakap-bench-${randomUUID()}`),
    };
    const bases = [];
    for (let i = 0; i < PROCESSES; i++) bases.push(await startApi(env, children));

    /**
     * One request over node:http with the phase's keep-alive agent (fresh for each phase). A
     * request that meets a kept-alive socket the server has just closed (its keep-alive timeout)
     * is sent again on a new one, as browsers do; any other network failure counts as status 0.
     */
    let agent;
    const newAgent = () => {
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

    // Setup (not measured): every learner logs in; learners are spread over the api processes.
    newAgent();
    const t0 = process.hrtime.bigint();
    const learners = [];
    await pool(nips, SETUP_CONCURRENCY, async (n, i) => {
      const base = bases[i % bases.length];
      const login = await call(base, 'POST', '/api/v1/auth/login', null, { nip: n, password: PASSWORD });
      if (login.status !== 200) throw new Error(`login ${n}: ${login.status} ${JSON.stringify(login.body)}`);
      learners.push({ base, token: login.body.accessToken, enrollmentId: enrolmentOf.get(login.body.user.id) });
    });
    const setupSeconds = Number(process.hrtime.bigint() - t0) / 1e9;

    const errors = {};
    const record = (kind, status) => {
      if (status >= 400 || status === 0) errors[`${kind} ${status}`] = (errors[`${kind} ${status}`] || 0) + 1;
    };

    // 1. The burst: everyone starts the quiz at the same moment.
    const startLatencies = [];
    newAgent();
    const cpu0 = cpuMs(children);
    const b0 = process.hrtime.bigint();
    await Promise.all(
      learners.map(async (l) => {
        const s = process.hrtime.bigint();
        const r = await call(l.base, 'POST', `/api/v1/enrollments/${l.enrollmentId}/quizzes/quiz/attempts`, l.token, {});
        startLatencies.push(Number(process.hrtime.bigint() - s) / 1e6);
        record('start', r.status);
        if (r.status === 201) l.attempt = r.body;
      }),
    );
    const burstSeconds = Number(process.hrtime.bigint() - b0) / 1e9;
    const cpu1 = cpuMs(children);

    // 2. Autosave: each learner saves one answer every SAVE_INTERVAL ms, from a random phase.
    const saveLatencies = [];
    newAgent();
    const s0 = Date.now();
    const until = s0 + SECONDS * 1000;
    await Promise.all(
      learners
        .filter((l) => l.attempt)
        .map(async (l) => {
          let n = 0;
          let next = s0 + Math.random() * SAVE_INTERVAL;
          for (;;) {
            const wait = next - Date.now();
            if (wait > 0) await new Promise((r) => setTimeout(r, wait));
            if (Date.now() >= until) return;
            const item = l.attempt.items[n % l.attempt.items.length];
            const s = process.hrtime.bigint();
            const r = await call(l.base, 'PUT', `/api/v1/attempts/${l.attempt.id}/answers`, l.token, {
              answers: [{ slot: item.slot, answer: item.view.options[n % item.view.options.length].id }],
            });
            saveLatencies.push(Number(process.hrtime.bigint() - s) / 1e6);
            record('save', r.status);
            n++;
            next += SAVE_INTERVAL;
          }
        }),
    );
    const saveSeconds = (Date.now() - s0) / 1000;
    const cpu2 = cpuMs(children);
    agent.destroy();

    const {
      rows: [counts],
    } = await pg.query(
      `SELECT (SELECT count(*)::int FROM quiz_attempts) AS attempts, (SELECT count(DISTINCT enrollment_id)::int FROM quiz_attempts) AS enrolments,
              (SELECT count(*)::int FROM attempt_answers) AS answers`,
    );
    const start = stats(startLatencies);
    const save = stats(saveLatencies);
    const summary = {
      learners: LEARNERS,
      processes: PROCESSES,
      questions: QUESTIONS,
      setupSeconds: Number(setupSeconds.toFixed(1)),
      startBurstSeconds: Number(burstSeconds.toFixed(2)),
      startsPerSecond: Math.round(startLatencies.length / burstSeconds),
      start,
      // What the machine's load does not change: the api's own CPU per request.
      apiCpuMsPerStart: Number(((cpu1 - cpu0) / Math.max(1, startLatencies.length)).toFixed(2)),
      saveSeconds: Number(saveSeconds.toFixed(1)),
      savesOffered: Math.round(learners.length * (1000 / SAVE_INTERVAL)),
      savesPerSecond: Math.round(saveLatencies.length / saveSeconds),
      save,
      apiCpuMsPerSave: Number(((cpu2 - cpu1) / Math.max(1, saveLatencies.length)).toFixed(2)),
      loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
      errors,
      attemptsInDatabase: counts.attempts,
      enrolmentsWithAnAttempt: counts.enrolments,
      answerRows: counts.answers,
    };
    console.log(JSON.stringify(summary, null, 2));
    console.log(
      `quiz: ${LEARNERS} learners, ${PROCESSES} api process(es): starts ${summary.startsPerSecond}/s p50 ${start.p50} ms p99 ${start.p99} ms; ` +
        `saves ${summary.savesPerSecond}/s p50 ${save.p50} ms p99 ${save.p99} ms`,
    );
  } finally {
    // Every api process but the last is stopped here; teardown stops the last and cleans up.
    for (const child of children.slice(0, -1)) {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
    }
    await teardown({ child: children[children.length - 1], redis, prefix, pg, db });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
