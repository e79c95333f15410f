import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CourseSurvey, CourseSurveyInput, EnrollmentEvaluation, SurveyResponseInput, SurveySummary } from '@cakap/contracts';
import { api, isApiError } from './index';

/** Programme evaluation, level 1 (issue 8): the post-course survey, its editor and its summary. */
export const evaluationKeys = {
  enrollment: (enrollmentId: string) => ['evaluation', 'enrollment', enrollmentId] as const,
  survey: (courseId: string) => ['evaluation', 'survey', courseId] as const,
  summary: (courseId: string) => ['evaluation', 'summary', courseId] as const,
};

/** GET /enrollments/:id/evaluation: the learner's survey and their own response, if any. */
export function useEnrollmentEvaluation(enrollmentId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: evaluationKeys.enrollment(enrollmentId ?? ''),
    queryFn: ({ signal }) => api.get<EnrollmentEvaluation>(`/enrollments/${enrollmentId}/evaluation`, undefined, { signal }),
    enabled: !!enrollmentId && enabled,
  });
}

export function useSubmitEvaluation(enrollmentId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SurveyResponseInput) => api.post<EnrollmentEvaluation>(`/enrollments/${enrollmentId}/evaluation`, body),
    // The answered state comes from the server, so the read-only view shows what was stored.
    onSuccess: () => qc.invalidateQueries({ queryKey: evaluationKeys.enrollment(enrollmentId) }),
    // 409: answered meanwhile (another tab) or no longer open; the fresh state replaces the form.
    onError: (e) => {
      if (isApiError(e) && e.status === 409) void qc.invalidateQueries({ queryKey: evaluationKeys.enrollment(enrollmentId) });
    },
  });
}

export function useCourseSurvey(courseId: string) {
  return useQuery({
    queryKey: evaluationKeys.survey(courseId),
    queryFn: ({ signal }) => api.get<CourseSurvey>(`/courses/${courseId}/survey`, undefined, { signal }),
  });
}

export function useSurveySummary(courseId: string) {
  return useQuery({
    queryKey: evaluationKeys.summary(courseId),
    queryFn: ({ signal }) => api.get<SurveySummary>(`/courses/${courseId}/survey/summary`, undefined, { signal }),
  });
}

export function useSaveCourseSurvey(courseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CourseSurveyInput) => api.put<CourseSurvey>(`/courses/${courseId}/survey`, body),
    onSuccess: (survey) => {
      qc.setQueryData(evaluationKeys.survey(courseId), survey);
      void qc.invalidateQueries({ queryKey: evaluationKeys.summary(courseId) });
    },
  });
}

/** DELETE /courses/:id/survey: back to the default questionnaire. */
export function useResetCourseSurvey(courseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<CourseSurvey>(`/courses/${courseId}/survey`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['evaluation'] }),
  });
}
