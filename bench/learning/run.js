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
const { apiEnv, arg, httpClient, logIn, msSince, openBench, pool, publishCourse, seedPeople, startApi, stats, teardown } = require('../lib');

const LEARNERS = arg('learners', 500);
const SECONDS = arg('seconds', 20);
/** Mean pause (ms) between one learner's requests, drawn uniformly from 0..2×think; 0 = back to back. */
const THINK = arg('think', 0);
/** Logins and enrolments before the measured phase run this many at a time (argon2 is deliberately slow). */
const SETUP_CONCURRENCY = arg('setup-concurrency', 16);

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

async function main() {
  const run = await openBench();
  const { pg } = run;
  const children = [];
  try {
    // Reference data: one unit, one author, N learners sharing one password hash, one published course.
    const { author, nips } = await seedPeople(pg, LEARNERS);
    const content = courseContent();
    const course = await publishCourse(pg, author, content);

    // The api, as in production.
    const base = await startApi(apiEnv(run), children);
    const client = httpClient();
    const call = (method, url, token, body) => client.call(base, method, url, token, body);

    // Setup (not measured): log in and enrol every learner.
    const t0 = process.hrtime.bigint();
    const learners = [];
    await pool(nips, SETUP_CONCURRENCY, async (n) => {
      const { accessToken } = await logIn(client.call, base, n);
      const enr = await call('POST', '/api/v1/enrollments', accessToken, { courseId: course.id });
      if (enr.status !== 201) throw new Error(`enrol ${n}: ${enr.status} ${JSON.stringify(enr.body)}`);
      learners.push({ token: accessToken, id: enr.body.id, step: 0 });
    });
    const setupSeconds = msSince(t0) / 1000;

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
      latencies[kind].push(msSince(s));
      if (r.status >= 400 || r.status === 0) errors[`${kind} ${r.status}`] = (errors[`${kind} ${r.status}`] || 0) + 1;
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
    const measured = msSince(m0) / 1000;
    client.close();
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
    await teardown({ children, ...run });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
