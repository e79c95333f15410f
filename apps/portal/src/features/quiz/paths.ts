export const attemptPath = (enrollmentId: string, attemptId: string) => `/belajar/${enrollmentId}/kuis/${attemptId}`;
