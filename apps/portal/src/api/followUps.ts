import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CourseFollowUp,
  CourseFollowUpInput,
  FollowUpForm,
  FollowUpListItem,
  FollowUpResponseInput,
  FollowUpSummary,
  MyFollowUpsQuery,
  Page,
} from '@cakap/contracts';
import { api, isApiError } from './index';

/** Programme evaluation, level 3 (issue 8): follow-up surveys some weeks after a course. */
export const followUpKeys = {
  all: ['follow-ups'] as const,
  mine: (q: Partial<MyFollowUpsQuery>) => ['follow-ups', 'mine', q] as const,
  form: (id: string) => ['follow-ups', 'form', id] as const,
  settings: (courseId: string) => ['follow-ups', 'settings', courseId] as const,
  summary: (courseId: string) => ['follow-ups', 'summary', courseId] as const,
};

export function useMyFollowUps(q: { status?: MyFollowUpsQuery['status']; q?: string; page: number }) {
  return useQuery({
    queryKey: followUpKeys.mine(q),
    queryFn: ({ signal }) => api.get<Page<FollowUpListItem>>('/me/follow-ups', { ...q, pageSize: 10 }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useFollowUpForm(id: string) {
  return useQuery({
    queryKey: followUpKeys.form(id),
    queryFn: ({ signal }) => api.get<FollowUpForm>(`/follow-ups/${id}`, undefined, { signal }),
    enabled: !!id,
  });
}

export function useSubmitFollowUp(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: FollowUpResponseInput) => api.post<FollowUpForm>(`/follow-ups/${id}/response`, body),
    // The answered state (and the lists) come from the server, so the read-only view shows what was stored.
    onSuccess: (form) => {
      qc.setQueryData(followUpKeys.form(id), form);
      void qc.invalidateQueries({ queryKey: ['follow-ups', 'mine'] });
    },
    // 409: answered meanwhile (another tab) or closed; the fresh state replaces the form.
    onError: (e) => {
      if (isApiError(e) && e.status === 409) void qc.invalidateQueries({ queryKey: followUpKeys.form(id) });
    },
  });
}

export function useCourseFollowUp(courseId: string) {
  return useQuery({
    queryKey: followUpKeys.settings(courseId),
    queryFn: ({ signal }) => api.get<CourseFollowUp>(`/courses/${courseId}/follow-up`, undefined, { signal }),
  });
}

export function useFollowUpSummary(courseId: string) {
  return useQuery({
    queryKey: followUpKeys.summary(courseId),
    queryFn: ({ signal }) => api.get<FollowUpSummary>(`/courses/${courseId}/follow-up/summary`, undefined, { signal }),
  });
}

export function useSaveCourseFollowUp(courseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CourseFollowUpInput) => api.put<CourseFollowUp>(`/courses/${courseId}/follow-up`, body),
    onSuccess: (saved) => qc.setQueryData(followUpKeys.settings(courseId), saved),
  });
}

/** DELETE /courses/:id/follow-up: back to the defaults. */
export function useResetCourseFollowUp(courseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<CourseFollowUp>(`/courses/${courseId}/follow-up`),
    onSuccess: (saved) => qc.setQueryData(followUpKeys.settings(courseId), saved),
  });
}
