import { Module } from '@nestjs/common';
import { UserImportProcessor } from './user-import.processor';
import { UserImportRepository } from './user-import.repository';
import { UserImportService } from './user-import.service';

@Module({
  providers: [UserImportRepository, UserImportService, UserImportProcessor],
  exports: [UserImportProcessor, UserImportService],
})
export class UserImportModule {}
