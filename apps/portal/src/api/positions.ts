import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreatePosition, Page, Position, PositionKind, UpdatePosition } from '@cakap/contracts';
import { api } from './index';

export interface PositionListParams {
  q?: string;
  kind?: PositionKind;
  orgUnitId?: string;
  page?: number;
  pageSize?: number;
}

export const positionKeys = {
  all: ['positions'] as const,
  list: (p: PositionListParams) => ['positions', 'list', p] as const,
  one: (id: string) => ['positions', 'one', id] as const,
};

export function usePositions(params: PositionListParams, enabled = true) {
  return useQuery({
    queryKey: positionKeys.list(params),
    queryFn: ({ signal }) => api.get<Page<Position>>('/positions', { ...params }, { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: positionKeys.all }),
      queryClient.invalidateQueries({ queryKey: ['users'] }),
      queryClient.invalidateQueries({ queryKey: ['org-units'] }),
    ]);
}

export function useCreatePosition() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: CreatePosition) => api.post<Position>('/positions', body),
    onSuccess: invalidate,
  });
}

export function useUpdatePosition() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdatePosition }) => api.patch<Position>(`/positions/${id}`, body),
    onSuccess: invalidate,
  });
}

export function useDeletePosition() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/positions/${id}`),
    onSuccess: invalidate,
  });
}
