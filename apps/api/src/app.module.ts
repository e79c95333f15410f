import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import type { AppConfig } from '@cakap/config';
import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AssignmentsModule } from './assignments/assignments.module';
import { AuthModule } from './auth/auth.module';
import { CatalogModule } from './catalog/catalog.module';
import { CertificateBatchesModule } from './certificate-batches/certificate-batches.module';
import { CertificateTemplatesModule } from './certificate-templates/certificate-templates.module';
import { CertificatesModule } from './certificates/certificates.module';
import { CompetencyFrameworksModule } from './competency-frameworks/competency-frameworks.module';
import { CompetencyStandardsModule } from './competency-standards/competency-standards.module';
import { CompetencyReportsModule } from './competency-reports/competency-reports.module';
import { ProblemFilter } from './common/problem.filter';
import { CompetencyProfilesModule } from './competency-profiles/competency-profiles.module';
import { ConfigModule } from './config/config.module';
import { CoursesModule } from './courses/courses.module';
import { DatabaseModule } from './database/database.module';
import { EnrollmentsModule } from './enrollments/enrollments.module';
import { EvaluationModule } from './evaluation/evaluation.module';
import { FollowUpsModule } from './follow-ups/follow-ups.module';
import { LearningNeedsModule } from './learning-needs/learning-needs.module';
import { FilesModule } from './files/files.module';
import { LearningHoursModule } from './learning-hours/learning-hours.module';
import { NotificationsModule } from './notifications/notifications.module';
import { ObservabilityModule } from './observability/observability.module';
import { OrgUnitsModule } from './org-units/org-units.module';
import { buildPluginRegistry, PluginsModule } from './plugins/plugins.module';
import { PositionsModule } from './positions/positions.module';
import { QuestionBanksModule } from './question-banks/question-banks.module';
import { QuizAttemptsModule } from './quiz-attempts/quiz-attempts.module';
import { QueueModule } from './queue/queue.module';
import { ReportsModule } from './reports/reports.module';
import { RedisModule } from './redis/redis.module';
import { StorageModule } from './storage/storage.module';
import { UsersModule } from './users/users.module';

/** A caller's X-Request-Id is kept when it is sane, so one id follows a request across services. */
function requestId(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}

@Module({})
export class AppModule {
  static forRoot(cfg: AppConfig): DynamicModule {
    // First, and synchronously: a plugin the core refuses throws PluginError before anything connects.
    const plugins = buildPluginRegistry(cfg.CAKAP_PLUGINS);
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(cfg),
        LoggerModule.forRoot({
          pinoHttp: {
            level: cfg.LOG_LEVEL,
            genReqId: requestId,
            // Log what helps to trace a request, never credentials or tokens.
            serializers: {
              req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
            autoLogging: { ignore: (req) => /^\/(health|metrics)/.test(req.url ?? '') },
            ...(cfg.LOG_PRETTY ? { transport: { target: 'pino-pretty' } } : {}),
          },
        }),
        DatabaseModule,
        RedisModule,
        QueueModule,
        ObservabilityModule,
        AuthModule,
        OrgUnitsModule,
        PositionsModule,
        UsersModule,
        PluginsModule.forRoot(plugins),
        StorageModule,
        FilesModule,
        CoursesModule,
        CatalogModule,
        EnrollmentsModule,
        LearningHoursModule,
        AssignmentsModule,
        QuestionBanksModule,
        QuizAttemptsModule,
        CompetencyFrameworksModule,
        CompetencyStandardsModule,
        CompetencyProfilesModule,
        CompetencyReportsModule,
        CertificateTemplatesModule,
        CertificatesModule,
        CertificateBatchesModule,
        NotificationsModule,
        EvaluationModule,
        FollowUpsModule,
        LearningNeedsModule,
        ReportsModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: ProblemFilter }],
    };
  }
}
