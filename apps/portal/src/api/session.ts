import { useSyncExternalStore } from 'react';
import type { Role } from '@cakap/contracts';
import { api } from './index';
import type { SessionState } from './client';

/** The signed-in user and session status, re-rendering on change. */
export function useSession(): SessionState {
  return useSyncExternalStore(api.subscribe, api.getSession, api.getSession);
}

export function hasRole(session: SessionState, ...roles: Role[]): boolean {
  return !!session.user && roles.some((r) => session.user!.roles.includes(r));
}
