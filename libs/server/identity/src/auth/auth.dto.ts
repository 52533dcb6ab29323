import type {
  LoginRequest,
  MfaVerifyRequest,
  PasswordResetConfirmRequest,
  PasswordResetRequest,
} from '@dspt/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, Length, MaxLength } from 'class-validator';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'adviser@tyne-and-wear-care-alliance.demo.test' })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'demo-password-2026' })
  @IsString()
  @Length(1, 256, { message: 'password must be given' })
  password!: string;
}

export class MfaCodeDto implements MfaVerifyRequest {
  @ApiProperty({ description: 'A 6-digit code from the authenticator app, or a recovery code (xxxxx-xxxxx)' })
  @IsString()
  @Length(6, 20, { message: 'code must be the 6-digit code from your authenticator app or a recovery code' })
  code!: string;
}

export class PasswordResetRequestDto implements PasswordResetRequest {
  @ApiProperty()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;
}

export class PasswordResetConfirmDto implements PasswordResetConfirmRequest {
  @ApiProperty({ description: 'The token from the emailed link' })
  @IsString()
  @Length(20, 100, { message: 'token is not a valid password-reset token' })
  token!: string;

  @ApiProperty({ description: 'The new password: at least 12 characters, not a common password' })
  @IsString()
  @MaxLength(256)
  password!: string;
}
