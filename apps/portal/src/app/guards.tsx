import type { ReactNode } from 'react';
import { Center, Loader, Stack, Text } from '@mantine/core';
import { Navigate, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Role } from '@cakap/contracts';
import { hasRole, useSession } from '../api/session';
import { Forbidden } from './ErrorPages';

export function FullScreenLoader() {
  const { t } = useTranslation();
  return (
    <Center h="100dvh">
      <Stack align="center" gap="xs" role="status" aria-live="polite">
        <Loader aria-hidden />
        <Text size="sm">{t('app.loading')}</Text>
      </Stack>
    </Center>
  );
}

/** Signed-in users only; sends a temporary password to the change-password screen first. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.status === 'loading') return <FullScreenLoader />;
  if (session.status === 'anonymous' || !session.user) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (session.user.mustChangePassword && location.pathname !== '/change-password') {
    return <Navigate to="/change-password" replace />;
  }
  return <>{children}</>;
}

/** A page for some roles only: others see a 403 page with a way back. */
export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const session = useSession();
  if (!hasRole(session, ...roles)) return <Forbidden roles={roles} />;
  return <>{children}</>;
}
