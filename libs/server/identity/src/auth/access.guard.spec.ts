import { ACCESS_RULE, type AccessRule } from '@dspt/server/platform';
import { runWithRequestContext } from '@dspt/server/data';
import { type ExecutionContext, ForbiddenException, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AccessGuard } from './access.guard';
import type { SessionStore } from './session.store';
import { SessionCookie } from './session-cookie';
import type { UserDirectory } from './user-directory';

function contextFor(
  rule: AccessRule | undefined,
  cookies: Record<string, string> = {},
  params: Record<string, string> = {},
) {
  class Probe {
    handler(): void {
      /* the route */
    }
  }
  if (rule) {
    Reflect.defineMetadata(ACCESS_RULE, rule, Probe.prototype.handler);
  }
  return {
    getHandler: () => Probe.prototype.handler,
    getClass: () => Probe,
    switchToHttp: () => ({ getRequest: () => ({ cookies, params }) }),
  } as unknown as ExecutionContext;
}

describe('AccessGuard', () => {
  const session = { token: 't', data: { userId: 'u1', stage: 'active', createdAt: Date.now(), mfaFailures: 0 } };
  const sessions = { find: jest.fn(async (token?: string) => (token === 't' ? session : null)), destroy: jest.fn() };
  const user = { id: 'u1', email: 'u@x', globalRole: null };
  // The viewer is a member of LSP "a" only.
  const users = {
    findSignedInUser: jest.fn(async (_id: string, slug?: string) => ({
      user,
      membership: slug === 'a' ? { id: 'tenant-a', slug: 'a', role: 'viewer' as const } : null,
    })),
  };
  const config = {
    get: (name: string) => (name === 'SESSION_COOKIE_SECURE' ? false : 'a-test-session-secret-of-32-characters'),
  };
  const cookie = new SessionCookie(config as unknown as ConstructorParameters<typeof SessionCookie>[0]);
  const guard = new AccessGuard(
    new Reflector(),
    sessions as unknown as SessionStore,
    users as unknown as UserDirectory,
    cookie,
  );
  const run = (context: ExecutionContext) => runWithRequestContext({ ip: null }, () => guard.canActivate(context));

  it('refuses a route that declares no access rule', async () => {
    await expect(run(contextFor(undefined, { dspt_session: 't' }))).rejects.toBeInstanceOf(ForbiddenException);
  });

  it('lets public routes through without a session', async () => {
    await expect(run(contextFor({ kind: 'public' }))).resolves.toBe(true);
  });

  it('asks for sign-in when there is no live session', async () => {
    await expect(run(contextFor({ kind: 'signed-in' }, { dspt_session: 'expired' }))).rejects.toBeInstanceOf(
      UnauthorizedException,
    );
  });

  it('refuses a session still waiting for its second factor on signed-in routes', async () => {
    session.data.stage = 'mfa';
    await expect(run(contextFor({ kind: 'signed-in' }, { dspt_session: 't' }))).rejects.toThrow('Finish signing in');
    await expect(run(contextFor({ kind: 'session' }, { dspt_session: 't' }))).resolves.toBe(true);
    session.data.stage = 'active';
  });

  it("checks the membership's role against the route's permission", async () => {
    await expect(
      run(contextFor({ kind: 'tenant', permission: 'caseload.read' }, { dspt_session: 't' }, { tenantSlug: 'a' })),
    ).resolves.toBe(true);
    await expect(
      run(contextFor({ kind: 'tenant', permission: 'caseload.write' }, { dspt_session: 't' }, { tenantSlug: 'a' })),
    ).rejects.toThrow('Your role in this LSP (viewer) does not allow this');
    await expect(
      run(contextFor({ kind: 'tenant', permission: 'caseload.read' }, { dspt_session: 't' }, { tenantSlug: 'b' })),
    ).rejects.toThrow('You do not have access to this LSP');
  });

  it('asks about a membership only on LSP routes', async () => {
    users.findSignedInUser.mockClear();
    await run(contextFor({ kind: 'signed-in' }, { dspt_session: 't' }, { tenantSlug: 'a' }));
    expect(users.findSignedInUser).toHaveBeenCalledWith('u1', undefined);
  });

  it('checks global roles', async () => {
    await expect(
      run(contextFor({ kind: 'global', permission: 'tenants.manage' }, { dspt_session: 't' })),
    ).rejects.toBeInstanceOf(ForbiddenException);
  });
});
