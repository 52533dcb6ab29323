import { globalRoleGrants, tenantRoleGrants } from '@dspt/domain';
import { ACCESS_RULE, type AccessRule, TENANT_SLUG_PARAM } from '@dspt/server/platform';
import { currentRequestContext } from '@dspt/server/data';
import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  Logger,
  NotFoundException,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { type Session, SessionStore } from './session.store';
import { SessionCookie } from './session-cookie';
import { UserDirectory } from './user-directory';

/** The session the guard found, for handlers that need it (sign-in steps, sign-out). */
export interface RequestWithSession extends Request {
  authSession?: Session;
}

/**
 * Applied to every route. Reads the route's access rule, the session cookie and, for LSP routes, the
 * user's membership of the LSP in the URL; fills the request context; refuses anything else.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionStore,
    private readonly users: UserDirectory,
    private readonly cookie: SessionCookie,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) {
      this.logger.error(`${context.getClass().name}.${context.getHandler().name} declares no access rule: refused`);
      throw new ForbiddenException('This route is not available');
    }
    if (rule.kind === 'public') {
      return true;
    }
    const request = context.switchToHttp().getRequest<RequestWithSession>();
    const session = await this.sessions.find(this.cookie.read(request));
    if (!session) {
      throw new UnauthorizedException('Sign in to continue');
    }
    request.authSession = session;
    if (rule.kind === 'session') {
      return true;
    }
    if (session.data.stage !== 'active') {
      throw new UnauthorizedException('Finish signing in with your authentication code');
    }
    const slug = request.params[TENANT_SLUG_PARAM];
    const tenantSlug = rule.kind === 'tenant' && typeof slug === 'string' && slug.length <= 100 ? slug : undefined;
    const access = await this.users.findSignedInUser(session.data.userId, tenantSlug);
    if (!access) {
      await this.sessions.destroy(session.token, session.data.userId);
      throw new UnauthorizedException('Sign in to continue');
    }
    const requestContext = currentRequestContext();
    if (!requestContext) {
      throw new Error('Request context missing: is the request-context middleware installed?');
    }
    const { user, membership: tenant } = access;
    requestContext.user = user;
    switch (rule.kind) {
      case 'signed-in':
        return true;
      case 'global':
        if (!globalRoleGrants(user.globalRole, rule.permission)) {
          throw new ForbiddenException('You do not have permission to do this');
        }
        return true;
      case 'tenant': {
        if (rule.orGlobal && globalRoleGrants(user.globalRole, rule.orGlobal) && !tenant && tenantSlug) {
          // A system admin setting up an LSP they are not a member of: its admin's rights there, no more.
          const found = await this.users.findTenant(tenantSlug);
          if (!found) {
            throw new NotFoundException('No LSP with that slug');
          }
          requestContext.tenant = { ...found, role: 'admin' };
          return true;
        }
        if (!tenant) {
          throw new ForbiddenException('You do not have access to this LSP');
        }
        if (!tenantRoleGrants(tenant.role, rule.permission)) {
          throw new ForbiddenException(`Your role in this LSP (${tenant.role}) does not allow this`);
        }
        requestContext.tenant = tenant;
        return true;
      }
    }
  }
}
