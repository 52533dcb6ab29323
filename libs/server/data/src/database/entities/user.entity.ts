import type { GlobalRole } from '@dspt/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A person who signs in. Tenant roles live on memberships; `globalRole` is for programme-wide roles.
 * The secrets (`select: false`) are not readable by the app role at all: the sign-in code fetches them
 * through the `auth_*` database functions (UserDirectory), and writes them with plain UPDATEs.
 */
@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stored lower-case; unique. */
  @Column({ type: 'text', unique: true })
  email!: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  @Column({ name: 'password_hash', type: 'text', nullable: true, select: false })
  passwordHash!: string | null;

  @Column({ name: 'global_role', type: 'text', nullable: true })
  globalRole!: GlobalRole | null;

  /** TOTP secret, AES-GCM encrypted with MFA_ENCRYPTION_KEY; null until MFA is enrolled. */
  @Column({ name: 'mfa_secret_encrypted', type: 'text', nullable: true, select: false })
  mfaSecretEncrypted!: string | null;

  @Column({ name: 'mfa_enrolled_at', type: 'timestamptz', nullable: true })
  mfaEnrolledAt!: Date | null;

  /** The last TOTP time step accepted: a code is never accepted twice. */
  @Column({ name: 'mfa_last_time_step', type: 'bigint', nullable: true })
  mfaLastTimeStep!: string | null;

  /**
   * SHA-256 hashes of the unused one-time recovery codes. The database default ('{}') is not declared
   * here: TypeORM would ask for it back (RETURNING) on insert, which the app role may not read.
   */
  @Column({ name: 'mfa_recovery_code_hashes', type: 'text', array: true, select: false })
  mfaRecoveryCodeHashes!: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
