import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JOB_OPTIONS, JOBS } from '@cakap/contracts';
import { createBatch } from '@cakap/issuance';
import type { PluginRegistry } from '@cakap/plugin-sdk/host';
import { PLUGINS } from '../src/core/tokens';
import { allStored, certificatesOf, getBatch, range, seedCompletedCourse, seedTemplate, waitForBatch } from './certificates-support';
import { type Harness, startWorker } from './support';

/**
 * A worker process killed with SIGKILL halfway through a batch: the next worker process
 * finishes it, and every learner ends with exactly one certificate, no number is skipped, every
 * PDF is stored. The worker runs as its built entry point (dist/main.js), as in production.
 */
describe('certificate batch survives SIGKILL', () => {
  const main = join(__dirname, '../dist/main.js');
  const dataDir = mkdtempSync(join(tmpdir(), 'cakap-cert-kill-'));
  const prefix = `${process.env.QUEUE_PREFIX}:certificates-kill`;
  let h: Harness;
  const children: ChildProcess[] = [];
  const output: string[] = [];

  // Only to seed and enqueue: this harness consumes nothing.
  beforeAll(async () => {
    // `turbo test` builds the worker first (turbo.json); running this file alone, build it when stale.
    const src = join(__dirname, '../src');
    if (!existsSync(main) || statSync(main).mtimeMs < newestMtime(src)) {
      execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(__dirname, '../tsconfig.build.json')], { stdio: 'inherit' });
    }
    h = await startWorker('certificates-kill', { startWorkers: false, outboxPollMs: 0 });
  });
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await h?.close();
  });

  const spawnWorker = () => {
    const child = spawn(process.execPath, [main], {
      env: {
        ...process.env,
        QUEUE_PREFIX: prefix,
        CAKAP_DATA_DIR: dataDir,
        CERTIFICATE_CHUNK_SIZE: '40',
        LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Kept to explain a failure: what the worker said before it died or hung.
    child.stdout?.on('data', (d: Buffer) => output.push(d.toString()));
    child.stderr?.on('data', (d: Buffer) => output.push(d.toString()));
    children.push(child);
    return child;
  };

  it('finishes the batch in a new process, exactly once and gap-free', async () => {
    const course = await seedCompletedCourse(h.ds, 800);
    const registry = h.app.get<PluginRegistry>(PLUGINS);
    const templateId = await seedTemplate(h.ds, registry);
    const { id } = await createBatch(h.ds, { courseId: course.courseId, templateId }, course.ownerId);
    await h.queues.get(JOBS.certificateBatch.queue).add(JOBS.certificateBatch.name, { v: 1, batchId: id }, { ...JOB_OPTIONS, jobId: id });

    const first = spawnWorker();
    for (;;) {
      const b = await getBatch(h.ds, id);
      if (b.issued > 0) break;
      if (first.exitCode !== null) throw new Error(`worker exited with ${first.exitCode}`);
      await new Promise((r) => setTimeout(r, 5));
    }
    const exited = new Promise((r) => first.once('exit', r));
    first.kill('SIGKILL');
    await exited;
    const halfway = await getBatch(h.ds, id);
    expect(halfway.issued).toBeGreaterThan(0);
    expect(halfway.issued).toBeLessThan(800);
    expect(halfway.status).toBe('running');

    // The new process finds the job active with an expired lock (BullMQ's stalled check) and
    // runs it again from what Postgres says is left.
    spawnWorker();
    const done = await waitForBatch(h.ds, id, 100_000).catch((err: Error) => {
      throw new Error(`${err.message}\nworker output:\n${output.join('').slice(-4000)}`);
    });
    expect(done).toMatchObject({ status: 'completed', total: 800, issued: 800, skipped: 0, failed: 0 });
    const certs = await certificatesOf(h.ds, course.courseId);
    expect(certs.map((c) => c.seq)).toEqual(range(1, 800));
    expect(new Set(certs.map((c) => c.userId)).size).toBe(800);
    expect(allStored(dataDir, certs)).toBe(true);
  }, 150_000);
});

function newestMtime(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((newest, e) => {
    const path = join(dir, e.name);
    return Math.max(newest, e.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }, 0);
}
