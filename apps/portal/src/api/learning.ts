import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Enrollment, EnrollmentDetail, EnrollmentProgress, EnrollmentStatus, LearningHours, Page } from '@cakap/contracts';
import { competencyKeys } from './competencies';
import { api } from './index';

/** Learning (issue 4): enrolments, progress and the yearly JP ledger. */
export const learningKeys = {
  enrollments: ['enrollments'] as const,
  list: (p: { status?: EnrollmentStatus; pageSize?: number }) => ['enrollments', 'list', p] as const,
  one: (id: string) => ['enrollments', 'one', id] as const,
  hours: (year?: number) => ['learning-hours', year ?? 'current'] as const,
};

export function useEnrollments(params: { status?: EnrollmentStatus; pageSize?: number } = {}) {
  return useQuery({
    queryKey: learningKeys.list(params),
    queryFn: ({ signal }) => api.get<Page<Enrollment>>('/enrollments', { pageSize: 100, ...params }, { signal }),
  });
}

export function useEnrollment(id: string | undefined) {
  return useQuery({
    queryKey: learningKeys.one(id ?? ''),
    queryFn: ({ signal }) => api.get<EnrollmentDetail>(`/enrollments/${id}`, undefined, { signal }),
    enabled: !!id,
    // The player owns the progress while it is open; a refetch would not add anything.
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

/** POST /enrollments: 201 for a new enrolment, 200 for an existing one (same body). */
export function useEnroll() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (courseId: string) => api.post<EnrollmentDetail>('/enrollments', { courseId }),
    onSuccess: (detail) => {
      qc.setQueryData(learningKeys.one(detail.id), detail);
      void qc.invalidateQueries({ queryKey: learningKeys.enrollments });
    },
  });
}

/** Merges a progress answer (no content) into the cached enrolment detail. */
export function mergeProgress(qc: ReturnType<typeof useQueryClient>, id: string, progress: EnrollmentProgress) {
  qc.setQueryData<EnrollmentDetail>(learningKeys.one(id), (old) => (old ? { ...old, ...progress } : old));
  void qc.invalidateQueries({ queryKey: learningKeys.enrollments });
  if (progress.status === 'completed') {
    void qc.invalidateQueries({ queryKey: ['learning-hours'] });
    // A completed course is competency evidence: the learner's profile moves.
    void qc.invalidateQueries({ queryKey: competencyKeys.profiles });
  }
}

export function useCompleteLesson(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (lessonKey: string) =>
      api.post<EnrollmentProgress>(`/enrollments/${id}/lessons/${encodeURIComponent(lessonKey)}/complete`),
    onSuccess: (progress) => mergeProgress(qc, id, progress),
  });
}

export function useLearningHours(year?: number) {
  return useQuery({
    queryKey: learningKeys.hours(year),
    queryFn: ({ signal }) => api.get<LearningHours>('/me/learning-hours', { year }, { signal }),
  });
}
