import type {
  CurrentUser,
  LoginResponse,
  MessageResponse,
  MfaEnrolmentResult,
  MfaEnrolmentStart,
  RecoveryCodes,
} from '@dspt/contracts';
import { AnySession, Public, SignedIn } from '@dspt/server/platform';
import { requireSignedInUser } from '@dspt/server/data';
import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { RequestWithSession } from './access.guard';
import { LoginDto, MfaCodeDto, PasswordResetConfirmDto, PasswordResetRequestDto } from './auth.dto';
import { AuthService } from './auth.service';
import { PasswordResetService } from './password-reset.service';
import type { Session } from './session.store';
import { SessionCookie } from './session-cookie';

function sessionOf(request: RequestWithSession): Session {
  if (!request.authSession) {
    throw new Error('AnySession route reached without a session');
  }
  return request.authSession;
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly cookie: SessionCookie,
    private readonly passwordResets: PasswordResetService,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Check email and password; then either signed in, or the second factor is needed' })
  @ApiTooManyRequestsResponse({
    description: 'Too many failed attempts: wait Retry-After seconds (more after each failure)',
  })
  async login(
    @Body() body: LoginDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<LoginResponse> {
    const { session, response: answer } = await this.auth.login(body.email, body.password, request.ip ?? null);
    this.cookie.set(response, session.token);
    return answer;
  }

  @Post('password-reset')
  @Public()
  @HttpCode(202)
  @ApiOperation({ summary: 'Email a single-use link to choose a new password (same answer for any address)' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts (Retry-After)' })
  async requestPasswordReset(@Body() body: PasswordResetRequestDto, @Req() request: Request): Promise<MessageResponse> {
    await this.passwordResets.request(body.email, request.ip ?? null);
    return {
      message: `If ${body.email.trim().toLowerCase()} has an account, we have sent it a link to choose a new password. It works for an hour.`,
    };
  }

  @Post('password-reset/confirm')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Set a new password with the emailed token; every session of the account ends' })
  async confirmPasswordReset(@Body() body: PasswordResetConfirmDto): Promise<MessageResponse> {
    await this.passwordResets.confirm(body.token, body.password);
    return { message: 'Your password has been changed. Sign in with it now.' };
  }

  @Post('mfa')
  @AnySession()
  @HttpCode(200)
  @ApiOperation({ summary: 'Second step of sign-in: a TOTP code or a recovery code' })
  @ApiTooManyRequestsResponse({ description: 'Too many wrong codes for this account (Retry-After)' })
  async verifyMfa(
    @Body() body: MfaCodeDto,
    @Req() request: RequestWithSession,
    @Res({ passthrough: true }) response: Response,
  ): Promise<LoginResponse> {
    const { session, response: answer } = await this.auth.verifyMfa(sessionOf(request), body.code, request.ip ?? null);
    this.cookie.set(response, session.token);
    return answer;
  }

  @Post('mfa/enrolment')
  @AnySession()
  @HttpCode(200)
  @ApiOperation({ summary: 'Start MFA set-up: a new secret and its QR code (saved only once confirmed)' })
  startEnrolment(@Req() request: RequestWithSession): Promise<MfaEnrolmentStart> {
    return this.auth.startEnrolment(sessionOf(request));
  }

  @Post('mfa/enrolment/confirm')
  @AnySession()
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirm MFA set-up with a code; answers the one-time recovery codes' })
  async confirmEnrolment(
    @Body() body: MfaCodeDto,
    @Req() request: RequestWithSession,
    @Res({ passthrough: true }) response: Response,
  ): Promise<MfaEnrolmentResult> {
    const { session, result } = await this.auth.confirmEnrolment(sessionOf(request), body.code);
    this.cookie.set(response, session.token);
    return result;
  }

  @Post('mfa/recovery-codes')
  @SignedIn()
  @HttpCode(200)
  @ApiOperation({ summary: 'Replace the recovery codes (needs a current authenticator code)' })
  @ApiTooManyRequestsResponse({ description: 'Too many wrong codes for this account (Retry-After)' })
  async regenerateRecoveryCodes(@Body() body: MfaCodeDto, @Req() request: Request): Promise<RecoveryCodes> {
    return {
      recoveryCodes: await this.auth.regenerateRecoveryCodes(requireSignedInUser().id, body.code, request.ip ?? null),
    };
  }

  @Post('logout')
  @AnySession()
  @HttpCode(204)
  @ApiOperation({ summary: 'End the session' })
  async logout(@Req() request: RequestWithSession, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.auth.logout(sessionOf(request));
    this.cookie.clear(response);
  }

  @Get('me')
  @SignedIn()
  @ApiOperation({ summary: 'The signed-in user, their LSP memberships and programme-wide roles' })
  me(): Promise<CurrentUser> {
    return this.auth.me(requireSignedInUser().id);
  }
}
