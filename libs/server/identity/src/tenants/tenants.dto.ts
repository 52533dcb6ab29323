import type { CreateTenantRequest, InviteTenantAdminRequest } from '@dspt/contracts';
import { ENGLISH_REGIONS } from '@dspt/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';

export class CreateTenantDto implements CreateTenantRequest {
  @ApiProperty({ example: 'cumbria-care-partnership', description: 'Lower-case letters, digits and single hyphens' })
  @IsString()
  @Length(3, 60, { message: 'slug must be 3 to 60 characters' })
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'slug may hold only lower-case letters, digits and single hyphens' })
  slug!: string;

  @ApiProperty({ example: 'Cumbria Care Partnership' })
  @IsString()
  @Matches(/\S/, { message: 'name must not be blank' })
  @Length(2, 120, { message: 'name must be 2 to 120 characters' })
  name!: string;

  @ApiProperty({ enum: ENGLISH_REGIONS })
  @IsIn(ENGLISH_REGIONS, { message: `region must be one of: ${ENGLISH_REGIONS.join(', ')}` })
  region!: string;

  @ApiPropertyOptional({ description: "Invite the LSP's first admin at this address" })
  @IsOptional()
  @IsEmail({}, { message: 'adminEmail must be an email address' })
  adminEmail?: string;
}

export class InviteTenantAdminDto implements InviteTenantAdminRequest {
  @ApiProperty({ description: 'Who to invite as an admin of the LSP' })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254, { message: 'email must be at most 254 characters' })
  email!: string;
}
