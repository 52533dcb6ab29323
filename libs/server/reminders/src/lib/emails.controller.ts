import type {
  EmailMessageList,
  EmailMessageView,
  GuidanceEmailPreview,
  GuidanceEmailsQueued,
  ProviderContact,
  RenderedEmailView,
  UnsubscribeView,
} from '@dspt/contracts';
import { ApiProblem, Public, TenantAccess, UuidParam } from '@dspt/server/platform';
import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ContactSubscriptionService } from './contact-subscription.service';
import { EmailRequestsService } from './email-requests.service';
import {
  EmailLogQueryDto,
  EmailTemplatePreviewInputDto,
  GuidanceEmailInputDto,
  GuidanceEmailPreviewInputDto,
  ProviderEmailLogQueryDto,
  ResubscribeInputDto,
  UnsubscribeTokenDto,
} from './reminders.dto';

@ApiTags('emails')
@Controller('tenants/:tenantSlug')
export class EmailsController {
  constructor(
    private readonly requests: EmailRequestsService,
    private readonly subscriptions: ContactSubscriptionService,
  ) {}

  @Get('emails')
  @TenantAccess('caseload.read')
  @ApiOperation({
    summary: 'The delivery log: reminders and guidance emails, newest first; filter by cycle and step, kind, status',
  })
  log(@Query() query: EmailLogQueryDto): Promise<EmailMessageList> {
    return this.requests.log(
      { cycleCode: query.cycle, offsetDays: query.offsetDays, kind: query.kind, status: query.status },
      query.page ?? 1,
      query.pageSize ?? 100,
    );
  }

  @Post('emails/:messageId/retry')
  @HttpCode(200)
  @TenantAccess('caseload.write')
  @ApiOperation({ summary: 'Send a failed email again' })
  @ApiProblem(404, 'No such email in this LSP')
  @ApiProblem(409, 'The email has not failed')
  retry(@UuidParam('messageId') messageId: string): Promise<EmailMessageView> {
    return this.requests.retry(messageId);
  }

  @Get('providers/:providerId/emails')
  @TenantAccess('caseload.read')
  @ApiOperation({ summary: 'Every reminder and guidance email to this provider, newest first' })
  @ApiProblem(404, 'No such provider in this LSP')
  providerLog(
    @UuidParam('providerId') providerId: string,
    @Query() query: ProviderEmailLogQueryDto,
  ): Promise<EmailMessageList> {
    return this.requests.providerLog(providerId, query.status);
  }

  @Post('providers/:providerId/guidance-emails')
  @HttpCode(202)
  @TenantAccess('caseload.write')
  @ApiOperation({
    summary:
      'Send a guidance email to the chosen contacts listing the chosen open mandatory items (logged as a case note)',
  })
  @ApiAcceptedResponse({ description: 'Queued; the delivery log shows when it is sent' })
  @ApiProblem(400, 'contactIds not contacts of the provider, or questionCodes not open (named)')
  @ApiProblem(404, 'No such provider or contact in this LSP')
  @ApiProblem(409, 'A chosen contact unsubscribed')
  guidance(
    @UuidParam('providerId') providerId: string,
    @Body() body: GuidanceEmailInputDto,
  ): Promise<GuidanceEmailsQueued> {
    return this.requests.requestGuidance(providerId, body);
  }

  @Post('providers/:providerId/guidance-emails/preview')
  @HttpCode(200)
  @TenantAccess('caseload.write')
  @ApiOperation({
    summary: 'The guidance email each chosen contact would get, exactly as it would be sent; nothing is sent',
  })
  @ApiProblem(400, 'contactIds not contacts of the provider, or questionCodes not open (named)')
  @ApiProblem(404, 'No such provider or contact in this LSP')
  @ApiProblem(409, 'A chosen contact unsubscribed')
  previewGuidance(
    @UuidParam('providerId') providerId: string,
    @Body() body: GuidanceEmailPreviewInputDto,
  ): Promise<GuidanceEmailPreview> {
    return this.requests.previewGuidance(providerId, body);
  }

  @Post('providers/:providerId/contacts/:contactId/resubscribe')
  @HttpCode(200)
  @TenantAccess('caseload.write')
  @ApiOperation({
    summary: "Resubscribe a contact who unsubscribed, recording the person's own request (audited, case note)",
  })
  @ApiProblem(404, 'No such provider or contact in this LSP')
  @ApiProblem(409, 'The contact is subscribed')
  resubscribe(
    @UuidParam('providerId') providerId: string,
    @UuidParam('contactId') contactId: string,
    @Body() body: ResubscribeInputDto,
  ): Promise<ProviderContact> {
    return this.subscriptions.resubscribe(providerId, contactId, body.request);
  }

  @Post('email-templates/preview')
  @HttpCode(200)
  @TenantAccess('caseload.write')
  @ApiOperation({ summary: "A template (saved, or a draft) filled with a real provider's data; nothing is sent" })
  @ApiProblem(400, 'An unknown placeholder (named) in the draft')
  preview(@Body() body: EmailTemplatePreviewInputDto): Promise<RenderedEmailView> {
    return this.requests.preview(body);
  }
}

/**
 * The unsubscribe link of every email. GET describes it (the web app's public /unsubscribe page shows it
 * and asks to confirm); POST does it: from that page, or straight from a mail program as RFC 8058's
 * one-click POST (`List-Unsubscribe=One-Click`, form-encoded, no cookies), which is why POST is exempt
 * from the XSRF check: the signed token is the credential.
 */
@ApiTags('emails')
@Controller('unsubscribe')
@Public()
export class UnsubscribeController {
  constructor(private readonly subscriptions: ContactSubscriptionService) {}

  @Get()
  @ApiOperation({ summary: 'Who an unsubscribe link is for (address partly hidden) and whether they are unsubscribed' })
  @ApiProblem(400, 'The token is malformed or was altered')
  describe(@Query() query: UnsubscribeTokenDto): Promise<UnsubscribeView> {
    return this.subscriptions.describe(query.token);
  }

  @Post()
  @HttpCode(200)
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiOperation({
    summary: 'Unsubscribe (one click); the token comes in the query string as in the email, or in the body',
  })
  @ApiProblem(400, 'The token is malformed or was altered')
  unsubscribe(
    @Query('token') queryToken: string | undefined,
    @Body() body: Partial<UnsubscribeTokenDto> | undefined,
  ): Promise<UnsubscribeView> {
    return this.subscriptions.unsubscribe((typeof queryToken === 'string' ? queryToken : body?.token) ?? '');
  }
}
