#!/usr/bin/env node
/**
 * Bench: the programme-evaluation reports of `@cakap/reports` at regency / provincial scale,
 * called directly as the worker calls them (no api, no Redis, no queue).
 *
 * Setup (timed as `seedSeconds`, not part of the report figures): a fresh, migrated database
 * (`createTestDatabase`), seeded set-based in SQL (generate_series, one statement per table):
 * the Batanghari-like unit tree (40 OPD, 3–5 sub-units each), positions with competency
 * standards (class defaults + own levels, read through `effective_position_requirements`),
 * N ASN with a superior, 30 published courses, ~5 enrolments per ASN over two years (~70 %
 * completed, with block progress and the JP ledger line), pre/post-tests and graded quizzes,
 * post-course survey responses (the default questionnaire), level-3 follow-ups and
 * competency achievements. Then VACUUM ANALYZE, as autovacuum would have left a live database.
 *
 * Measured, for a course report (the largest course), the org-unit report of the current
 * year (all units) and the programme report of the current quarter:
 *   - `sourceStamp`: --stamps calls (default 20) after 2 warm-ups — every api GET pays it;
 *   - `requestSnapshot` once (stamp + upsert: what the api pays on a miss);
 *   - `runSnapshot`: --computes runs (default 3; the first after `requestSnapshot`, the
 *     others after re-queuing the row as a stale request would) — what the worker pays;
 *   - one extra compute with every statement timed, to show which query dominates.
 * Prints the figures as JSON and a table, then drops the database.
 *
 *   pnpm turbo run build --filter=@cakap/reports...
 *   node bench/reports/run.js [--asn 20000] [--stamps 20] [--computes 3] [--blocks 4] [--explain]
 *
 * DATABASE_URL names the server to create the bench database on.
 */
'use strict';
const { arg, benchNip, msSince, stats } = require('../lib');
const { createRequire } = require('node:module');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

// The worker is the consumer of these packages: resolve them as it does.
const fromWorker = createRequire(path.resolve(__dirname, '../../apps/worker/package.json'));
const { createTestDatabase, createDataSource } = fromWorker('@cakap/db');
const reports = fromWorker('@cakap/reports');
const { DEFAULT_SURVEY, DEFAULT_LEARNER_FOLLOW_UP, DEFAULT_SUPERIOR_FOLLOW_UP, parsePeriod } = fromWorker('@cakap/evaluation');
const { Client } = fromWorker('pg');

const ASN = arg('asn', 20_000);
const STAMPS = arg('stamps', 20);
const COMPUTES = arg('computes', 3);
const BLOCKS = arg('blocks', 4); // block_progress rows of a completed enrolment (what "active" reads)
/** `--explain`: print EXPLAIN (ANALYZE, BUFFERS) of each report's slowest statement to stderr. */
const EXPLAIN = process.argv.includes('--explain');
const BASE_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

/** The 40 OPD of a regency (Batanghari's shape): dinas, badan, the RSUD and the kecamatan. */
const OPD = [
  ['SETDA', 'Sekretariat Daerah'], ['SETWAN', 'Sekretariat DPRD'], ['INSPEKTORAT', 'Inspektorat Daerah'],
  ['BAPPEDA', 'Badan Perencanaan Pembangunan Daerah'], ['BPKAD', 'Badan Pengelolaan Keuangan dan Aset Daerah'],
  ['BAPENDA', 'Badan Pendapatan Daerah'], ['BKPSDMD', 'Badan Kepegawaian dan Pengembangan SDM Daerah'],
  ['KESBANGPOL', 'Badan Kesatuan Bangsa dan Politik'], ['BPBD', 'Badan Penanggulangan Bencana Daerah'],
  ['DISDIK', 'Dinas Pendidikan dan Kebudayaan'], ['DINKES', 'Dinas Kesehatan'], ['RSUD', 'RSUD Hamba'],
  ['PUPR', 'Dinas Pekerjaan Umum dan Penataan Ruang'], ['PERKIM', 'Dinas Perumahan dan Kawasan Permukiman'],
  ['SATPOLPP', 'Satuan Polisi Pamong Praja'], ['DINSOS', 'Dinas Sosial'], ['DUKCAPIL', 'Dinas Kependudukan dan Pencatatan Sipil'],
  ['DPMD', 'Dinas Pemberdayaan Masyarakat dan Desa'], ['PPKBP3A', 'Dinas PPKB dan P3A'], ['NAKERTRANS', 'Dinas Tenaga Kerja dan Transmigrasi'],
  ['DLH', 'Dinas Lingkungan Hidup'], ['DISHUB', 'Dinas Perhubungan'], ['DISKOMINFO', 'Dinas Komunikasi dan Informatika'],
  ['DPMPTSP', 'Dinas Penanaman Modal dan PTSP'], ['DISTAN', 'Dinas Pertanian'], ['DISKAN', 'Dinas Perikanan'],
  ['DKP', 'Dinas Ketahanan Pangan'], ['DISPAR', 'Dinas Pariwisata'], ['DISPORA', 'Dinas Pemuda dan Olahraga'],
  ['DISPUSIP', 'Dinas Perpustakaan dan Kearsipan'], ['DISPERINDAG', 'Dinas Perindustrian dan Perdagangan'],
  ['DISKOPUKM', 'Dinas Koperasi dan UKM'],
  ['KEC-MERSAM', 'Kecamatan Mersam'], ['KEC-MARO-SEBO-ULU', 'Kecamatan Maro Sebo Ulu'], ['KEC-BATIN-XXIV', 'Kecamatan Batin XXIV'],
  ['KEC-MUARA-TEMBESI', 'Kecamatan Muara Tembesi'], ['KEC-MUARA-BULIAN', 'Kecamatan Muara Bulian'], ['KEC-BAJUBANG', 'Kecamatan Bajubang'],
  ['KEC-MARO-SEBO-ILIR', 'Kecamatan Maro Sebo Ilir'], ['KEC-PEMAYUNG', 'Kecamatan Pemayung'],
];
const SUB_UNITS = ['Sekretariat', 'Bidang Perencanaan dan Evaluasi', 'Bidang Pelayanan', 'Bidang Pembinaan', 'UPTD'];
const SHARED_POSITIONS = ['Analis Kebijakan', 'Pranata Komputer', 'Perencana', 'Guru Ahli Pertama', 'Guru Ahli Muda', 'Perawat Terampil',
  'Perawat Ahli Pertama', 'Bidan Terampil', 'Analis SDM Aparatur', 'Auditor', 'Arsiparis', 'Penyuluh Pertanian'];
