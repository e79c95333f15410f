import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateUser, Page, Role, UpdateUser, User } from '@cakap/contracts';
import { api } from './index';

export interface UserListParams {
  q?: string;
  orgUnitId?: string;
  role?: Role;
  active?: boolean;
  page?: number;
  pageSize?: number;
}

export const userKeys = {
  all: ['users'] as const,
  list: (p: UserListParams) => ['users', 'list', p] as const,
  one: (id: string) => ['users', 'one', id] as const,
};

export function useUsers(params: UserListParams) {
  return useQuery({
    queryKey: userKeys.list(params),
    queryFn: ({ signal }) => api.get<Page<User>>('/users', { ...params }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useUser(id: string | undefined) {
  return useQuery({
    queryKey: userKeys.one(id ?? ''),
    queryFn: ({ signal }) => api.get<User>(`/users/${id}`, undefined, { signal }),
    enabled: !!id,
  });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: userKeys.all }),
      queryClient.invalidateQueries({ queryKey: ['org-units'] }),
      queryClient.invalidateQueries({ queryKey: ['positions'] }),
    ]);
}

export function useCreateUser() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: CreateUser) => api.post<User>('/users', body),
    onSuccess: invalidate,
  });
}

export function useUpdateUser() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateUser }) => api.patch<User>(`/users/${id}`, body),
    onSuccess: invalidate,
  });
}

export function useResetPassword() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => api.post<{ temporaryPassword: string }>(`/users/${id}/password-reset`),
    onSuccess: invalidate,
  });
}
