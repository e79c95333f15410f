import type { User } from '@cakap/contracts';
import type { UserEntity } from '@cakap/db';

/** The one place where a user row becomes the api's User shape. */
export function toUser(u: UserEntity): User {
  if (!u.orgUnit) throw new Error('toUser needs the orgUnit relation loaded');
  if (u.supervisorId && !u.supervisor) throw new Error('toUser needs the supervisor relation loaded');
  return {
    id: u.id,
    nip: u.nip,
    name: u.name,
    email: u.email,
    phone: u.phone,
    golongan: u.golongan,
    asnType: u.asnType,
    orgUnit: { id: u.orgUnit.id, code: u.orgUnit.code, name: u.orgUnit.name },
    position: u.position ? { id: u.position.id, name: u.position.name, kind: u.position.kind } : null,
    supervisor: u.supervisor ? { id: u.supervisor.id, nip: u.supervisor.nip, name: u.supervisor.name } : null,
    roles: u.roles,
    active: u.active,
    hasPassword: u.hasPassword,
    mustChangePassword: u.mustChangePassword,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
  };
}