const COURSES = ['Orientasi Nilai Dasar ASN BerAKHLAK', 'Pelayanan Publik Prima', 'Pencegahan Korupsi dan Gratifikasi', 'Literasi Digital ASN',
  'Penyusunan SKP dan Manajemen Kinerja', 'Keamanan Informasi untuk ASN', 'Tata Naskah Dinas Elektronik', 'Manajemen Risiko Sektor Publik',
  'Pengadaan Barang/Jasa Pemerintah Dasar', 'Penyusunan Laporan Keuangan SKPD', 'SPBE dan Arsitektur Layanan', 'Analisis Kebijakan Publik',
  'Komunikasi Publik dan Kehumasan', 'Penyusunan Rencana Strategis OPD', 'Pengelolaan Arsip Dinamis', 'Etika dan Disiplin PNS',
  'Kepemimpinan Pengawas', 'Kepemimpinan Administrator', 'Coaching dan Mentoring', 'Pengelolaan BMD', 'Data dan Statistik Sektoral',
  'Inovasi Pelayanan Publik', 'Manajemen Proyek Pemerintah', 'Penyusunan Standar Pelayanan', 'Moderasi Beragama', 'Wawasan Kebangsaan',
  'Excel untuk Perencana', 'Penulisan Naskah Akademik', 'Kesehatan dan Keselamatan Kerja', 'Pelayanan Adminduk Terpadu'];
const SKJ = [['M.1', 'Integritas'], ['M.2', 'Kerja Sama'], ['M.3', 'Komunikasi'], ['M.4', 'Orientasi pada Hasil'], ['M.5', 'Pelayanan Publik'],
  ['M.6', 'Pengembangan Diri dan Orang Lain'], ['M.7', 'Mengelola Perubahan'], ['M.8', 'Pengambilan Keputusan'], ['SK.1', 'Perekat Bangsa']];
const TEKNIS = 24;

/**
 * A jsonb_build_object(...) expression answering `questions` for one row: Likert scores 1–5
 * leaning to 4 (the sum of three uniforms, so the summary has a spread), text answers from a
 * few sentences. Evaluated per row, so every response differs.
 */
function answersSql(questions) {
  const parts = questions.map((q) =>
    q.type === 'likert'
      ? `'${q.id}', least(5, greatest(1, round(3.9 + (random() + random() + random() - 1.5) * 1.6)))::int`
      : `'${q.id}', (ARRAY['Materi sangat membantu pekerjaan', 'Contoh kasus lebih banyak', '', 'Video kurang jelas di jaringan lambat'])[1 + floor(random() * 4)::int]`,
  );
  return `jsonb_build_object(${parts.join(', ')})`;
}

/** The WIB year and quarter of an instant (UTC+7 all year). */
function wib(now) {
  const d = new Date(now.getTime() + 7 * 3_600_000);
  return { year: d.getUTCFullYear(), quarter: Math.floor(d.getUTCMonth() / 3) + 1 };
}

