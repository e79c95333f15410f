import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Attempt,
  Bank,
  BankInput,
  BankPatch,
  Category,
  CategoryInput,
  GiftImportResult,
  GradeAnswer,
  Page,
  PendingGrading,
  Question,
  QuestionInput,
  QuestionStats,
  QuestionTypeInfo,
  QuestionUpdate,
  QuizState,
} from '@cakap/contracts';
import { competencyKeys } from './competencies';
import { api } from './index';
import { learningKeys } from './learning';

/** The quiz engine (issue 5): banks and questions for authors, attempts for learners, grading. */
export interface BankListParams {
  q?: string;
  page?: number;
  pageSize?: number;
}

export interface QuestionListParams {
  q?: string;
  categoryId?: string;
  type?: string;
  tag?: string;
  page?: number;
  pageSize?: number;
}

export const quizKeys = {
  types: ['question-types'] as const,
  banks: ['question-banks'] as const,
  bankList: (p: BankListParams) => ['question-banks', 'list', p] as const,
  bank: (id: string) => ['question-banks', 'one', id] as const,
  categories: (bankId: string) => ['question-banks', bankId, 'categories'] as const,
  questions: (bankId: string, p: QuestionListParams) => ['question-banks', bankId, 'questions', p] as const,
  question: (id: string) => ['questions', id] as const,
  versions: (id: string) => ['questions', id, 'versions'] as const,
  stats: (bankId: string) => ['question-banks', bankId, 'stats'] as const,
  state: (enrollmentId: string, blockKey: string) => ['quiz-state', enrollmentId, blockKey] as const,
  attempt: (id: string) => ['attempts', id] as const,
  grading: (p: { page?: number; pageSize?: number }) => ['grading', p] as const,
};

// ------------------------------------------------------------------ authoring

export function useQuestionTypes(enabled = true) {
  return useQuery({
    queryKey: quizKeys.types,
    queryFn: ({ signal }) => api.get<QuestionTypeInfo[]>('/question-types', undefined, { signal }),
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function useBanks(params: BankListParams, enabled = true) {
  return useQuery({
    queryKey: quizKeys.bankList(params),
    queryFn: ({ signal }) => api.get<Page<Bank>>('/question-banks', { ...params }, { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useBank(id: string | null | undefined) {
  return useQuery({
    queryKey: quizKeys.bank(id ?? ''),
    queryFn: ({ signal }) => api.get<Bank>(`/question-banks/${id}`, undefined, { signal }),
    enabled: !!id,
  });
}

function useInvalidateBanks() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: quizKeys.banks });
}

export function useCreateBank() {
  const invalidate = useInvalidateBanks();
  return useMutation({ mutationFn: (body: BankInput) => api.post<Bank>('/question-banks', body), onSuccess: invalidate });
}

export function useUpdateBank() {
  const invalidate = useInvalidateBanks();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: BankPatch }) => api.patch<Bank>(`/question-banks/${id}`, body),
    onSuccess: invalidate,
  });
}

export function useDeleteBank() {
  const invalidate = useInvalidateBanks();
  return useMutation({ mutationFn: (id: string) => api.delete(`/question-banks/${id}`), onSuccess: invalidate });
}

export function useCategories(bankId: string | null | undefined) {
  return useQuery({
    queryKey: quizKeys.categories(bankId ?? ''),
    queryFn: ({ signal }) => api.get<Category[]>(`/question-banks/${bankId}/categories`, undefined, { signal }),
    enabled: !!bankId,
  });
}

export function useSaveCategory(bankId: string) {
  const invalidate = useInvalidateBanks();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: CategoryInput }) =>
      id ? api.patch<Category>(`/question-banks/${bankId}/categories/${id}`, body) : api.post<Category>(`/question-banks/${bankId}/categories`, body),
    onSuccess: invalidate,
  });
}

export function useDeleteCategory(bankId: string) {
  const invalidate = useInvalidateBanks();
  return useMutation({ mutationFn: (id: string) => api.delete(`/question-banks/${bankId}/categories/${id}`), onSuccess: invalidate });
}

export function useQuestions(bankId: string | null | undefined, params: QuestionListParams, enabled = true) {
  return useQuery({
    queryKey: quizKeys.questions(bankId ?? '', params),
    queryFn: ({ signal }) => api.get<Page<Question>>(`/question-banks/${bankId}/questions`, { ...params }, { signal }),
    placeholderData: keepPreviousData,
    enabled: !!bankId && enabled,
  });
}

