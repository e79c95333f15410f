import 'reflect-metadata';
import { Injectable, Module, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { JobPayload } from '@cakap/contracts';
import { CoreModule } from '../src/core/core.module';
import type { JobHandler } from '../src/jobs/job-handler';
import { JobRegistry, JobRegistryError } from '../src/jobs/job-registry';
import { JobsModule } from '../src/jobs/jobs.module';
import { testConfig } from './support';

@Injectable()
class ImportA implements JobHandler<'userImport'> {
  readonly job = 'userImport' as const;
  readonly jobOptions = {};
  async handle(_payload: JobPayload<'userImport'>): Promise<void> {}
}

@Injectable()
class ImportB extends ImportA {}

@Injectable()
class Deadline implements JobHandler<'quizDeadline'> {
  readonly job = 'quizDeadline' as const;
  readonly jobOptions = {};
  async handle(_payload: JobPayload<'quizDeadline'>): Promise<void> {}
}

@Injectable()
class Batch implements JobHandler<'certificateBatch'> {
  readonly job = 'certificateBatch' as const;
  readonly jobOptions = {};
  async handle(_payload: JobPayload<'certificateBatch'>): Promise<void> {}
}

@Injectable()
class Render implements JobHandler<'certificateRender'> {
  readonly job = 'certificateRender' as const;
  readonly jobOptions = {};
  async handle(_payload: JobPayload<'certificateRender'>): Promise<void> {}
}

@Injectable()
class Report implements JobHandler<'reportCompute'> {
  readonly job = 'reportCompute' as const;
  readonly jobOptions = {};
  async handle(_payload: JobPayload<'reportCompute'>): Promise<void> {}
}

@Injectable()
class FollowUpSend implements JobHandler<'followUpSend'> {
  readonly job = 'followUpSend' as const;
  readonly jobOptions = {};
  async handle(_payload: JobPayload<'followUpSend'>): Promise<void> {}
}

@Injectable()
class FollowUpRemind implements JobHandler<'followUpRemind'> {
  readonly job = 'followUpRemind' as const;
  readonly jobOptions = {};
  async handle(_payload: JobPayload<'followUpRemind'>): Promise<void> {}
}

const ALL = [ImportA, ImportB, Deadline, Batch, Render, Report, FollowUpSend, FollowUpRemind];
@Module({ providers: ALL, exports: ALL })
class HandlersModule {}

/** Boots a worker whose job handlers are `handlers`: the registry check runs before anything connects. */
async function boot(handlers: Array<Type<JobHandler>>) {
  const cfg = testConfig('registry');
  @Module({
    imports: [CoreModule.forRoot(cfg, { startWorkers: false, reconcileOnStart: false, reconcileIntervalMs: 0 }), JobsModule.register({ imports: [HandlersModule], handlers })],
  })
  class TestWorkerModule {}
  const app = await NestFactory.createApplicationContext(TestWorkerModule, { logger: false, abortOnError: false });
  await app.close();
}

describe('job registry (boot check)', () => {
  it('refuses to start when a job of JOBS has no handler', async () => {
    await expect(boot([])).rejects.toThrow(JobRegistryError);
    await expect(boot([])).rejects.toThrow(/job "userImport" \(queue \{user-import\}, name user-import\.run\) has no handler/);
  });

  it('refuses to start when a job has two handlers', async () => {
    await expect(boot([ImportA, ImportB, Deadline, Batch, Render])).rejects.toThrow(/job "userImport" has 2 handlers: ImportA, ImportB/);
  });

  it('starts with exactly one handler per job', async () => {
    await expect(boot([ImportA, Deadline, Batch, Render, Report, FollowUpSend, FollowUpRemind])).resolves.toBeUndefined();
  });

  it('refuses a handler for a job that JOBS does not define, and lists every problem', () => {
    const stray = { job: 'certificateBatch', jobOptions: {}, handle: async () => undefined } as unknown as JobHandler;
    const jobs = { userImport: { queue: '{user-import}', name: 'user-import.run' }, other: { queue: '{other}', name: 'other.run' } };
    try {
      new JobRegistry([new ImportA(), stray], jobs);
      throw new Error('should have thrown');
    } catch (e) {
      expect(e).toBeInstanceOf(JobRegistryError);
      expect((e as JobRegistryError).problems).toEqual([
        'job "other" (queue {other}, name other.run) has no handler',
        'a handler handles "certificateBatch", which is not a job of contracts\' JOBS',
      ]);
    }
  });

  it('resolves a job by its queue and name, and lists each queue once', () => {
    const handler = new ImportA();
    const registry = new JobRegistry([handler, new Deadline(), new Batch(), new Render(), new Report(), new FollowUpSend(), new FollowUpRemind()]);
    // certificateBatch and certificateRender share one queue.
    expect(registry.queues()).toEqual(['{user-import}', '{quiz-deadline}', '{certificates}', '{follow-ups}', '{reports}']);
    expect(registry.resolve('{user-import}', 'user-import.run')).toEqual({ key: 'userImport', handler });
    expect(registry.resolve('{user-import}', 'other')).toBeUndefined();
  });
});