/**
 * The seed, one statement per step, timed. `now` is the bench's clock: every date is before
 * it, so the "current quarter" and "active in the last 30 days" figures have data.
 */
async function seed(pg, now) {
  const steps = {};
  const step = async (name, sql, params = []) => {
    const t = process.hrtime.bigint();
    await pg.query(sql, params);
    steps[name] = Number((msSince(t) / 1000).toFixed(2));
  };
  // Reproducible random(): the same shape for the same --asn.
  await pg.query(`SELECT setseed(0.2026)`);

  await step('org_units', `
    WITH opd AS (
      INSERT INTO org_units (code, name) SELECT c, n FROM unnest($1::text[], $2::text[]) AS t(c, n) RETURNING id, code, name
    )
    INSERT INTO org_units (code, name, parent_id)
    SELECT o.code || '-' || s, ($3::text[])[s] || ' ' || o.name, o.id
      FROM (SELECT opd.*, row_number() OVER (ORDER BY code) AS k FROM opd) o, generate_series(1, 3 + (o.k % 3)::int) s`,
    [OPD.map((o) => o[0]), OPD.map((o) => o[1]), SUB_UNITS]);

  // Structural positions per unit (ranked by seniority), shared functional positions without a unit.
  await step('positions', `
    INSERT INTO positions (name, kind, org_unit_id)
    SELECT p.name, p.kind, u.id FROM org_units u
      JOIN (VALUES ('Kepala', 'jpt', true), ('Sekretaris', 'administrator', true), ('Kepala Sub Bagian Umum', 'pengawas', true),
                   ('Pengadministrasi Umum', 'pelaksana', true), ('Kepala Bidang', 'administrator', false), ('Kepala Seksi', 'pengawas', false),
                   ('Pengelola Data', 'pelaksana', false), ('Pengadministrasi Perkantoran', 'pelaksana', false)) p(name, kind, top)
        ON p.top = (u.parent_id IS NULL)
    UNION ALL
    SELECT n, 'fungsional', NULL FROM unnest($1::text[]) n`,
    [SHARED_POSITIONS]);

  // Two published frameworks: the SKJ (manajerial + sosial kultural) and a technical one.
  await step('competencies', `
    WITH f AS (
      INSERT INTO competency_frameworks (identifier, name, publisher, status, published_at)
      VALUES (gen_random_uuid(), 'Standar Kompetensi Jabatan ASN', 'KemenPAN-RB', 'published', $3),
             (gen_random_uuid(), 'Kompetensi Teknis Pemerintah Daerah', 'BKPSDMD Batanghari', 'published', $3)
      RETURNING id, name
    ), levels AS (
      SELECT jsonb_agg(jsonb_build_object('level', l, 'description', 'Level ' || l, 'indicators', jsonb_build_array('Indikator ' || l)) ORDER BY l) AS levels
        FROM generate_series(1, 5) l
    )
    INSERT INTO competencies (framework_id, identifier, code, name, kind, levels, position)
    SELECT f.id, gen_random_uuid(), s.code, s.name, CASE WHEN s.code LIKE 'SK%' THEN 'sosial_kultural' ELSE 'manajerial' END, levels.levels, s.ord
      FROM f, levels, unnest($1::text[], $2::text[]) WITH ORDINALITY s(code, name, ord) WHERE f.name LIKE 'Standar%'
    UNION ALL
    SELECT f.id, gen_random_uuid(), 'T.' || lpad(t::text, 2, '0'), 'Kompetensi teknis ' || t, 'teknis', levels.levels, t
      FROM f, levels, generate_series(1, ${TEKNIS}) t WHERE f.name LIKE 'Kompetensi%'`,
    [SKJ.map((s) => s[0]), SKJ.map((s) => s[1]), now]);

  // Class defaults (DOMAIN.md: pelaksana 1, pengawas 2, administrator 3, JPT 4; fungsional 2),
  // then each position's own levels: two technical competencies, and for one position in ten
  // an SKJ level overridden (0 = not required there, or one level up).
  await step('standards', `
    WITH d AS (
      INSERT INTO competency_class_defaults (position_kind, competency_id, level)
      SELECT k.kind, c.id, k.level FROM competencies c
        CROSS JOIN (VALUES ('pelaksana', 1), ('pengawas', 2), ('administrator', 3), ('jpt', 4), ('fungsional', 2)) k(kind, level)
       WHERE c.kind <> 'teknis'
      RETURNING 1
    ), t AS (SELECT array_agg(id ORDER BY code) AS ids FROM competencies WHERE kind = 'teknis'),
       s AS (SELECT array_agg(id ORDER BY code) AS ids FROM competencies WHERE kind <> 'teknis')
    INSERT INTO position_competency_requirements (position_id, competency_id, level)
    SELECT p.id, t.ids[1 + ((hashtext(p.id::text) & 2147483647) + o) % ${TEKNIS}], 2 + (o % 2)
      FROM positions p, t, (VALUES (0), (7)) x(o)
    UNION ALL
    SELECT p.id, s.ids[1 + (hashtext(p.id::text) & 2147483647) % ${SKJ.length}], CASE WHEN hashtext(p.name) % 2 = 0 THEN 0 ELSE 4 END
      FROM positions p, s WHERE (hashtext(p.id::text) & 2147483647) % 10 = 0`);

  // The ASN: units skewed (a few OPD — schools, health — hold most people), positions 45 %
  // functional, else the unit's structural ones weighted towards pelaksana; 3 % inactive. NIPs as
  // bench/lib.js benchNip(i). The author of the courses is one more user.
  await step('users', `
    WITH units AS (SELECT array_agg(id ORDER BY hashtext(code)) AS ids FROM org_units),
         shared AS (SELECT array_agg(id ORDER BY name) AS ids FROM positions WHERE org_unit_id IS NULL),
         own AS (SELECT org_unit_id, array_agg(id ORDER BY array_position(ARRAY['jpt','administrator','pengawas','pelaksana']::text[], kind::text), name) AS ids
                   FROM positions WHERE org_unit_id IS NOT NULL GROUP BY org_unit_id),
         g AS (SELECT i, random() AS r1, random() AS r2, random() AS r3, random() AS r4 FROM generate_series(0, $1::int - 1) i),
         people AS (
           SELECT g.*, units.ids[1 + floor(cardinality(units.ids) * g.r1 ^ 1.6)::int] AS unit_id, shared.ids AS shared FROM g, units, shared)
    INSERT INTO users (nip, name, org_unit_id, position_id, golongan, active, roles)
    SELECT (1965 + i % 30)::text || lpad((1 + (i / 30) % 12)::text, 2, '0') || lpad((1 + (i / 360) % 28)::text, 2, '0')
           || (1965 + i % 30 + 22 + i % 8)::text || lpad((1 + i % 12)::text, 2, '0') || (1 + i % 2)::text || lpad((1 + i / 10080)::text, 3, '0'),
           'ASN ' || i, p.unit_id,
           CASE WHEN p.r2 < 0.45 THEN p.shared[1 + floor(p.r3 * cardinality(p.shared))::int]
                ELSE own.ids[least(cardinality(own.ids), CASE WHEN p.r3 < 0.02 THEN 1 WHEN p.r3 < 0.08 THEN 2 WHEN p.r3 < 0.25 THEN 3 ELSE 4 END)] END,
           (ARRAY['II/a','II/c','III/a','III/b','III/c','III/d','IV/a','IV/b'])[1 + floor(p.r4 * 8)::int], p.r4 > 0.03, '{learner}'
      FROM people p JOIN own ON own.org_unit_id = p.unit_id`,
    [ASN]);
  await step('author', `INSERT INTO users (nip, name, org_unit_id, roles) SELECT $1, 'Penulis BKPSDMD', id, '{author,admin}' FROM org_units WHERE code = 'BKPSDMD'`, [benchNip(9_000_000)]);

  // Each unit's head (its most senior ASN) is everyone else's direct superior there.
  await step('supervisors', `
    WITH head AS (
      SELECT DISTINCT ON (u.org_unit_id) u.org_unit_id, u.id
        FROM users u JOIN positions p ON p.id = u.position_id
       ORDER BY u.org_unit_id, array_position(ARRAY['jpt','administrator','pengawas','fungsional','pelaksana']::text[], p.kind::text), u.nip)
    UPDATE users u SET supervisor_id = head.id FROM head WHERE head.org_unit_id = u.org_unit_id AND head.id <> u.id`);

  // 30 published courses (version 1), ranked by popularity k. k % 3 = 0: pre- and post-test
  // (the largest course among them); k % 3 = 1: a graded quiz; k % 3 = 2: no quiz. Follow-ups
  // on for even k (absent row = the defaults), switched off for odd k. Two adapted surveys.
  await pg.query(`CREATE TEMP TABLE bench_courses (k int, id uuid, title text, jp int)`);
  await step('courses', `
    WITH a AS (SELECT id FROM users WHERE nip = $2),
         c AS (
           INSERT INTO courses (owner_id, title, jp, status, published_version, development_form)
           SELECT a.id, t.title, 2 + (t.k::int % 4) * 2, 'published', 1, 'NKL03' FROM a, unnest($1::text[]) WITH ORDINALITY t(title, k)
           RETURNING id, title, jp, owner_id),
         v AS (
           INSERT INTO course_versions (course_id, version, snapshot, hash, published_by, published_at, title, language, jp, module_count, lesson_count, search_text)
           SELECT id, 1, '{"content":{"modules":[]}}', repeat('0', 64), owner_id, $3::timestamptz - interval '760 days', title, 'id', jp, 1, 1, lower(title) FROM c
           RETURNING course_id),
         o AS (INSERT INTO course_authors (course_id, user_id, role) SELECT id, owner_id, 'owner' FROM c RETURNING 1)
    INSERT INTO bench_courses SELECT array_position($1::text[], c.title::text) - 1, c.id, c.title, c.jp FROM c`,
    [COURSES, benchNip(9_000_000), now]);
  await pg.query(`INSERT INTO course_follow_ups (course_id, enabled) SELECT id, false FROM bench_courses WHERE k % 2 = 1`);
  await pg.query(`INSERT INTO course_surveys (course_id, questions, required_for_certificate) SELECT id, $1, true FROM bench_courses WHERE k IN (1, 4)`, [JSON.stringify(DEFAULT_SURVEY)]);

  // Six draws per ASN over the courses (popularity ~ k^-0.77), duplicates dropped: ~5 enrolments
  // each. Enrolled over the last two years, denser towards now (adoption grows); completed
  // after 0.3–40 days for ~74 % unless that is still in the future (then active).
  await step('enrollments', `
    INSERT INTO enrollments (user_id, course_id, version, status, enrolled_at, completed_at, updated_at)
    SELECT user_id, course_id, 1, CASE WHEN done THEN 'completed' ELSE 'active' END, enrolled_at, CASE WHEN done THEN finish END, CASE WHEN done THEN finish ELSE enrolled_at END
      FROM (SELECT g.user_id, c.id AS course_id, g.enrolled_at, g.enrolled_at + g.days * interval '1 day' AS finish,
                   g.rc < 0.74 AND g.enrolled_at + g.days * interval '1 day' < $1 AS done
              FROM (SELECT u.id AS user_id, floor(30 * random() ^ 1.3)::int AS k,
                           $1::timestamptz - (1 - sqrt(random())) * interval '730 days' AS enrolled_at,
                           0.3 + 40 * random() ^ 2 AS days, random() AS rc
                      FROM users u, generate_series(1, 6) WHERE u.roles = '{learner}') g
              JOIN bench_courses c ON c.k = g.k) x
    ON CONFLICT (user_id, course_id) DO NOTHING`,
    [now]);

  // Block progress: every block of a completed enrolment, 0–3 of an active one, spread between
  // enrolling and completing (or 60 days, or now).
  await step('block_progress', `
    INSERT INTO block_progress (enrollment_id, block_key, viewed_at, max_fraction, completed_at, updated_at)
    SELECT e.id, 'b' || b, t, 1, t, t
      FROM enrollments e, generate_series(1, $2::int) b,
           LATERAL (SELECT e.enrolled_at + (coalesce(e.completed_at, least($1::timestamptz, e.enrolled_at + interval '60 days')) - e.enrolled_at) * (b::float8 / $2) AS t) x
     WHERE e.status = 'completed' OR b <= (hashtext(e.id::text) & 3)`,
    [now, BLOCKS]);

  // The JP ledger: one line per completion (WIB year and dates, as completion books it), and a
  // classical activity for ~30 % of ASN in each year.
  await step('learning_hours', `
    INSERT INTO learning_hours (user_id, year, source, enrollment_id, course_id, title, jp, development_form, organiser, start_date, end_date, created_at)
    SELECT e.user_id, extract(year FROM e.completed_at AT TIME ZONE 'Asia/Jakarta')::int, 'course', e.id, e.course_id, c.title, c.jp, 'NKL03',
           'BKPSDMD Kabupaten Batanghari', (e.enrolled_at AT TIME ZONE 'Asia/Jakarta')::date, (e.completed_at AT TIME ZONE 'Asia/Jakarta')::date, e.completed_at
      FROM enrollments e JOIN bench_courses c ON c.id = e.course_id WHERE e.status = 'completed'
    UNION ALL
    SELECT u.id, y, 'classical', NULL, NULL, 'Diklat klasikal ' || y, 8 + floor(random() * 4)::int * 8, 'KL01', 'BPSDM Provinsi Jambi', d, d, d
      FROM users u, generate_series(extract(year FROM $1::timestamptz)::int - 1, extract(year FROM $1::timestamptz)::int) y,
           LATERAL (SELECT least(make_date(y, 1, 1) + floor(random() * 360)::int, ($1::timestamptz AT TIME ZONE 'Asia/Jakarta')::date - 1) AS d) x
     WHERE random() < 0.3`,
    [now]);

  // Level 2. Pre/post courses: a pre-test for 92 % of enrolments (15 minutes in), a post-test
  // for every completion (a failed first try then a pass for ~1 in 5). Quiz courses: a graded
  // quiz for completions, 2 % waiting for an essay grader. Attempt columns as the engine writes them.
  const attemptCols = `enrollment_id, user_id, course_id, block_key, attempt_no, role, status, seed, items, pass_percent, review_policy, started_at, submitted_at, submitted_by, percent, score, max_score, passed`;
  const attemptRow = (percent, submitted) =>
    `'[]'::jsonb, 60, 'after_submit', ${submitted} - interval '12 minutes', ${submitted}, 'learner', ${percent}, ${percent}, 100, ${percent} >= 60`;
  await step('quiz_attempts', `
    INSERT INTO quiz_attempts (${attemptCols})
    SELECT e.id, e.user_id, e.course_id, 'pretest', 1, 'pretest', 'graded', 1, ${attemptRow('p', "e.enrolled_at + interval '15 minutes'")}
      FROM enrollments e JOIN bench_courses c ON c.id = e.course_id, LATERAL (SELECT round((30 + random() * 40)::numeric, 2) AS p) x
     WHERE c.k % 3 = 0 AND random() < 0.92
    UNION ALL
    SELECT e.id, e.user_id, e.course_id, 'posttest', 1, 'posttest', 'graded', 2, ${attemptRow('p', "e.completed_at - interval '20 minutes'")}
      FROM enrollments e JOIN bench_courses c ON c.id = e.course_id, LATERAL (SELECT round((50 + random() * 50)::numeric, 2) AS p) x
     WHERE c.k % 3 = 0 AND e.status = 'completed'
    UNION ALL
    SELECT e.id, e.user_id, e.course_id, 'kuis', 1, 'graded', CASE WHEN x.r < 0.02 THEN 'needs_grading' ELSE 'graded' END, 3,
           '[]'::jsonb, 60, 'after_submit', e.completed_at - interval '30 minutes', e.completed_at - interval '5 minutes', 'learner',
           CASE WHEN x.r >= 0.02 THEN x.p END, CASE WHEN x.r >= 0.02 THEN x.p END, 100, CASE WHEN x.r >= 0.02 THEN x.p >= 60 END
      FROM enrollments e JOIN bench_courses c ON c.id = e.course_id, LATERAL (SELECT round((55 + random() * 45)::numeric, 2) AS p, random() AS r) x
     WHERE c.k % 3 = 1 AND e.status = 'completed'`);
  await step('quiz_retakes', `
    INSERT INTO quiz_attempts (${attemptCols})
    SELECT a.enrollment_id, a.user_id, a.course_id, a.block_key, 2, a.role, 'graded', 4, ${attemptRow('x.p', "a.submitted_at + interval '10 minutes'")}
      FROM quiz_attempts a, LATERAL (SELECT round((60 + random() * 40)::numeric, 2) AS p) x
     WHERE a.role = 'posttest' AND a.percent < 60`);

  // Level 1: ~65 % of completions answer the survey within two hours (never after now), with
  // the questions they answered stored next to the answers, as the api stores them.
  await step('survey_responses', `
    INSERT INTO survey_responses (enrollment_id, course_id, questions, answers, submitted_at)
    SELECT e.id, e.course_id, $2::jsonb, ${answersSql(DEFAULT_SURVEY)}, least($1::timestamptz, e.completed_at + random() * interval '2 hours')
      FROM enrollments e WHERE e.status = 'completed' AND random() < 0.65`,
    [now, JSON.stringify(DEFAULT_SURVEY)]);

  // Level 3 on the courses that keep it on: per completion, a learner request and one for the
  // superior, due 8 weeks after; scheduled while due is ahead, then answered (learner 50 %,
  // superior 40 %) within 10 days, expired after 3 weeks, otherwise still sent.
  await step('follow_up_requests', `
    INSERT INTO follow_up_requests (enrollment_id, course_id, subject_id, respondent_id, respondent_role, due_at, status, sent_at, answered_at, created_at)
    SELECT id, course_id, user_id, respondent_id, role, due_at, status,
           CASE WHEN status <> 'scheduled' THEN due_at END, CASE WHEN status = 'answered' THEN answered_at END, completed_at
      FROM (SELECT e.id, e.course_id, e.user_id, e.completed_at, r.role, r.respondent_id, e.completed_at + interval '56 days' AS due_at,
                   e.completed_at + interval '56 days' + random() * interval '10 days' AS answered_at, random() AS x, r.share
              FROM enrollments e JOIN bench_courses c ON c.id = e.course_id AND c.k % 2 = 0 JOIN users u ON u.id = e.user_id,
                   LATERAL (VALUES ('learner', e.user_id, 0.5), ('superior', u.supervisor_id, 0.4)) r(role, respondent_id, share)
             WHERE e.status = 'completed' AND r.respondent_id IS NOT NULL) f,
           LATERAL (SELECT CASE WHEN due_at > $1 THEN 'scheduled'
                                WHEN x < share AND answered_at <= $1 THEN 'answered'
                                WHEN due_at + interval '21 days' < $1 THEN 'expired'
                                ELSE 'sent' END AS status) s`,
    [now]);
  await step('follow_up_responses', `
    INSERT INTO follow_up_responses (request_id, course_id, respondent_role, questions, answers, submitted_at)
    SELECT r.id, r.course_id, r.respondent_role, CASE r.respondent_role WHEN 'learner' THEN $1::jsonb ELSE $2::jsonb END,
           CASE r.respondent_role WHEN 'learner' THEN ${answersSql(DEFAULT_LEARNER_FOLLOW_UP)} ELSE ${answersSql(DEFAULT_SUPERIOR_FOLLOW_UP)} END,
           r.answered_at
      FROM follow_up_requests r WHERE r.status = 'answered'`,
    [JSON.stringify(DEFAULT_LEARNER_FOLLOW_UP), JSON.stringify(DEFAULT_SUPERIOR_FOLLOW_UP)]);

  // The achieved levels (the cache the reports join): ~90 % of each ASN's required
  // competencies have evidence, one in ten a level short, so a minority meets the whole standard.
  await step('competency_achievements', `
    INSERT INTO competency_achievements (user_id, competency_id, level, evidence_count, updated_at)
    SELECT u.id, r.competency_id, greatest(1, least(5, r.level - (random() < 0.1)::int + (random() < 0.3)::int)), 1 + floor(random() * 3)::int,
           $1::timestamptz - random() * interval '700 days'
      FROM users u JOIN effective_position_requirements r ON r.position_id = u.position_id
     WHERE random() < 0.9`,
    [now]);

  // A live database has been vacuumed and analysed by autovacuum: plans and index-only scans as there.
  await step('vacuum_analyze', `VACUUM ANALYZE`);
  return steps;
}

