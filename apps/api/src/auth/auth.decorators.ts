import { SetMetadata } from '@nestjs/common';
import type { Role } from '@cakap/contracts';

export const IS_PUBLIC = 'cakap:public';
export const ROLES = 'cakap:roles';

/** No login needed (login itself, health, public verification). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Any of these roles may call. Without @Roles, any signed-in user may. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);
