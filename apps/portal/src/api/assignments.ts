import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Assignment,
  CreateAssignment,
  CreateClassicalActivity,
  LearningHours,
  LearningHoursEntry,
  MyAssignments,
  Page,
  StoredFile,
} from '@cakap/contracts';
import { api } from './index';

export interface AssignmentListParams {
  page?: number;
  pageSize?: number;
}

export const assignmentKeys = {
  all: ['course-assignments'] as const,
  list: (p: AssignmentListParams) => ['course-assignments', 'list', p] as const,
  mine: ['me', 'assignments'] as const,
};

/** GET /course-assignments (admin): assignments with their learner counts. */
export function useAssignments(params: AssignmentListParams) {
  return useQuery({
    queryKey: assignmentKeys.list(params),
    queryFn: ({ signal }) => api.get<Page<Assignment>>('/course-assignments', { ...params }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateAssignment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateAssignment) => api.post<Assignment>('/course-assignments', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: assignmentKeys.all }),
  });
}

export function useCancelAssignment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<Assignment>(`/course-assignments/${id}/cancel`, {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: assignmentKeys.all }),
  });
}

/** GET /me/assignments: the courses assigned to the signed-in learner, by due date. */
export function useMyAssignments() {
  return useQuery({
    queryKey: assignmentKeys.mine,
    queryFn: ({ signal }) => api.get<MyAssignments>('/me/assignments', undefined, { signal }),
  });
}

export const userLearningHoursKeys = {
  all: (userId: string) => ['users', 'learning-hours', userId] as const,
  year: (userId: string, year: number) => ['users', 'learning-hours', userId, year] as const,
};

/** GET /users/:id/learning-hours?year= (admin): a learner's JP ledger for a year. */
export function useUserLearningHours(userId: string, year: number) {
  return useQuery({
    queryKey: userLearningHoursKeys.year(userId, year),
    queryFn: ({ signal }) => api.get<LearningHours>(`/users/${userId}/learning-hours`, { year }, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** POST /users/:id/learning-hours (admin): a classical activity attended outside Cakap. */
export function useAddClassicalActivity(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateClassicalActivity) => api.post<LearningHoursEntry>(`/users/${userId}/learning-hours`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userLearningHoursKeys.all(userId) }),
  });
}

/** POST /files with kind "document": the evidence of a classical activity. */
export function uploadEvidence(file: File) {
  const form = new FormData();
  form.append('kind', 'document');
  form.append('file', file, file.name);
  return api.post<StoredFile>('/files', form);
}
