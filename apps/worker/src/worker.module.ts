import { type DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '@cakap/config';
import { CertificateBatchProcessor } from './certificates/certificate-batch.processor';
import { CertificateRenderProcessor } from './certificates/certificate-render.processor';
import { CertificatesModule } from './certificates/certificates.module';
import { CoreModule } from './core/core.module';
import { FollowUpRemindProcessor } from './follow-ups/follow-up-remind.processor';
import { FollowUpSendProcessor } from './follow-ups/follow-up-send.processor';
import { FollowUpsModule } from './follow-ups/follow-ups.module';
import type { WorkerModuleOptions } from './core/worker-options';
import { JobsModule } from './jobs/jobs.module';
import { NotificationsModule } from './notifications/notifications.module';
import { QuizDeadlineModule } from './quiz-deadline/quiz-deadline.module';
import { QuizDeadlineProcessor } from './quiz-deadline/quiz-deadline.processor';
import { ReportComputeProcessor } from './reports/report-compute.processor';
import { ReportsModule } from './reports/reports.module';
import { UserImportModule } from './user-import/user-import.module';
import { UserImportProcessor } from './user-import/user-import.processor';

/** The worker: infrastructure, the job handlers of each domain module, the queues. */
@Module({})
export class WorkerModule {
  static forRoot(cfg: AppConfig, opts: WorkerModuleOptions = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        CoreModule.forRoot(cfg, opts),
        NotificationsModule,
        JobsModule.register({
          imports: [UserImportModule, QuizDeadlineModule, CertificatesModule, FollowUpsModule, ReportsModule],
          handlers: [UserImportProcessor, QuizDeadlineProcessor, CertificateBatchProcessor, CertificateRenderProcessor, FollowUpSendProcessor, FollowUpRemindProcessor, ReportComputeProcessor],
        }),
      ],
    };
  }
}
