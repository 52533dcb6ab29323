import type { EmailSettingsInput, EmailTemplateInput } from '@dspt/contracts';
import { EMAIL_TEMPLATE_KEYS, type EmailTemplateKey, TEMPLATE_BODY_MAX, TEMPLATE_SUBJECT_MAX } from '@dspt/domain';
import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsIn, IsString, MaxLength, ValidateIf } from 'class-validator';

export class EmailTemplateInputDto implements EmailTemplateInput {
  @ApiProperty({ enum: EMAIL_TEMPLATE_KEYS })
  @IsIn(EMAIL_TEMPLATE_KEYS, { message: `key must be one of: ${EMAIL_TEMPLATE_KEYS.join(', ')}` })
  key!: EmailTemplateKey;

  @ApiProperty({ example: 'DSPT deadline {{deadline}}: {{itemsLeft}} items left for {{providerName}}' })
  @IsString({ message: 'subject must be text' })
  @MaxLength(TEMPLATE_SUBJECT_MAX, { message: `subject must be at most ${TEMPLATE_SUBJECT_MAX} characters` })
  subject!: string;

  @ApiProperty({
    description: 'Plain text; blank lines separate paragraphs; {{openItems}} on its own line lists the open items',
  })
  @IsString({ message: 'body must be text' })
  @MaxLength(TEMPLATE_BODY_MAX, { message: `body must be at most ${TEMPLATE_BODY_MAX} characters` })
  body!: string;
}

export class EmailTemplateKeyQueryDto {
  @ApiProperty({ enum: EMAIL_TEMPLATE_KEYS })
  @IsIn(EMAIL_TEMPLATE_KEYS, { message: `key must be one of: ${EMAIL_TEMPLATE_KEYS.join(', ')}` })
  key!: EmailTemplateKey;
}

export class EmailSettingsInputDto implements EmailSettingsInput {
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'dspt-help@north-care.example',
    description: 'null: replies go to the portal address',
  })
  @ValidateIf((input: EmailSettingsInputDto) => input.replyTo !== null)
  @IsEmail({}, { message: 'replyTo must be an email address, or null' })
  @MaxLength(254, { message: 'replyTo must be at most 254 characters' })
  replyTo!: string | null;
}
