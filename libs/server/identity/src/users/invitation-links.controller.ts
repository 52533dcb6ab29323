import type { InvitationPreview, LoginResponse } from '@dspt/contracts';
import { AccessChangeInterceptor, SessionCookie } from '../auth';
import { ApiProblem, Public } from '@dspt/server/platform';
import { Body, Controller, HttpCode, Post, Req, Res, UseInterceptors } from '@nestjs/common';
import { ApiGoneResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { InvitationsService } from './invitations.service';
import { AcceptInvitationDto, InvitationTokenDto } from './users.dto';

/** The invitee's side: no session yet, the token in the link is the credential. */
@ApiTags('invitations')
@Controller('invitations')
@Public()
export class InvitationLinksController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly cookie: SessionCookie,
  ) {}

  @Post('preview')
  @HttpCode(200)
  @ApiOperation({ summary: 'What an invitation link is for' })
  @ApiProblem(404, 'Not a valid link')
  @ApiGoneResponse({ description: 'Expired, used or withdrawn' })
  preview(@Body() body: InvitationTokenDto): Promise<InvitationPreview> {
    return this.invitations.preview(body.token, body.lsp);
  }

  @Post('accept')
  @UseInterceptors(AccessChangeInterceptor)
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept: create the account (or confirm an existing one) and sign in' })
  @ApiTooManyRequestsResponse({ description: 'Too many wrong passwords for the existing account (Retry-After)' })
  async accept(
    @Body() body: AcceptInvitationDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<LoginResponse> {
    const { session, response: answer } = await this.invitations.accept(body, request.ip ?? null);
    this.cookie.set(response, session.token);
    return answer;
  }
}
