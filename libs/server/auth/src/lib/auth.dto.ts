import type { LoginRequest, MfaVerifyRequest } from '@dspt/contracts';
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
