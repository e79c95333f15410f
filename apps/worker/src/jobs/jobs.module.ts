import { type DynamicModule, Module, type ModuleMetadata, type Type } from '@nestjs/common';
import { JOB_HANDLERS } from '../core/tokens';
import type { JobHandler } from './job-handler';
import { JobRegistry } from './job-registry';
import { QueuesService } from './queues.service';
import { ReconcilerService } from './reconciler.service';
import { WorkersService } from './workers.service';

export interface JobsModuleOptions {
  /** The modules that provide the handlers. */
  imports: NonNullable<ModuleMetadata['imports']>;
  handlers: Array<Type<JobHandler>>;
}

/**
 * The queue side of the worker: the registry (checked at boot: a job without a handler, or with
 * two, stops the worker before it connects anywhere), the BullMQ workers and the reconciler.
 */
@Module({})
export class JobsModule {
  static register(opts: JobsModuleOptions): DynamicModule {
    return {
      module: JobsModule,
      imports: opts.imports,
      providers: [
        { provide: JOB_HANDLERS, useFactory: (...handlers: JobHandler[]) => handlers, inject: opts.handlers },
        { provide: JobRegistry, useFactory: (handlers: JobHandler[]) => new JobRegistry(handlers), inject: [JOB_HANDLERS] },
        QueuesService,
        WorkersService,
        ReconcilerService,
      ],
      exports: [JobRegistry, QueuesService, WorkersService, ReconcilerService],
    };
  }
}
