#!/usr/bin/env node
/**
 * Bench: bulk issuance of N certificates (default 10,000) end to end through the real, built
 * api and worker (apps/api/dist/main.js and apps/worker/dist/main.js, spawned as in production)
 * on a fresh database and a unique queue prefix.
 *
 * Setup (not measured): N learners with a completed enrolment (and its JP ledger line) of one
 * published course, written straight into Postgres; the default certificate template (the
 * built-in `sttp` with its Batanghari defaults); an admin logged in through the api.
 * Measured: ONE `POST /api/v1/certificate-batches {courseId}`, then polling Postgres every
 * `--poll` ms until the batch is completed and every certificate has its PDF stored. Then a
 * sample is checked through the api: `GET /api/v1/verify/:code` answers valid, a PDF downloads
 * and its embedded payload verifies against `/.well-known/cakap-keys.json`.
 *
 * Prints certificates/s end to end, the per-certificate latency (request → PDF stored, see
 * README.md), the worker's peak RSS (VmHWM) and CPU, then removes everything it made.
 * It is a benchmark, not a test.
 *
 *   pnpm turbo run build --filter=@cakap/api... --filter=@cakap/worker...
 *   node bench/certificates/run.js [--learners 10000] [--poll 20] [--sample 10] [--cpu-prof DIR]
 */
'use strict';
const { apiEnv, arg, benchNip, httpClient, logIn, openBench, publishCourse, seedPeople, startApi, stats, teardown, workerNodeFlags } = require('../lib');
const { spawn } = require('node:child_process');
const { createRequire } = require('node:module');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const readline = require('node:readline');

const workerDir = path.resolve(__dirname, '../../apps/worker');
const fromWorker = createRequire(path.join(workerDir, 'package.json'));

const LEARNERS = arg('learners', 10_000);
const POLL_MS = arg('poll', 20);
const SAMPLE = arg('sample', 10);
const TIMEOUT_S = arg('timeout', 300);
/** `--cpu-prof DIR`: the worker writes a V8 CPU profile there when it stops. */
const CPU_PROF_DIR = process.argv.includes('--cpu-prof') ? process.argv[process.argv.indexOf('--cpu-prof') + 1] : null;

const GOLONGAN = ['II/c', 'III/a', 'III/b', 'III/c', 'III/d', 'IV/a'];

/** A field of /proc/<pid>/status in MB (VmHWM: peak resident set; VmRSS: now). */
function memMb(pid, field) {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/** CPU seconds (user + system) a process has used, from /proc/<pid>/stat. */
function cpuSeconds(pid) {
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return null;
  }
}

