import { Injectable } from '@nestjs/common';
import { ErrorCode, FOLLOW_UP_MESSAGES, type CreateUser, type Page, type UpdateUser, type User, type UserListQuery } from '@cakap/contracts';
import type { UserEntity } from '@cakap/db';
import { AuthService } from '../auth/auth.service';
import { generateTemporaryPassword, hashPassword } from '../auth/password';
import { AppError, isUniqueViolation } from '../common/app-error';
import type { Principal } from '../common/request';
import { OrgUnitsRepository } from '../org-units/org-units.repository';
import { PositionsRepository } from '../positions/positions.repository';
import { toUser } from './user.mapper';
import { UsersRepository } from './users.repository';

@Injectable()
export class UsersService {
  constructor(
    private readonly repo: UsersRepository,
    private readonly units: OrgUnitsRepository,
    private readonly positions: PositionsRepository,
    private readonly auth: AuthService,
  ) {}

  async list(q: UserListQuery): Promise<Page<User>> {
    const page = await this.repo.list(q);
    return { ...page, items: page.items.map(toUser) };
  }

  async get(id: string): Promise<User> {
    return toUser(await this.entity(id));
  }

  async create(input: CreateUser): Promise<User> {
    await this.assertRefs(input.orgUnitId, input.positionId);
    await this.assertSupervisor(null, input.supervisorId);
    try {
      const saved = await this.repo.insert({
        nip: input.nip,
        name: input.name,
        email: input.email ?? null,
        phone: input.phone ?? null,
        golongan: input.golongan ?? null,
        asnType: input.asnType,
        orgUnitId: input.orgUnitId,
        positionId: input.positionId ?? null,
        supervisorId: input.supervisorId ?? null,
        roles: [...new Set(input.roles)],
        passwordHash: input.password ? await hashPassword(input.password) : null,
        // An admin-chosen password is a temporary one: the person picks their own at first login.
        mustChangePassword: Boolean(input.password),
      });
      return this.get(saved.id);
    } catch (e) {
      throw translate(e);
    }
  }

  async update(id: string, input: UpdateUser, actor: Principal): Promise<User> {
    const before = await this.entity(id);
    if (id === actor.userId && (input.active === false || (input.roles && !input.roles.includes('admin')))) {
      throw new AppError(ErrorCode.Conflict, {}, [
        { field: input.active === false ? 'active' : 'roles', code: 'users.cannotDemoteSelf' },
      ]);
    }
    await this.assertRefs(input.orgUnitId, input.positionId);
    await this.assertSupervisor(id, input.supervisorId);
    const patch: Partial<UserEntity> = {};
    for (const key of ['nip', 'name', 'email', 'phone', 'golongan', 'asnType', 'orgUnitId', 'positionId', 'supervisorId', 'active'] as const) {
      if (input[key] !== undefined) (patch as Record<string, unknown>)[key] = input[key];
    }
    if (input.roles) patch.roles = [...new Set(input.roles)];
    if (input.password) {
      patch.passwordHash = await hashPassword(input.password);
      patch.mustChangePassword = true;
    }
    try {
      if (Object.keys(patch).length) await this.repo.update(id, patch);
    } catch (e) {
      throw translate(e);
    }
    const rolesChanged = input.roles && [...before.roles].sort().join() !== [...new Set(input.roles)].sort().join();
    // Roles travel in access tokens; deactivation, a new password or new roles end live sessions.
    if (input.active === false || input.password || rolesChanged) {
      await this.auth.revokeSessions({ userId: id }, input.active === false ? 'deactivated' : 'admin');
    }
    return this.get(id);
  }

  /** Sets a one-time password the admin hands over; the person must change it at next login. */
  async resetPassword(id: string): Promise<{ temporaryPassword: string }> {
    await this.entity(id);
    const temporaryPassword = generateTemporaryPassword();
    await this.repo.setPassword(id, await hashPassword(temporaryPassword), true);
    await this.auth.revokeSessions({ userId: id }, 'admin');
    return { temporaryPassword };
  }

  private async entity(id: string): Promise<UserEntity> {
    const u = await this.repo.findById(id);
    if (!u) throw AppError.notFound();
    return u;
  }

  /** The direct superior must be another existing user (the database refuses oneself too; this names the field). */
  private async assertSupervisor(userId: string | null, supervisorId: string | null | undefined) {
    if (!supervisorId) return;
    if (supervisorId === userId) throw AppError.invalidField('supervisorId', FOLLOW_UP_MESSAGES.supervisorSelf);
    if (!(await this.repo.exists(supervisorId))) throw AppError.invalidField('supervisorId', FOLLOW_UP_MESSAGES.supervisorUnknown);
  }

  private async assertRefs(orgUnitId?: string, positionId?: string | null) {
    if (orgUnitId && !(await this.units.exists(orgUnitId))) throw AppError.invalidField('orgUnitId', 'validation.notFound');
    if (positionId && !(await this.positions.exists(positionId))) {
      throw AppError.invalidField('positionId', 'validation.notFound');
    }
  }
}

function translate(e: unknown): unknown {
  if (isUniqueViolation(e, 'users_nip_key')) {
    return new AppError(ErrorCode.NipTaken, {}, [{ field: 'nip', code: ErrorCode.NipTaken }]);
  }
  if (isUniqueViolation(e, 'users_email_key')) {
    return new AppError(ErrorCode.Conflict, {}, [{ field: 'email', code: 'validation.emailTaken' }]);
  }
  return e;
}
