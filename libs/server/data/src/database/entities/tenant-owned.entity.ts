import { Column, PrimaryGeneratedColumn } from 'typeorm';

/** The columns every tenant-owned table starts with; row-level security keys on `tenant_id`. */
export abstract class TenantOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;
}
