import type { LspNameList, TransferRequestList, TransferRequestView } from '@dspt/contracts';
import { ApiProblem, GlobalAccess, TenantAccess, UuidParam } from '@dspt/server/platform';
import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import {
  TransferAnswerDto,
  TransferDeclineDto,
  TransferRequestDto,
  TransferRequestQueryDto,
} from './transfer-requests.dto';
import { TransferRequestsService } from './transfer-requests.service';

@ApiTags('transfers')
@Controller('tenants/:tenantSlug')
export class TransferRequestsController {
  constructor(private readonly requests: TransferRequestsService) {}

  @Get('transfer-requests')
  @TenantAccess('caseload.read')
  @ApiOperation({ summary: "The LSP's provider transfer requests, incoming and outgoing, newest first" })
  list(@Query() query: TransferRequestQueryDto): Promise<TransferRequestList> {
    return this.requests.list(query);
  }

  @Get('transfer-requests/lsps')
  @TenantAccess('lsp.transfers.manage')
  @ApiOperation({ summary: 'The other LSPs (names and slugs), to choose where to offer a provider' })
  lsps(): Promise<LspNameList> {
    return this.requests.otherLsps();
  }

  @Post('providers/:providerId/transfer-requests')
  @TenantAccess('lsp.transfers.manage')
  @ApiOperation({ summary: 'Offer a provider (an HQ with its branches) that moved area to another LSP' })
  @ApiProblem(409, 'The provider is already offered to an LSP')
  @ApiUnprocessableEntityResponse({ description: 'A branch on its own: offer its HQ' })
  create(@UuidParam('providerId') providerId: string, @Body() body: TransferRequestDto): Promise<TransferRequestView> {
    return this.requests.create(providerId, body);
  }

  @Post('transfer-requests/:requestId/accept')
  @HttpCode(200)
  @TenantAccess('lsp.transfers.manage')
  @ApiOperation({ summary: 'Accept a provider offered to this LSP: it moves here with its whole history' })
  @ApiProblem(403, 'The request is outgoing: only the LSP it was offered to answers it')
  @ApiProblem(409, 'Already answered, changed since that version, or the provider is gone')
  accept(@UuidParam('requestId') requestId: string, @Body() body: TransferAnswerDto): Promise<TransferRequestView> {
    return this.requests.answer(requestId, 'accept', body);
  }

  @Post('transfer-requests/:requestId/decline')
  @HttpCode(200)
  @TenantAccess('lsp.transfers.manage')
  @ApiOperation({ summary: 'Decline a provider offered to this LSP, with a reason the offering LSP reads' })
  @ApiProblem(409, 'Already answered, or changed since that version')
  decline(@UuidParam('requestId') requestId: string, @Body() body: TransferDeclineDto): Promise<TransferRequestView> {
    return this.requests.answer(requestId, 'decline', body);
  }

  @Post('transfer-requests/:requestId/cancel')
  @HttpCode(200)
  @TenantAccess('lsp.transfers.manage')
  @ApiOperation({ summary: 'Cancel an offer this LSP made, while it waits for an answer' })
  @ApiProblem(409, 'Already answered, or changed since that version')
  cancel(@UuidParam('requestId') requestId: string, @Body() body: TransferAnswerDto): Promise<TransferRequestView> {
    return this.requests.answer(requestId, 'cancel', body);
  }
}

@ApiTags('admin')
@Controller('transfer-requests')
@GlobalAccess('providers.transfer')
export class ProgrammeTransferRequestsController {
  constructor(private readonly requests: TransferRequestsService) {}

  @Get()
  @ApiOperation({ summary: "Every LSP's provider transfer requests, waiting ones first (system admins)" })
  list(): Promise<TransferRequestList> {
    return this.requests.listAll();
  }

  @Post(':requestId/accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept a request for the LSP it was made to: the provider moves with its history' })
  @ApiProblem(404, 'No such request')
  @ApiProblem(409, 'Already answered, changed since that version, or the provider is gone')
  accept(@UuidParam('requestId') requestId: string, @Body() body: TransferAnswerDto): Promise<TransferRequestView> {
    return this.requests.answerAsProgramme(requestId, 'accept', body);
  }

  @Post(':requestId/decline')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decline a request for the LSP it was made to, with a reason' })
  decline(@UuidParam('requestId') requestId: string, @Body() body: TransferDeclineDto): Promise<TransferRequestView> {
    return this.requests.answerAsProgramme(requestId, 'decline', body);
  }

  @Post(':requestId/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a waiting request' })
  cancel(@UuidParam('requestId') requestId: string, @Body() body: TransferAnswerDto): Promise<TransferRequestView> {
    return this.requests.answerAsProgramme(requestId, 'cancel', body);
  }
}
