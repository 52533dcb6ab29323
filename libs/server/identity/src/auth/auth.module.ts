import { QueueModule } from '@dspt/server/platform';
import { Global, type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessChangeInterceptor, AccessChanges } from './access-changes';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginThrottle } from './login-throttle';
import { PasswordPolicy } from './password-policy.service';
import { PasswordResetService } from './password-reset.service';
import { SessionStore } from './session.store';
import { SessionCookie } from './session-cookie';
import { UserDirectory } from './user-directory';
import { XsrfMiddleware } from './xsrf.middleware';

/** Sign-in, sessions, MFA and the access guard every route goes through. */
@Global()
@Module({
  imports: [QueueModule],
  controllers: [AuthController],
  providers: [
    AccessChanges,
    AccessChangeInterceptor,
    AuthService,
    LoginThrottle,
    PasswordPolicy,
    PasswordResetService,
    SessionStore,
    SessionCookie,
    UserDirectory,
    XsrfMiddleware,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [
    AccessChangeInterceptor,
    AccessChanges,
    AuthService,
    LoginThrottle,
    PasswordPolicy,
    SessionStore,
    SessionCookie,
    UserDirectory,
    XsrfMiddleware,
  ],
})
export class AuthModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(XsrfMiddleware)
      // One-click unsubscribe (RFC 8058): mail programs POST without cookies; the signed token is the credential.
      .exclude({ path: 'unsubscribe', method: RequestMethod.POST })
      .forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
