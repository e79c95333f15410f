import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type {
  LearningNeed,
  LearningNeedInput,
  LearningNeedPatch,
  LearningNeedStatus,
  LearningPlan,
  NeedComment,
  Page,
  PlanTarget,
  TriageInput,
  VoteResult,
} from '@cakap/contracts';
import { saveDownload } from './download';
import { api } from './index';

/** Learning needs (AKPK, issue 8): the board, votes, comments, triage and the yearly plan. */

export interface NeedListParams {
  q?: string;
  status?: LearningNeedStatus;
  competencyId?: string;
  unitId?: string;
  mine?: boolean;
  sort?: 'votes' | 'recent';
  page?: number;
  pageSize?: number;
}

export const needKeys = {
  all: ['needs'] as const,
  list: (params: NeedListParams) => ['needs', 'list', params] as const,
  one: (id: string) => ['needs', 'one', id] as const,
  comments: (id: string, page: number) => ['needs', 'comments', id, page] as const,
  plan: (year: number) => ['needs', 'plan', year] as const,
  targets: (needId: string, q: string, page: number) => ['needs', 'targets', needId, q, page] as const,
};

export function useLearningNeeds(params: NeedListParams) {
  return useQuery({
    queryKey: needKeys.list(params),
    queryFn: ({ signal }) =>
      api.get<Page<LearningNeed>>('/learning-needs', { ...params, mine: params.mine ? 'true' : undefined }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useLearningNeed(id: string) {
  return useQuery({
    queryKey: needKeys.one(id),
    queryFn: ({ signal }) => api.get<LearningNeed>(`/learning-needs/${id}`, undefined, { signal }),
  });
}

export function useProposeNeed() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: LearningNeedInput) => api.post<LearningNeed>('/learning-needs', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: needKeys.all }),
  });
}

export function useUpdateNeed(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: LearningNeedPatch) => api.patch<LearningNeed>(`/learning-needs/${id}`, body),
    onSuccess: (need) => {
      qc.setQueryData(needKeys.one(id), need);
      void qc.invalidateQueries({ queryKey: ['needs', 'list'] });
    },
  });
}

export function useDeleteNeed() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/learning-needs/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['needs', 'list'] }),
  });
}

/** Puts a vote's result on every cached copy of the need (its page and any board page). */
export function applyVote(qc: QueryClient, id: string, result: VoteResult): void {
  qc.setQueryData<LearningNeed>(needKeys.one(id), (n) => (n ? { ...n, ...result } : n));
  qc.setQueriesData<Page<LearningNeed>>({ queryKey: ['needs', 'list'] }, (page) =>
    page ? { ...page, items: page.items.map((n) => (n.id === id ? { ...n, ...result } : n)) } : page,
  );
}

/** Votes or withdraws; the count shown is always the server's answer. */
export function useToggleVote(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (vote: boolean) =>
      vote ? api.post<VoteResult>(`/learning-needs/${id}/votes`) : api.delete<VoteResult>(`/learning-needs/${id}/votes`),
    onSuccess: (result) => applyVote(qc, id, result),
    // A 409 (voted meanwhile in another tab, voting closed): show the need as it now is.
    onError: () => {
      void qc.invalidateQueries({ queryKey: needKeys.one(id) });
      void qc.invalidateQueries({ queryKey: ['needs', 'list'] });
    },
  });
}

export function useNeedComments(id: string, page: number) {
  return useQuery({
    queryKey: needKeys.comments(id, page),
    queryFn: ({ signal }) => api.get<Page<NeedComment>>(`/learning-needs/${id}/comments`, { page, pageSize: 20 }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useAddComment(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => api.post<NeedComment>(`/learning-needs/${id}/comments`, { body }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['needs', 'comments', id] });
      void qc.invalidateQueries({ queryKey: needKeys.one(id) });
    },
  });
}

export function useDeleteComment(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (commentId: string) => api.delete(`/learning-needs/${id}/comments/${commentId}`),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['needs', 'comments', id] });
      void qc.invalidateQueries({ queryKey: needKeys.one(id) });
    },
  });
}

export function useTriageNeed(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TriageInput) => api.post<LearningNeed>(`/learning-needs/${id}/triage`, body),
    onSuccess: (need) => {
      qc.setQueryData(needKeys.one(id), need);
      void qc.invalidateQueries({ queryKey: ['needs', 'list'] });
      void qc.invalidateQueries({ queryKey: ['needs', 'plan'] });
    },
  });
}

export function useLearningPlan(year: number) {
  return useQuery({
    queryKey: needKeys.plan(year),
    queryFn: ({ signal }) => api.get<LearningPlan>('/learning-plan', { year }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePlanTargets(needId: string, q: string, page: number) {
  return useQuery({
    queryKey: needKeys.targets(needId, q, page),
    queryFn: ({ signal }) =>
      api.get<Page<PlanTarget>>(`/learning-plan/${needId}/targets`, { q: q || undefined, page, pageSize: 20 }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export const exportLearningPlan = (year: number, format: 'csv' | 'xlsx') =>
  saveDownload('/learning-plan', { year, format }, `rencana-pengembangan-${year}.${format}`);
