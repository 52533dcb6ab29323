import { UsersModule } from '../users';
import { Module } from '@nestjs/common';
import { TenantAdminController } from './tenant-admin.controller';
import { TenantsController } from './tenants.controller';
import { TenantsService } from './tenants.service';

@Module({
  imports: [UsersModule],
  controllers: [TenantsController, TenantAdminController],
  providers: [TenantsService],
})
export class TenantsModule {}
