import type { TenantRole } from '@dspt/domain';
import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, type Relation, Unique } from 'typeorm';
import { TenantEntity } from './tenant.entity';
import { UserEntity } from './user.entity';
import { TenantOwnedEntity } from './tenant-owned.entity';

/** A user's role in one LSP. */
@Entity({ name: 'memberships' })
@Unique('uq_memberships_user_tenant', ['userId', 'tenantId'])
export class MembershipEntity extends TenantOwnedEntity {
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'text' })
  role!: TenantRole;

  @ManyToOne(() => TenantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenant_id' })
  tenant?: Relation<TenantEntity>;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<UserEntity>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
