import type {
  AcceptInvitationRequest,
  ChangeRoleRequest,
  InvitationTokenRequest,
  InviteProgrammeLeadRequest,
  InviteUserRequest,
} from '@dspt/contracts';
import { TENANT_ROLES, type TenantRole } from '@dspt/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';

const roleMessage = `role must be one of: ${TENANT_ROLES.join(', ')}`;

export class InviteUserDto implements InviteUserRequest {
  @ApiProperty()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ enum: TENANT_ROLES })
  @IsIn(TENANT_ROLES, { message: roleMessage })
  role!: TenantRole;
}

export class ChangeRoleDto implements ChangeRoleRequest {
  @ApiProperty({ enum: TENANT_ROLES })
  @IsIn(TENANT_ROLES, { message: roleMessage })
  role!: TenantRole;
}

export class InviteProgrammeLeadDto implements InviteProgrammeLeadRequest {
  @ApiProperty()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;
}

export class AccountEmailDto {
  @ApiProperty({ description: 'The email address of the account' })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;
}

export class InvitationTokenDto implements InvitationTokenRequest {
  @ApiProperty({ description: 'The token from the invitation link' })
  @IsString()
  @Length(20, 100, { message: 'token is not a valid invitation token' })
  token!: string;

  @ApiPropertyOptional({ description: "The LSP's slug from the link; absent for a programme-lead invitation" })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  lsp?: string;
}

export class AcceptInvitationDto extends InvitationTokenDto implements AcceptInvitationRequest {
  @ApiProperty({ example: 'Sam Jones' })
  @IsString()
  @Matches(/\S/, { message: 'displayName must not be blank' })
  @Length(1, 120, { message: 'displayName must be 1 to 120 characters' })
  displayName!: string;

  @ApiProperty({ description: 'New accounts: the password to set. Existing accounts: their current password.' })
  @IsString()
  @MaxLength(256)
  password!: string;
}
