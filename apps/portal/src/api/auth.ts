import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChangePassword, Me, TokenResponse } from '@cakap/contracts';
import { api } from './index';

export const meKey = ['me'] as const;

/** GET /me: the signed-in user, kept in the session too. */
export function useMe(enabled = true) {
  return useQuery({
    queryKey: meKey,
    enabled,
    queryFn: async () => {
      const me = await api.get<Me>('/me');
      api.setUser(me);
      return me;
    },
  });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ nip, password }: { nip: string; password: string }) => api.login(nip, password),
    onSuccess: (tokens) => {
      queryClient.clear();
      queryClient.setQueryData(meKey, tokens.user);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.logout(),
    onSettled: () => queryClient.clear(),
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangePassword) =>
      api.post<Partial<TokenResponse> | Me | undefined>('/me/password', body),
    onSuccess: async (result) => {
      // The api may answer with fresh tokens (sessions rotated) or nothing at all.
      if (result && 'accessToken' in result && result.accessToken && result.refreshToken && result.user) {
        api.applyTokens(result as TokenResponse);
      }
      const me = await api.get<Me>('/me');
      api.setUser(me);
      queryClient.setQueryData(meKey, me);
    },
  });
}
