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
const { apiEnv, arg, httpClient, logIn, msSince, openBench, pool, publishCourse, seedPeople, startApi, stats, teardown } = require('../lib');
const fs = require('node:fs');
const os = require('node:os');

const LEARNERS = arg('learners', 1000);
const SECONDS = arg('seconds', 10);
const SAVE_INTERVAL = arg('save-interval', 1000);
const PROCESSES = arg('processes', 1);
const QUESTIONS = arg('questions', 10);
const SETUP_CONCURRENCY = arg('setup-concurrency', 16);
/** `--cpu-prof DIR`: the api processes write V8 CPU profiles there when they stop. */
const CPU_PROF_DIR = process.argv.includes('--cpu-prof') ? process.argv[process.argv.indexOf('--cpu-prof') + 1] : null;

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

async function main() {
  const run = await openBench();
  const { pg } = run;
  const children = [];
  try {
    const { author, nips } = await seedPeople(pg, LEARNERS);

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
    const course = await publishCourse(pg, author, content);
    const { rows: enrolments } = await pg.query(
      `INSERT INTO enrollments (user_id, course_id, version) SELECT id, $1, 1 FROM users WHERE nip = ANY($2::text[]) RETURNING id, user_id`,
      [course.id, nips],
    );
    const enrolmentOf = new Map(enrolments.map((e) => [e.user_id, e.id]));

    const env = apiEnv(run);
    const flags = CPU_PROF_DIR ? ['--cpu-prof', '--cpu-prof-dir', CPU_PROF_DIR] : [];
    const bases = [];
    for (let i = 0; i < PROCESSES; i++) bases.push(await startApi(env, children, flags));
    const { call, reset, close } = httpClient();

    // Setup (not measured): every learner logs in; learners are spread over the api processes.
    const t0 = process.hrtime.bigint();
    const learners = [];
    await pool(nips, SETUP_CONCURRENCY, async (n, i) => {
      const base = bases[i % bases.length];
      const login = await logIn(call, base, n);
      learners.push({ base, token: login.accessToken, enrollmentId: enrolmentOf.get(login.user.id) });
    });
    const setupSeconds = msSince(t0) / 1000;

    const errors = {};
    const record = (kind, status) => {
      if (status >= 400 || status === 0) errors[`${kind} ${status}`] = (errors[`${kind} ${status}`] || 0) + 1;
    };

    // 1. The burst: everyone starts the quiz at the same moment.
    const startLatencies = [];
    reset();
    const cpu0 = cpuMs(children);
    const b0 = process.hrtime.bigint();
    await Promise.all(
      learners.map(async (l) => {
        const s = process.hrtime.bigint();
        const r = await call(l.base, 'POST', `/api/v1/enrollments/${l.enrollmentId}/quizzes/quiz/attempts`, l.token, {});
        startLatencies.push(msSince(s));
        record('start', r.status);
        if (r.status === 201) l.attempt = r.body;
      }),
    );
    const burstSeconds = msSince(b0) / 1000;
    const cpu1 = cpuMs(children);

    // 2. Autosave: each learner saves one answer every SAVE_INTERVAL ms, from a random phase.
    const saveLatencies = [];
    reset();
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
            saveLatencies.push(msSince(s));
            record('save', r.status);
            n++;
            next += SAVE_INTERVAL;
          }
        }),
    );
    const saveSeconds = (Date.now() - s0) / 1000;
    const cpu2 = cpuMs(children);
    close();

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
    await teardown({ children, ...run });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