export function useQuestion(id: string | null | undefined) {
  return useQuery({
    queryKey: quizKeys.question(id ?? ''),
    queryFn: ({ signal }) => api.get<Question>(`/questions/${id}`, undefined, { signal }),
    enabled: !!id,
    // The editor owns the question while it is open.
    refetchOnWindowFocus: false,
  });
}

export function useQuestionVersions(id: string, enabled: boolean) {
  return useQuery({
    queryKey: quizKeys.versions(id),
    queryFn: ({ signal }) => api.get<Question[]>(`/questions/${id}/versions`, undefined, { signal }),
    enabled,
  });
}

export function useSaveQuestion(bankId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: QuestionInput | QuestionUpdate }) =>
      id ? api.put<Question>(`/questions/${id}`, body) : api.post<Question>(`/question-banks/${bankId}/questions`, body),
    onSuccess: (q) => {
      qc.setQueryData(quizKeys.question(q.id), q);
      void qc.invalidateQueries({ queryKey: quizKeys.banks });
      void qc.invalidateQueries({ queryKey: quizKeys.versions(q.id) });
    },
  });
}

export function useDeleteQuestion() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/questions/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: quizKeys.banks }),
  });
}

export function useImportGift(bankId: string) {
  const invalidate = useInvalidateBanks();
  return useMutation({
    mutationFn: (file: File) => api.upload<GiftImportResult>(`/question-banks/${bankId}/import`, file, file.name),
    onSuccess: invalidate,
  });
}

export function useBankStats(bankId: string, enabled: boolean) {
  return useQuery({
    queryKey: quizKeys.stats(bankId),
    queryFn: ({ signal }) => api.get<QuestionStats[]>(`/question-banks/${bankId}/stats`, undefined, { signal }),
    enabled,
  });
}

// ------------------------------------------------------------------ learners

export function useQuizState(enrollmentId: string, blockKey: string) {
  return useQuery({
    queryKey: quizKeys.state(enrollmentId, blockKey),
    queryFn: ({ signal }) => api.get<QuizState>(`/enrollments/${enrollmentId}/quizzes/${encodeURIComponent(blockKey)}`, undefined, { signal }),
  });
}

export function useStartAttempt(enrollmentId: string, blockKey: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<Attempt>(`/enrollments/${enrollmentId}/quizzes/${encodeURIComponent(blockKey)}/attempts`),
    onSuccess: (attempt) => {
      qc.setQueryData(quizKeys.attempt(attempt.id), attempt);
      void qc.invalidateQueries({ queryKey: quizKeys.state(enrollmentId, blockKey) });
    },
  });
}

export function useAttempt(id: string) {
  return useQuery({
    queryKey: quizKeys.attempt(id),
    queryFn: ({ signal }) => api.get<Attempt>(`/attempts/${id}`, undefined, { signal }),
    // The player owns the answers while the attempt is open; a refetch would only fight it.
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

/** After a submission: the lesson's quiz state and the enrolment's progress (completion) change. */
export function invalidateAfterSubmit(qc: ReturnType<typeof useQueryClient>, attempt: Attempt) {
  void qc.invalidateQueries({ queryKey: quizKeys.state(attempt.enrollmentId, attempt.blockKey) });
  void qc.invalidateQueries({ queryKey: learningKeys.one(attempt.enrollmentId) });
  void qc.invalidateQueries({ queryKey: learningKeys.enrollments });
  void qc.invalidateQueries({ queryKey: ['learning-hours'] });
  // Passing a post-test can complete the course or its evidence: the competency profile moves.
  void qc.invalidateQueries({ queryKey: competencyKeys.profiles });
}

export function useSubmitAttempt() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<Attempt>(`/attempts/${id}/submit`),
    onSuccess: (attempt) => {
      qc.setQueryData(quizKeys.attempt(attempt.id), attempt);
      invalidateAfterSubmit(qc, attempt);
    },
  });
}

// ------------------------------------------------------------------ grading

export function usePendingGrading(params: { page?: number; pageSize?: number }) {
  return useQuery({
    queryKey: quizKeys.grading(params),
    queryFn: ({ signal }) => api.get<Page<PendingGrading>>('/grading', { ...params }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useGradeAnswer() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ attemptId, slot, body }: { attemptId: string; slot: number; body: GradeAnswer }) =>
      api.post<Attempt>(`/attempts/${attemptId}/answers/${slot}/grade`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['grading'] }),
  });
}
