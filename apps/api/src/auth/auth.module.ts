import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { UsersRepository } from '../users/users.repository';
import { AuthController, MeController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { LoginThrottle } from './login-throttle.service';
import { SessionRevocation } from './session-revocation';
import { SessionsRepository } from './sessions.repository';
import { TokenService } from './token.service';

@Global()
@Module({
  controllers: [AuthController, MeController],
  providers: [
    AuthService,
    TokenService,
    LoginThrottle,
    SessionRevocation,
    SessionsRepository,
    UsersRepository,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuthService, UsersRepository],
})
export class AuthModule {}
