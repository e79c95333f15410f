import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateOrgUnit, OrgUnit, Page, UpdateOrgUnit } from '@cakap/contracts';
import { api } from './index';

export interface OrgUnitListParams {
  q?: string;
  parentId?: string;
  page?: number;
  pageSize?: number;
}

export const orgUnitKeys = {
  all: ['org-units'] as const,
  list: (p: OrgUnitListParams) => ['org-units', 'list', p] as const,
  one: (id: string) => ['org-units', 'one', id] as const,
};

export function useOrgUnits(params: OrgUnitListParams, enabled = true) {
  return useQuery({
    queryKey: orgUnitKeys.list(params),
    queryFn: ({ signal }) => api.get<Page<OrgUnit>>('/org-units', { ...params }, { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useOrgUnit(id: string | null | undefined) {
  return useQuery({
    queryKey: orgUnitKeys.one(id ?? ''),
    queryFn: ({ signal }) => api.get<OrgUnit>(`/org-units/${id}`, undefined, { signal }),
    enabled: !!id,
  });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: orgUnitKeys.all }),
      queryClient.invalidateQueries({ queryKey: ['positions'] }),
      queryClient.invalidateQueries({ queryKey: ['users'] }),
    ]);
}

export function useCreateOrgUnit() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: CreateOrgUnit) => api.post<OrgUnit>('/org-units', body),
    onSuccess: invalidate,
  });
}

export function useUpdateOrgUnit() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateOrgUnit }) => api.patch<OrgUnit>(`/org-units/${id}`, body),
    onSuccess: invalidate,
  });
}

export function useDeleteOrgUnit() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/org-units/${id}`),
    onSuccess: invalidate,
  });
}