/** Spawns the built worker and resolves once it logs "worker ready". */
function startWorker(env, children) {
  // As in production: the heap limits of the worker's start:prod script keep its memory flat.
  const flags = [...workerNodeFlags(), ...(CPU_PROF_DIR ? ['--cpu-prof', '--cpu-prof-dir', CPU_PROF_DIR] : [])];
  const worker = spawn(process.execPath, [...flags, 'dist/main.js'], { cwd: workerDir, env: { ...env, LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(worker);
  const problems = [];
  const ready = new Promise((resolve, reject) => {
    worker.once('exit', (code) => reject(new Error(`worker exited with ${code} before it was ready`)));
    readline.createInterface({ input: worker.stdout }).on('line', (line) => {
      let entry;
      try {
        entry = JSON.parse(line);
      } catch {
        return;
      }
      if (entry.level >= 50) problems.push(entry.msg);
      if (entry.msg === 'worker ready') resolve();
    });
  });
  return { worker, ready, problems };
}

async function main() {
  const run = await openBench(fromWorker);
  const { pg } = run;
  const children = [];
  const { call, close } = httpClient();
  // The stack: api and worker share the database, the queue prefix and the file store.
  const env = { ...apiEnv(run), PUBLIC_BASE_URL: 'https://cakap.batangharikab.go.id' };
  try {
    // People: N learners with a rank and a unit, and an admin sharing their password hash.
    const { unit, author, nips } = await seedPeople(pg, LEARNERS);
    await pg.query(`UPDATE org_units SET name = 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Daerah' WHERE id = $1`, [unit.id]);
    await pg.query(`UPDATE users SET golongan = ($2::text[])[1 + (hashtext(nip) & 2147483647) % 6] WHERE nip = ANY($1::text[])`, [nips, GOLONGAN]);
    const adminNip = benchNip(9_000_001);
    await pg.query(
      `INSERT INTO users (nip, name, org_unit_id, roles, password_hash) SELECT $1, 'Admin BKPSDMD', $2, '{admin}', password_hash FROM users WHERE nip = $3`,
      [adminNip, unit.id, nips[0]],
    );

    // The course, completed by everyone: enrolment, completion and the JP ledger line, as
    // completing a course writes them (the worker prints title, JP and dates from the ledger).
    const content = { modules: [{ key: 'm1', title: 'Modul 1', lessons: [{ key: 'l1', title: 'Materi', blocks: [{ key: 'b1', type: 'richtext', data: { html: '<p>Materi</p>' } }] }] }] };
    const course = await publishCourse(pg, author, content);
    await pg.query(
      `WITH e AS (
         INSERT INTO enrollments (user_id, course_id, version, status, enrolled_at, completed_at)
         SELECT id, $1, 1, 'completed', now() - interval '20 days', now() - interval '1 day' FROM users WHERE nip = ANY($2::text[])
         RETURNING id, user_id, enrolled_at, completed_at
       )
       INSERT INTO learning_hours (user_id, year, source, enrollment_id, course_id, title, jp, development_form, organiser, start_date, end_date)
       SELECT user_id, extract(year FROM completed_at)::int, 'course', id, $1, 'Pelayanan Publik Prima', 2, 'NKL03',
              'BKPSDMD Kabupaten Batanghari', enrolled_at::date, completed_at::date FROM e`,
      [course.id, nips],
    );

    // The default template: the built-in `sttp` with its Batanghari defaults.
    const { sttpDefaultConfig } = fromWorker('@cakap/plugin-certificates');
    await pg.query(
      `INSERT INTO certificate_templates (name, template_key, config, number_pattern, is_default)
       VALUES ('Sertifikat E-Learning BKPSDMD', 'sttp', $1, '{seq:5}/BKPSDMD-BH/{month-roman}/{year}', true)`,
      [JSON.stringify(sttpDefaultConfig)],
    );
    await pg.query('ANALYZE');

    const base = await startApi(env, children);
    const { worker, ready, problems } = startWorker(env, children);
    await ready;
    const { accessToken } = await logIn(call, base, adminNip);
    const rssBefore = memMb(worker.pid, 'VmRSS');
    const cpuBefore = cpuSeconds(worker.pid);

    // Measured: one request, then until every certificate is issued and its PDF stored.
    const t0 = process.hrtime.bigint();
    const elapsedMs = () => Number(process.hrtime.bigint() - t0) / 1e6;
    const created = await call(base, 'POST', '/api/v1/certificate-batches', accessToken, { courseId: course.id });
    const requestMs = elapsedMs();
    if (created.status !== 202) throw new Error(`POST /certificate-batches: ${created.status} ${JSON.stringify(created.body)}`);
    const batchId = created.body.id;
    // Each poll: how many certificates have their PDF stored. The i-th certificate's latency is
    // the time of the first poll that saw at least i of them (resolution: one poll).
    const storedAt = [];
    let batch;
    let rssPeak = 0;
    for (;;) {
      const {
        rows: [b],
      } = await pg.query(
        `SELECT b.status, b.total, b.issued, b.skipped, b.failed,
                (SELECT count(*)::int FROM certificates c WHERE c.batch_id = b.id AND c.storage_key IS NOT NULL) AS stored
           FROM certificate_batches b WHERE b.id = $1`,
        [batchId],
      );
      const now = elapsedMs();
      while (storedAt.length < b.stored) storedAt.push(now);
      rssPeak = Math.max(rssPeak, memMb(worker.pid, 'VmRSS') ?? 0);
      batch = b;
      if ((b.status === 'completed' && b.stored >= b.issued) || b.status === 'failed') break;
      if (now / 1000 > TIMEOUT_S) throw new Error(`batch not finished after ${TIMEOUT_S} s: ${JSON.stringify(b)}`);
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
    const seconds = elapsedMs() / 1000;
    const workerCpu = cpuSeconds(worker.pid) - cpuBefore;
    const peakRss = memMb(worker.pid, 'VmHWM');

    // The worker's own view: issued_at is stamped in the chunk's transaction, before rendering.
    const {
      rows: [timing],
    } = await pg.query(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50, percentile_cont(0.99) WITHIN GROUP (ORDER BY ms) AS p99,
              count(DISTINCT issued_at)::int AS chunks
         FROM (SELECT c.issued_at, extract(epoch FROM c.issued_at - b.created_at) * 1000 AS ms
                 FROM certificates c JOIN certificate_batches b ON b.id = c.batch_id WHERE b.id = $1) t`,
      [batchId],
    );

    // Checked through the api: the public verification of a sample, and one PDF offline.
    const { rows: sample } = await pg.query(`SELECT id, code, number FROM certificates WHERE batch_id = $1 ORDER BY random() LIMIT $2`, [batchId, SAMPLE]);
    const verifyStatuses = {};
    for (const c of sample) {
      const r = await call(base, 'GET', `/api/v1/verify/${c.code}`, null);
      const key = r.status === 200 ? `${r.status} ${r.body.status}${r.body.certificate.number === c.number ? '' : ' (wrong number)'}` : String(r.status);
      verifyStatuses[key] = (verifyStatuses[key] || 0) + 1;
    }
    const keys = await (await fetch(`${base}/.well-known/cakap-keys.json`)).json();
    const pdfRes = await fetch(`${base}/api/v1/certificates/${sample[0].id}/pdf`, { headers: { authorization: `Bearer ${accessToken}` } });
    const pdf = new Uint8Array(await pdfRes.arrayBuffer());
    const { readSignedPayload, verifyPayload } = fromWorker('@cakap/certificates');
    const signed = pdfRes.ok ? readSignedPayload(pdf) : null;
    const jwk = signed && keys.keys.find((k) => k.kid === signed.keyId);
    const pdfVerifies = !!jwk && verifyPayload(jwk.x, signed.payload, signed.signature);

    const latency = stats(storedAt);
    const result = {
      learners: LEARNERS,
      batch: { status: batch.status, total: batch.total, issued: batch.issued, skipped: batch.skipped, failed: batch.failed, pdfsStored: batch.stored },
      seconds: Number(seconds.toFixed(2)),
      certificatesPerSecond: Math.round(batch.stored / seconds),
      createBatchRequestMs: Number(requestMs.toFixed(1)),
      latencyToStoredMs: { p50: latency.p50, p99: latency.p99, max: latency.max },
      latencyToIssuedAtMs: { p50: Math.round(timing.p50), p99: Math.round(timing.p99), chunks: timing.chunks },
      worker: { rssBeforeMb: rssBefore, rssPeakSampledMb: rssPeak, peakRssMb: peakRss, cpuSeconds: Number(workerCpu.toFixed(2)), cpuMsPerCertificate: Number(((workerCpu * 1000) / batch.stored).toFixed(3)) },
      check: { verifySample: verifyStatuses, pdfBytes: pdf.length, pdfSignatureVerifies: pdfVerifies },
      workerErrors: problems.slice(0, 5),
      loadAverage: os.loadavg().map((l) => Number(l.toFixed(1))),
    };
    console.log(JSON.stringify(result, null, 2));
    console.log(
      `certificates: ${batch.stored} in ${seconds.toFixed(2)} s = ${result.certificatesPerSecond}/s end to end; ` +
        `p50 ${latency.p50} ms, p99 ${latency.p99} ms (request → PDF stored); worker peak RSS ${peakRss} MB`,
    );
  } finally {
    close();
    await teardown({ children, ...run });
    // The PDFs (about 1 GB for 10,000).
    fs.rmSync(env.CAKAP_DATA_DIR, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
