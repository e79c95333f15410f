import { Module } from '@nestjs/common';
import { SnapshotCache } from '@cakap/learning';
import { DataSource } from 'typeorm';
import { FilesModule } from '../files/files.module';
import { EnrollmentsController } from './enrollments.controller';
import { EnrollmentsRepository } from './enrollments.repository';
import { EnrollmentsService } from './enrollments.service';

@Module({
  imports: [FilesModule],
  controllers: [EnrollmentsController],
  providers: [
    EnrollmentsService,
    EnrollmentsRepository,
    // One cache of parsed published versions for the process (learning and quiz attempts read it).
    { provide: SnapshotCache, useFactory: (ds: DataSource) => new SnapshotCache(ds), inject: [DataSource] },
  ],
  exports: [SnapshotCache],
})
export class EnrollmentsModule {}
