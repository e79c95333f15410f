import { useQuery } from '@tanstack/react-query';
import type { CompetencyProfile } from '@cakap/contracts';
import { competencyKeys } from './competencies';
import { api } from './index';

/**
 * The learner's own competency profile (issue 6): achieved against the position's standard,
 * the evidence behind it and the courses that close the gaps. Kept under the profiles key, so
 * whatever refreshes profiles (a new standard, recorded evidence) refreshes this one too.
 */
export const myCompetenciesKey = [...competencyKeys.profiles, 'me'] as const;

export function useMyCompetencies() {
  return useQuery({
    queryKey: myCompetenciesKey,
    queryFn: ({ signal }) => api.get<CompetencyProfile>('/me/competencies', undefined, { signal }),
  });
}