const TABLES = ['org_units', 'positions', 'users', 'competencies', 'position_competency_requirements', 'competency_class_defaults', 'courses',
  'enrollments', 'block_progress', 'learning_hours', 'quiz_attempts', 'survey_responses', 'follow_up_requests', 'follow_up_responses', 'competency_achievements'];

/** A Queryable that records each statement's time, keyed by its first meaningful words. */
function timedQueryable(q, log) {
  return {
    async query(sql, params) {
      const t = process.hrtime.bigint();
      try {
        return await q.query(sql, params);
      } finally {
        const label = sql.replace(/\s+/g, ' ').trim().slice(0, 90);
        log.push({ label, ms: msSince(t), sql, params });
      }
    },
  };
}

/** Statements of a log summed by label, slowest first. */
function byStatement(log) {
  const m = new Map();
  for (const { label, ms } of log) {
    const e = m.get(label) ?? { sql: label, calls: 0, ms: 0 };
    e.calls++;
    e.ms += ms;
    m.set(label, e);
  }
  return [...m.values()].sort((a, b) => b.ms - a.ms).map((e) => ({ ...e, ms: Number(e.ms.toFixed(1)) }));
}

async function measure(ds, name, scope) {
  // The stamp alone, as every api GET of a report pays it (two warm-ups first).
  for (let i = 0; i < 2; i++) await reports.sourceStamp(ds, scope, new Date());
  const stampMs = [];
  for (let i = 0; i < STAMPS; i++) {
    const t = process.hrtime.bigint();
    await reports.sourceStamp(ds, scope, new Date());
    stampMs.push(msSince(t));
  }
  // A miss in the api: stamp + upsert to `queued`.
  let t = process.hrtime.bigint();
  const { snapshot } = await reports.requestSnapshot(ds, scope, null);
  const requestMs = msSince(t);
  // What the worker pays: claim, stamp + compute in one repeatable-read transaction, store.
  const computeMs = [];
  for (let i = 0; i < COMPUTES; i++) {
    if (i > 0) await ds.query(`UPDATE report_snapshots SET status = 'queued' WHERE id = $1`, [snapshot.id]); // as a stale request would
    t = process.hrtime.bigint();
    const outcome = await reports.runSnapshot(ds, snapshot.id, { notifyAfterMs: 3_600_000 });
    computeMs.push(msSince(t));
    if (outcome !== 'ready') {
      const [row] = await ds.query(`SELECT error FROM report_snapshots WHERE id = $1`, [snapshot.id]);
      throw new Error(`${name}: runSnapshot ${outcome}: ${row?.error}`);
    }
  }
  // The next GET finds it fresh (a stable stamp), and the stored report's size.
  const again = await reports.requestSnapshot(ds, scope, null);
  const [{ bytes }] = await ds.query(`SELECT octet_length(data::text) AS bytes FROM report_snapshots WHERE id = $1`, [snapshot.id]);
  // One more compute with each statement timed (same transaction shape as runSnapshot).
  const log = [];
  await ds.transaction('REPEATABLE READ', async (tx) => {
    await tx.query('SET TRANSACTION READ ONLY');
    const q = timedQueryable(tx, log);
    await reports.sourceStamp(q, scope, new Date());
    await reports.computeReport(q, scope, new Date());
  });
  if (EXPLAIN) {
    // The stamp (log[0]) and the slowest single statement, again, with their plans (same parameters).
    const slowest = log.reduce((a, b) => (b.ms > a.ms ? b : a));
    for (const [what, e] of [['stamp', log[0]], ['slowest statement', slowest]]) {
      const plan = await ds.query(`EXPLAIN (ANALYZE, BUFFERS) ${e.sql}`, e.params);
      console.error(`\n--- ${name}, ${what}: ${e.ms.toFixed(1)} ms\n${plan.map((r) => r['QUERY PLAN']).join('\n')}`);
    }
  }
  const s = stats(stampMs);
  const c = stats(computeMs);
  return {
    report: name,
    stampMs: { median: s.p50, p95: s.p95, max: s.max },
    requestSnapshotMs: Number(requestMs.toFixed(1)),
    runSnapshotMs: { first: Number(computeMs[0].toFixed(1)), median: c.p50, max: c.max, runs: computeMs.length },
    freshAfterwards: again.fresh,
    dataBytes: Number(bytes),
    slowestStatements: byStatement(log).slice(0, 5),
    data: again.snapshot.data,
  };
}

