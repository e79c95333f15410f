import { Module } from '@nestjs/common';
import { OrgUnitsModule } from '../org-units/org-units.module';
import { PositionsModule } from '../positions/positions.module';
import { UserImportsController } from '../user-imports/user-imports.controller';
import { UserImportsService } from '../user-imports/user-imports.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [OrgUnitsModule, PositionsModule],
  // UserImportsController first: its fixed paths (/users/imports...) must win over /users/:id.
  controllers: [UserImportsController, UsersController],
  providers: [UsersService, UserImportsService],
})
export class UsersModule {}
