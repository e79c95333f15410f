#!/usr/bin/env node
/**
 * Bench: one users CSV import of N rows (default 5,000) through the real, built worker
 * (apps/worker/dist/main.js, spawned as in production) against a fresh database and a unique
 * queue prefix. Prints rows, seconds and rows/s, then removes everything it made.
 *
 *   pnpm turbo run build --filter=@cakap/worker...
 *   node bench/user-import/run.js [--rows 5000] [--existing 0.2] [--invalid 0.01]
 *
 * DATABASE_URL (a server to create the bench database on) and REDIS_URL as for the worker.
 */
'use strict';
const { arg, benchNip: nip, teardown, workerNodeFlags } = require('../lib');
const { spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { createRequire } = require('node:module');
const path = require('node:path');
const readline = require('node:readline');

const workerDir = path.resolve(__dirname, '../../apps/worker');
const fromWorker = createRequire(path.join(workerDir, 'package.json'));
const { createTestDatabase } = fromWorker('@cakap/db');
const { JOBS } = fromWorker('@cakap/contracts');
const { Queue } = fromWorker('bullmq');
const { Redis } = fromWorker('ioredis');
const { Client } = fromWorker('pg');

const ROWS = arg('rows', 5000);
const EXISTING = arg('existing', 0.2); // share of rows whose NIP is already a user (updates)
const INVALID = arg('invalid', 0.01); // share of rows with a bad NIP (row errors)
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const BASE_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

const UNITS = ['SETDA', 'SETWAN', 'INSPEKTORAT', 'BAPPEDA', 'BPKAD', 'BAPENDA', 'BKPSDMD', 'KESBANGPOL', 'BPBD',
  'DISDIK', 'DINKES', 'RSUD', 'PUPR', 'PERKIM', 'SATPOLPP', 'DINSOS', 'DUKCAPIL', 'DPMD', 'PPKBP3A', 'NAKERTRANS',
  'DLH', 'DISHUB', 'DISKOMINFO', 'DPMPTSP', 'DISTAN', 'DISKAN', 'DKP', 'DISPAR', 'DISPORA', 'DISPUSIP',
  'KEC-MERSAM', 'KEC-MARO-SEBO-ULU', 'KEC-BATIN-XXIV', 'KEC-MUARA-TEMBESI', 'KEC-MUARA-BULIAN', 'KEC-BAJUBANG',
  'KEC-MARO-SEBO-ILIR', 'KEC-PEMAYUNG'];
const UNIT_POSITIONS = [['Kepala Dinas', 'jpt'], ['Sekretaris', 'administrator'], ['Kepala Bidang', 'administrator'],
  ['Kepala Sub Bagian Umum', 'pengawas'], ['Pengadministrasi Umum', 'pelaksana']];
const SHARED_POSITIONS = [['Analis Kebijakan', 'fungsional'], ['Pranata Komputer', 'fungsional'],
  ['Perencana', 'fungsional'], ['Guru Ahli Pertama', 'fungsional'], ['Perawat Terampil', 'fungsional']];
const FIRST = ['Ahmad', 'Siti', 'Muhammad', 'Nur', 'Dewi', 'Rudi', 'Fitri', 'Yohanes', 'Ni Luh', 'I Gede', 'Rahmat',
  'Sri', 'Agus', 'Wahyu', 'Ratna', 'Hendra', 'Intan', 'Zulkifli', 'Khoiru\'l', 'Éndah'];
const LAST = ['Hidayat', 'Rahmawati', 'Saputra', 'Lestari', 'Nainggolan', 'Siregar', 'Harahap', 'Wijaya', 'Putri',
  'Santoso', 'Kurniawan', 'Handayani', 'Pratama', 'Ayu', 'Marlina'];
const TITLES = ['', '', '', ', S.H.', ', S.E.', ', S.Kom.', ', S.Pd., M.Pd.', ', A.Md.Kep.', ', S.H., M.H.'];
const GOLONGAN = ['II/a', 'II/c', 'III/a', 'III/b', 'III/c', 'III/d', 'IV/a', 'IV/b'];

/** A valid PNS NIP (born 1965–1994, appointed at 22–29), unique for each i < 9,979,200. */
const csvCell = (v) => (/[",;\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

async function main() {
  const db = await createTestDatabase(BASE_URL, 'cakap_bench');
  const prefix = `cakap-bench-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  const pg = new Client({ connectionString: db.url });
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  let worker;
  let queue;
  try {
    await pg.connect();
    // Reference data: the regency's OPD, their structural positions and shared functional ones.
    const { rows: units } = await pg.query(
      `INSERT INTO org_units (code, name) SELECT c, 'Unit ' || c FROM unnest($1::text[]) c RETURNING id, code`,
      [UNITS],
    );
    for (const u of units) {
      await pg.query(`INSERT INTO positions (name, kind, org_unit_id) SELECT n, k, $3 FROM unnest($1::text[], $2::text[]) AS t(n, k)`, [
        UNIT_POSITIONS.map((p) => p[0]),
        UNIT_POSITIONS.map((p) => p[1]),
        u.id,
      ]);
    }
    await pg.query(`INSERT INTO positions (name, kind) SELECT n, k FROM unnest($1::text[], $2::text[]) AS t(n, k)`, [
      SHARED_POSITIONS.map((p) => p[0]),
      SHARED_POSITIONS.map((p) => p[1]),
    ]);

    // The file, and the users some of its rows already are.
    const lines = ['nip,nama,email,unit_kerja,jabatan,golongan,telepon,jenis_asn,jenis_jabatan'];
    const existing = [];
    for (let i = 0; i < ROWS; i++) {
      const unit = UNITS[i % UNITS.length];
      const name = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}${TITLES[i % TITLES.length]}`;
      const jabatan =
        i % 50 === 0 ? 'Penata Kelola Sistem Informasi' : i % 3 === 0 ? UNIT_POSITIONS[i % UNIT_POSITIONS.length][0] : SHARED_POSITIONS[i % SHARED_POSITIONS.length][0];
      const bad = i % Math.max(1, Math.round(1 / INVALID)) === 7 && INVALID > 0;
      const n = bad ? nip(i).slice(0, 17) : nip(i);
      lines.push(
        [n, name, `asn${i}@batanghari.go.id`, unit, jabatan, GOLONGAN[i % GOLONGAN.length], `0812${String(i).padStart(8, '0')}`, 'pns', i % 50 === 0 ? 'fungsional' : '']
          .map(csvCell)
          .join(','),
      );
      if (!bad && i % Math.max(1, Math.round(1 / EXISTING)) === 0 && EXISTING > 0) existing.push(nip(i));
    }
    const csv = lines.join('\r\n') + '\r\n';
    if (existing.length) {
      await pg.query(
        `INSERT INTO users (nip, name, org_unit_id, roles) SELECT n, 'Lama ' || n, $2, '{learner,author}' FROM unnest($1::text[]) n`,
        [existing, units[0].id],
      );
    }

    // The worker, as in production.
    worker = spawn(process.execPath, [...workerNodeFlags(), 'dist/main.js'], {
      cwd: workerDir,
      env: {
        ...process.env,
        DATABASE_URL: db.url,
        REDIS_URL,
        QUEUE_PREFIX: prefix,
        LOG_LEVEL: 'info',
        NODE_ENV: 'production',
        JWT_SECRET: randomBytes(24).toString('hex'),
        CAKAP_KEY_SECRET: randomBytes(24).toString('hex'),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const logs = [];
    const ready = new Promise((resolve, reject) => {
      worker.once('exit', (code) => reject(new Error(`worker exited with ${code} before it was ready`)));
      readline.createInterface({ input: worker.stdout }).on('line', (line) => {
        let entry;
        try {
          entry = JSON.parse(line);
        } catch {
          return;
        }
        logs.push(entry);
        if (entry.msg === 'worker ready') resolve();
      });
    });
    await ready;

    // What the api does: the row, then the job.
    const {
      rows: [imp],
    } = await pg.query(`INSERT INTO user_imports (content, file_name) VALUES ($1, 'bench.csv') RETURNING id`, [csv]);
    queue = new Queue(JOBS.userImport.queue, { connection: redis, prefix });
    const t0 = process.hrtime.bigint();
    await queue.add(JOBS.userImport.name, { v: 1, importId: imp.id }, { jobId: imp.id, removeOnComplete: true, attempts: 3, backoff: { type: 'exponential', delay: 5000 } });
    let result;
    for (;;) {
      const { rows } = await pg.query(
        `SELECT status, total, created, updated, failed, errors, extract(epoch FROM finished_at - started_at) AS run_s FROM user_imports WHERE id = $1`,
        [imp.id],
      );
      if (rows[0].status === 'completed' || rows[0].status === 'failed') {
        result = rows[0];
        break;
      }
      if (Number(process.hrtime.bigint() - t0) / 1e9 > 120) throw new Error('import not finished after 120 s');
      await new Promise((r) => setTimeout(r, 20));
    }
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const { rows: [count] } = await pg.query(`SELECT count(*)::int AS n FROM users`);
    console.log(
      JSON.stringify(
        {
          rows: ROWS,
          status: result.status,
          created: result.created,
          updated: result.updated,
          failed: result.failed,
          errorCodes: result.errors.reduce((acc, e) => ({ ...acc, [e.code]: (acc[e.code] || 0) + 1 }), {}),
          usersInDb: count.n,
          seconds: Number(seconds.toFixed(3)),
          rowsPerSecond: Math.round(ROWS / seconds),
          processorSeconds: Number(Number(result.run_s).toFixed(3)),
        },
        null,
        2,
      ),
    );
    console.log(`users import: ${ROWS} rows in ${seconds.toFixed(2)} s = ${Math.round(ROWS / seconds)} rows/s (enqueue -> completed)`);
  } finally {
    await queue?.close();
    await teardown({ child: worker, redis, prefix, pg, db });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
