import { cycleEndingIn, cycleForDate } from '@dspt/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { AssessmentCycleEntity, MembershipEntity, QuestionEntity, TenantEntity, UserEntity } from '../entities';
import demoTenants from './demo-tenants.json';
import { seedDemoEmailSettings } from './email-seed';
import { referenceQuestionSet } from './question-set';

export interface DemoSeedSummary {
  cycles: string[];
  questions: number;
  tenants: number;
  users: number;
}

/** Credentials every demo account shares (README "Demo accounts"); hashed and sealed by the caller. */
export interface DemoCredentials {
  /** argon2id hash of `demo-password-2026`. */
  passwordHash: string;
  /** The demo TOTP secret `JBSWY3DPEHPK3PXP`, sealed with MFA_ENCRYPTION_KEY. */
  mfaSecretEncrypted: string;
}

interface DemoUser {
  email: string;
  displayName: string;
  globalRole: UserEntity['globalRole'];
  mfa: boolean;
  membership?: { tenantSlug: string; role: MembershipEntity['role'] };
}

/**
 * `admin@demo.test` (system admin), `lead@demo.test` (programme lead) and, per LSP, an admin and an
 * adviser. Admins and the lead have MFA enrolled with the demo secret; advisers have none, so a tester
 * can try enrolment.
 */
export function demoUsers(): DemoUser[] {
  return [
    { email: 'admin@demo.test', displayName: 'Demo System Admin', globalRole: 'system_admin', mfa: true },
    { email: 'lead@demo.test', displayName: 'Demo Programme Lead', globalRole: 'programme_lead', mfa: true },
    ...demoTenants.flatMap((tenant): DemoUser[] => [
      {
        email: `admin@${tenant.slug}.demo.test`,
        displayName: `${tenant.name} Admin`,
        globalRole: null,
        mfa: true,
        membership: { tenantSlug: tenant.slug, role: 'admin' },
      },
      {
        email: `adviser@${tenant.slug}.demo.test`,
        displayName: `${tenant.name} Adviser`,
        globalRole: null,
        mfa: false,
        membership: { tenantSlug: tenant.slug, role: 'adviser' },
      },
    ]),
  ];
}

/** True when the database holds no tenants yet: `npm start` seeds only then. */
export async function isDatabaseEmpty(dataSource: DataSource): Promise<boolean> {
  return (await dataSource.getRepository(TenantEntity).count()) === 0;
}

/**
 * Loads the demo data set: the current and previous assessment cycles with the reference question set,
 * the 28 demo LSP tenants, the demo accounts and the demo email settings. Idempotent: running it twice
 * changes nothing.
 */
export async function seedDemoData(
  dataSource: DataSource,
  today: string,
  credentials: DemoCredentials,
): Promise<DemoSeedSummary> {
  return dataSource.transaction(async (manager) => {
    const current = cycleForDate(today);
    const previous = cycleEndingIn(Number(current.deadline.slice(0, 4)) - 1);
    let questions = 0;
    for (const cycle of [previous, current]) {
      questions += await upsertCycleWithQuestions(manager, cycle);
    }
    await manager.createQueryBuilder().insert().into(TenantEntity).values(demoTenants).orIgnore().execute();
    const users = await upsertDemoUsers(manager, credentials);
    await seedDemoEmailSettings(manager, current.code);
    return { cycles: [previous.code, current.code], questions, tenants: demoTenants.length, users };
  });
}

async function upsertCycleWithQuestions(
  manager: EntityManager,
  cycle: { code: string; startsOn: string; deadline: string },
): Promise<number> {
  await manager
    .createQueryBuilder()
    .insert()
    .into(AssessmentCycleEntity)
    .values({ ...cycle, reminderOffsetsDays: [90, 30, 7] })
    .orIgnore()
    .execute();
  const saved = await manager.getRepository(AssessmentCycleEntity).findOneByOrFail({ code: cycle.code });
  const rows = referenceQuestionSet().map((question, position) => ({ ...question, cycleId: saved.id, position }));
  await manager.createQueryBuilder().insert().into(QuestionEntity).values(rows).orIgnore().execute();
  return rows.length;
}

async function upsertDemoUsers(manager: EntityManager, credentials: DemoCredentials): Promise<number> {
  const users = demoUsers();
  await manager
    .createQueryBuilder()
    .insert()
    .into(UserEntity)
    .values(
      users.map((user) => ({
        email: user.email,
        displayName: user.displayName,
        globalRole: user.globalRole,
        passwordHash: credentials.passwordHash,
        mfaSecretEncrypted: user.mfa ? credentials.mfaSecretEncrypted : null,
        mfaEnrolledAt: user.mfa ? () => 'now()' : null,
      })),
    )
    .orIgnore()
    .execute();
  const tenantIds = new Map((await manager.find(TenantEntity)).map((tenant) => [tenant.slug, tenant.id]));
  const userIds = new Map((await manager.find(UserEntity)).map((user) => [user.email, user.id]));
  const memberships = users.flatMap((user) =>
    user.membership
      ? [
          {
            userId: userIds.get(user.email),
            tenantId: tenantIds.get(user.membership.tenantSlug),
            role: user.membership.role,
          },
        ]
      : [],
  );
  await manager.createQueryBuilder().insert().into(MembershipEntity).values(memberships).orIgnore().execute();
  return users.length;
}