async function main() {
  const now = new Date();
  const load = { before: os.loadavg().map((l) => Number(l.toFixed(2))) };
  const db = await createTestDatabase(BASE_URL, 'cakap_bench');
  const pg = new Client({ connectionString: db.url });
  const ds = createDataSource({ url: db.url, applicationName: 'bench-reports' });
  try {
    await pg.connect();
    const t0 = process.hrtime.bigint();
    const steps = await seed(pg, now);
    const seedSeconds = Number((msSince(t0) / 1000).toFixed(1));
    const counts = {};
    for (const table of TABLES) counts[table] = Number((await pg.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
    const [{ size }] = (await pg.query(`SELECT pg_size_pretty(pg_database_size(current_database())) AS size`)).rows;
    console.error(`seeded ${ASN} ASN in ${seedSeconds} s (${size}); measuring...`);

    await ds.initialize();
    const { year, quarter } = wib(now);
    const {
      rows: [largest],
    } = await pg.query(`SELECT course_id, count(*)::int AS n FROM enrollments GROUP BY course_id ORDER BY n DESC LIMIT 1`);
    const results = [
      await measure(ds, `course (largest, ${largest.n} enrolments)`, { kind: 'course', courseId: largest.course_id }),
      await measure(ds, `org-units ${year}, all`, { kind: 'org-units', year, unitId: null }),
      await measure(ds, `programme ${year}-Q${quarter}`, { kind: 'programme', period: parsePeriod(`${year}-Q${quarter}`) }),
    ];
    load.after = os.loadavg().map((l) => Number(l.toFixed(2)));

    // Enough of each report to see it computed something real.
    const [course, units, programme] = results.map((r) => r.data);
    const sample = {
      course: { enrolled: course.enrolled, completed: course.completed, active: course.active, prePostGain: course.prePostGain, satisfaction: course.satisfaction.mean, followUpLearner: course.followUp.learner.responseRate },
      orgUnits: { units: units.units.length, total: units.total },
      programme: { enrolled: programme.enrolled, completed: programme.completed, activeLearners: programme.activeLearners, totalJp: programme.totalJp, courses: programme.courses.length, trend: programme.trend.map((t) => `${t.period}: ${t.enrolled}`) },
    };
    const out = {
      asn: ASN,
      seedSeconds,
      seedStepsSeconds: steps,
      databaseSize: size,
      rows: counts,
      reports: results.map(({ data, ...r }) => r),
      sample,
      loadAverage: load,
      machine: { cpus: os.cpus().length, node: process.version },
      // The package is measured as built: which build (its dist changes as the package does).
      reportsDistBuiltAt: fs.statSync(fromWorker.resolve('@cakap/reports')).mtime.toISOString(),
    };
    console.log(JSON.stringify(out, null, 2));
    console.log(`\n${ASN} ASN, seed ${seedSeconds} s, ${counts.enrollments} enrolments, ${counts.survey_responses} survey responses`);
    console.table(
      results.map((r) => ({
        report: r.report,
        'stamp p50 ms': r.stampMs.median,
        'stamp p95 ms': r.stampMs.p95,
        'request ms': r.requestSnapshotMs,
        'compute first ms': r.runSnapshotMs.first,
        'compute median ms': r.runSnapshotMs.median,
        fresh: r.freshAfterwards,
      })),
    );
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await pg.end().catch(() => undefined);
    await db.drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
