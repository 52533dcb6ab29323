import type {
  BulkAssignRequest,
  ProviderContactInput,
  ProviderContactUpdate,
  ProviderInput,
  ProviderUpdate,
} from '@dspt/contracts';
import {
  CONTACT_ROLES,
  type ContactRole,
  ENGLISH_REGIONS,
  normaliseOdsCode,
  PROVIDER_KINDS,
  type ProviderKind,
  SERVICE_TYPES,
  type ServiceType,
  SIZE_BANDS,
  type SizeBand,
} from '@dspt/domain';
import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  BooleanField,
  NullableUserIdField,
  OneOfField,
  TextField,
  Transformed,
  UkPhoneField,
  WholeNumber,
} from './dto-decorators';

const lowerCaseEmail = (value: string) => value.trim().toLowerCase();
const odsCode = (value: string) => normaliseOdsCode(value);

export class ProviderContactDto implements ProviderContactInput {
  @TextField({ max: 120, example: 'Pat Okafor' })
  name!: string;

  @ApiProperty({ example: 'manager@rosecourt.example', description: 'Stored lower-case' })
  @Transformed(lowerCaseEmail)
  @IsEmail({}, { message: '$property must be an email address' })
  @MaxLength(254, { message: '$property must be at most 254 characters' })
  email!: string;

  @UkPhoneField()
  phone?: string | null;

  @OneOfField(CONTACT_ROLES)
  role!: ContactRole;

  @BooleanField("The provider's primary contact (only one is): defaults to true when the provider has none")
  isPrimary?: boolean;
}

export class ProviderContactUpdateDto
  extends PartialType(ProviderContactDto, { skipNullProperties: false })
  implements ProviderContactUpdate {}

export class CreateProviderDto implements ProviderInput {
  @ApiProperty({ example: 'VAB12', description: '3 to 6 letters or digits; stored upper-case; unique nationally' })
  @Transformed(odsCode)
  @IsString({ message: '$property must be text' })
  odsCode!: string;

  @TextField({ max: 200, example: 'Rose Court Care Home' })
  name!: string;

  @OneOfField(PROVIDER_KINDS)
  kind!: ProviderKind;

  @ApiPropertyOptional({ description: "A branch's HQ (its ODS code, in this LSP)", type: String, nullable: true })
  @IsOptional()
  @Transformed(odsCode)
  @IsString({ message: '$property must be text' })
  parentOdsCode?: string | null;

  @OneOfField(SERVICE_TYPES)
  serviceType!: ServiceType;

  @OneOfField(SIZE_BANDS)
  sizeBand!: SizeBand;

  @TextField({ max: 100, example: 'Leeds' })
  localAuthority!: string;

  @OneOfField(ENGLISH_REGIONS)
  region!: string;

  @NullableUserIdField('An adviser or admin of this LSP')
  assignedAdviserId?: string | null;

  @BooleanField('Holds a current Cyber Essentials Plus certificate (defaults to false)')
  hasCePlus?: boolean;

  @ApiPropertyOptional({ type: [ProviderContactDto] })
  @ValidateIf((_object, value) => value !== undefined)
  @IsArray({ message: '$property must be a list' })
  @ArrayMaxSize(50, { message: '$property can hold at most 50 contacts' })
  @ValidateNested({ each: true })
  @Type(() => ProviderContactDto)
  contacts?: ProviderContactDto[];
}

export class UpdateProviderDto
  extends PartialType(OmitType(CreateProviderDto, ['contacts'] as const), { skipNullProperties: false })
  implements ProviderUpdate
{
  @ApiProperty({ description: 'The version the edit started from (ProviderDetail.version)', example: 1 })
  @WholeNumber(1, undefined, '$property must be the version number the edit started from')
  version!: number;
}

export class BulkAssignDto implements BulkAssignRequest {
  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray({ message: '$property must be a list of provider ids' })
  @ArrayNotEmpty({ message: '$property must name at least one provider' })
  @ArrayMaxSize(5000, { message: '$property can name at most 5000 providers at once' })
  @ArrayUnique({ message: '$property must not name a provider twice' })
  @IsUUID('all', { each: true, message: '$property must hold provider ids' })
  providerIds!: string[];

  @ApiProperty({
    description: 'An adviser or admin of this LSP; null unassigns',
    type: String,
    format: 'uuid',
    nullable: true,
  })
  @ValidateIf((_object, value) => value !== null)
  @IsString({ message: '$property must be a user id, or null to unassign' })
  @IsUUID('all', { message: '$property must be a user id, or null to unassign' })
  adviserId!: string | null;
}

/** `GET .../providers/ods-check?code=&kind=`: the kind decides which codes fit (an HQ takes no site code). */
export class OdsCodeCheckQueryDto {
  @ApiProperty({ example: 'VAB12', description: 'As typed: trimmed and upper-cased before checking' })
  @Transformed(odsCode)
  @ValidateBy({
    name: 'odsCodeToCheck',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && value.length > 0 && value.length <= 20,
      defaultMessage: () => '$property must be the ODS code to check, at most 20 characters',
    },
  })
  code!: string;

  @OneOfField(PROVIDER_KINDS, { optional: true, description: 'Defaults to single_site' })
  kind?: ProviderKind;
}
