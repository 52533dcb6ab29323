import type { TenantList, TenantSummary } from '@dspt/contracts';
import { ApiProblem, GlobalAccess, SignedIn } from '@dspt/server/platform';
import { requireSignedInUser } from '@dspt/server/data';
import { Body, Controller, Get, Post, UseInterceptors } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccessChangeInterceptor } from '../auth';
import { CreateTenantDto } from './tenants.dto';
import { TenantsService } from './tenants.service';

@ApiTags('tenants')
@Controller('tenants')
export class TenantsController {
  constructor(private readonly tenants: TenantsService) {}

  @Get()
  @SignedIn()
  @ApiOperation({ summary: 'LSPs: every LSP for programme leads and system admins, your own for everyone else' })
  async list(): Promise<TenantList> {
    return { items: await this.tenants.listFor(requireSignedInUser()) };
  }

  @Post()
  @GlobalAccess('tenants.manage')
  @UseInterceptors(AccessChangeInterceptor)
  @ApiOperation({ summary: 'Create an LSP, optionally inviting its first admin' })
  @ApiProblem(409, 'The slug is taken')
  create(@Body() body: CreateTenantDto): Promise<TenantSummary> {
    return this.tenants.create(body);
  }
}
