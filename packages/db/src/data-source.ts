import 'reflect-metadata';
import { DataSource, type DataSourceOptions } from 'typeorm';
import {
  AuthSessionEntity,
  BlockProgressEntity,
  CourseAssignmentEntity,
  DomainEventEntity,
  EnrollmentEntity,
  LearningHoursEntity,
  CourseAuthorEntity,
  CourseEntity,
  CourseEventEntity,
  CourseVersionEntity,
  FileEntity,
  OrgUnitEntity,
  PositionEntity,
  RefreshTokenEntity,
  UserEntity,
  UserImportEntity,
} from './entities';
import { migrations } from './migrations';

export const entities = [
  OrgUnitEntity,
  PositionEntity,
  UserEntity,
  AuthSessionEntity,
  RefreshTokenEntity,
  UserImportEntity,
  FileEntity,
  CourseEntity,
  CourseAuthorEntity,
  CourseVersionEntity,
  CourseEventEntity,
  EnrollmentEntity,
  BlockProgressEntity,
  LearningHoursEntity,
  DomainEventEntity,
  CourseAssignmentEntity,
];

export interface DbOptions {
  url: string;
  poolSize?: number;
  /** Shown in pg_stat_activity, to tell the api's connections from the worker's. */
  applicationName?: string;
  logging?: boolean;
}

/** The one DataSource factory: the api, the worker, the CLI and the tests all build theirs here. */
export function createDataSource(opts: DbOptions): DataSource {
  const options: DataSourceOptions = {
    type: 'postgres',
    url: opts.url,
    entities,
    migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // Failed queries surface as exceptions (and unexpected ones are logged by the api's filter);
    // TypeORM's own console logging would also print constraint violations we expect and handle.
    logging: opts.logging ? ['query', 'error'] : false,
    applicationName: opts.applicationName ?? 'cakap',
    extra: { max: opts.poolSize ?? 10 },
  };
  return new DataSource(options);
}
