import type { MessageResponse } from '@dspt/contracts';
import { ApiProblem, GlobalAccess } from '@dspt/server/platform';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountMfaResetService } from './account-mfa-reset.service';
import { AccountEmailDto } from './users.dto';

@ApiTags('admin')
@Controller('admin/mfa-resets')
@GlobalAccess('accounts.manage')
export class AccountMfaResetController {
  constructor(private readonly resets: AccountMfaResetService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: "Reset any account's MFA (people in several LSPs, programme-wide roles); their sessions end",
  })
  @ApiProblem(404, 'No account has this email address')
  @ApiProblem(409, 'Your own account, or no MFA to reset')
  async reset(@Body() body: AccountEmailDto): Promise<MessageResponse> {
    await this.resets.reset(body.email);
    return { message: 'MFA has been reset: the person sets it up again after their password.' };
  }
}
