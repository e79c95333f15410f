import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ClassDefaults,
  CompetencyKind,
  CompetencyProfile,
  CompetencyRef,
  CreateCompetency,
  CreateFramework,
  Evidence,
  FrameworkFormat,
  FrameworkStatus,
  FrameworkSummary,
  FrameworkTree,
  GapListItem,
  Heatmap,
  Page,
  PositionKind,
  PositionRequirements,
  PositionRequirementsInput,
  RecordEvidence,
  UpdateCompetency,
  UpdateFramework,
} from '@cakap/contracts';
import { api } from './index';
import { saveDownload } from './download';

/**
 * Competencies (issue 6), the admin side: frameworks and their trees, position standards,
 * the heat map and gap reports, a user's profile and evidence. `useCompetencyList` (the picker
 * source) is open to every signed-in user and shared with the authoring studio.
 */

export interface FrameworkListParams {
  q?: string;
  status?: FrameworkStatus;
  page?: number;
  pageSize?: number;
}

export interface CompetencyListParams {
  q?: string;
  frameworkId?: string;
  kind?: CompetencyKind;
  page?: number;
  pageSize?: number;
}

export interface HeatmapParams {
  orgUnitId?: string;
  frameworkId?: string;
}

export interface GapListParams {
  orgUnitId?: string;
  q?: string;
  page?: number;
  pageSize?: number;
}

export type ReportFormat = 'csv' | 'xlsx';

/** POST /competency-standards/import: how many positions and rows were written. */
export interface StandardsImportResult {
  positions: number;
  rows: number;
}

export const competencyKeys = {
  all: ['competencies'] as const,
  frameworks: ['competencies', 'frameworks'] as const,
  frameworkList: (p: FrameworkListParams) => ['competencies', 'frameworks', 'list', p] as const,
  framework: (id: string) => ['competencies', 'frameworks', 'one', id] as const,
  list: (p: CompetencyListParams) => ['competencies', 'list', p] as const,
  standards: ['competencies', 'standards'] as const,
  classDefaults: ['competencies', 'standards', 'class-defaults'] as const,
  positionRequirements: (positionId: string) => ['competencies', 'standards', 'position', positionId] as const,
  reports: ['competencies', 'reports'] as const,
  heatmap: (p: HeatmapParams) => ['competencies', 'reports', 'heatmap', p] as const,
  gaps: (p: GapListParams) => ['competencies', 'reports', 'gaps', p] as const,
  profiles: ['competencies', 'profiles'] as const,
  userProfile: (userId: string) => ['competencies', 'profiles', userId] as const,
};

// ------------------------------------------------------------------ pickers

/** GET /competencies: assessable competencies of published frameworks (any signed-in user). */
export function useCompetencyList(params: CompetencyListParams, enabled = true) {
  return useQuery({
    queryKey: competencyKeys.list(params),
    queryFn: ({ signal }) => api.get<Page<CompetencyRef>>('/competencies', { ...params }, { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

// ------------------------------------------------------------------ frameworks

export function useFrameworks(params: FrameworkListParams, enabled = true) {
  return useQuery({
    queryKey: competencyKeys.frameworkList(params),
    queryFn: ({ signal }) => api.get<Page<FrameworkSummary>>('/competency-frameworks', { ...params }, { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useFramework(id: string | undefined) {
  return useQuery({
    queryKey: competencyKeys.framework(id ?? ''),
    queryFn: ({ signal }) => api.get<FrameworkTree>(`/competency-frameworks/${id}`, undefined, { signal }),
    enabled: !!id,
  });
}

/**
 * Every framework change can move what pickers, standards and reports show, so a change
 * refreshes all competency queries; the returned tree is put in the cache at once.
 */
function useFrameworkChange<TVars>(mutationFn: (vars: TVars) => Promise<FrameworkTree>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (tree) => {
      queryClient.setQueryData(competencyKeys.framework(tree.id), tree);
      return queryClient.invalidateQueries({ queryKey: competencyKeys.all });
    },
  });
}

export function useCreateFramework() {
  return useFrameworkChange((body: CreateFramework) => api.post<FrameworkTree>('/competency-frameworks', body));
}

export function useUpdateFramework(id: string) {
  return useFrameworkChange((body: UpdateFramework) => api.patch<FrameworkTree>(`/competency-frameworks/${id}`, body));
}

export function usePublishFramework(id: string) {
  return useFrameworkChange(() => api.post<FrameworkTree>(`/competency-frameworks/${id}/publish`));
}

export function useRetireFramework(id: string) {
  return useFrameworkChange(() => api.post<FrameworkTree>(`/competency-frameworks/${id}/retire`));
}

export function useDeleteFramework() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/competency-frameworks/${id}`),
    onSuccess: (_void, id) => {
      queryClient.removeQueries({ queryKey: competencyKeys.framework(id) });
      return queryClient.invalidateQueries({ queryKey: competencyKeys.all });
    },
  });
}

/** Nothing is written unless the whole file is valid; a 400 carries one error per row or path. */
export function useImportFramework() {
  return useFrameworkChange(({ file, format }: { file: File; format: FrameworkFormat }) =>
    api.upload<FrameworkTree>(`/competency-frameworks/import?format=${format}`, file, file.name),
  );
}

export function exportFramework(framework: Pick<FrameworkSummary, 'id' | 'name'>, format: FrameworkFormat) {
  const ext = format === 'csv' ? 'csv' : 'json';
  return saveDownload(`/competency-frameworks/${framework.id}/export`, { format }, `${framework.name}.${ext}`);
}

export function useCreateCompetency(frameworkId: string) {
  return useFrameworkChange((body: CreateCompetency) =>
    api.post<FrameworkTree>(`/competency-frameworks/${frameworkId}/competencies`, body),
  );
}

export function useUpdateCompetency() {
  return useFrameworkChange(({ id, body }: { id: string; body: UpdateCompetency }) =>
    api.patch<FrameworkTree>(`/competencies/${id}`, body),
  );
}

export function useDeleteCompetency() {
  return useFrameworkChange((id: string) => api.delete<FrameworkTree>(`/competencies/${id}`));
}

// ------------------------------------------------------------------ standards

export function useClassDefaults() {
  return useQuery({
    queryKey: competencyKeys.classDefaults,
    queryFn: ({ signal }) => api.get<ClassDefaults[]>('/competency-standards/class-defaults', undefined, { signal }),
  });
}

/** Standards feed the profiles and reports: a change refreshes them too. */
function useInvalidateStandards() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: competencyKeys.standards }),
      queryClient.invalidateQueries({ queryKey: competencyKeys.reports }),
      queryClient.invalidateQueries({ queryKey: competencyKeys.profiles }),
    ]);
}

export function useSaveClassDefaults() {
  const invalidate = useInvalidateStandards();
  return useMutation({
    mutationFn: ({ kind, body }: { kind: PositionKind; body: PositionRequirementsInput }) =>
      api.put<ClassDefaults>(`/competency-standards/class-defaults/${kind}`, body),
    onSuccess: invalidate,
  });
}

export function usePositionRequirements(positionId: string | null | undefined) {
  return useQuery({
    queryKey: competencyKeys.positionRequirements(positionId ?? ''),
    queryFn: ({ signal }) => api.get<PositionRequirements>(`/positions/${positionId}/requirements`, undefined, { signal }),
    enabled: !!positionId,
  });
}

/** PUT the position's own levels (the class defaults fill in the rest on the server). */
export function useSavePositionRequirements(positionId: string) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateStandards();
  return useMutation({
    mutationFn: (body: PositionRequirementsInput) => api.put<PositionRequirements>(`/positions/${positionId}/requirements`, body),
    onSuccess: (saved) => {
      queryClient.setQueryData(competencyKeys.positionRequirements(positionId), saved);
      return invalidate();
    },
  });
}

export function useImportStandards() {
  const invalidate = useInvalidateStandards();
  return useMutation({
    mutationFn: (file: File) => api.upload<StandardsImportResult>('/competency-standards/import', file, file.name),
    onSuccess: invalidate,
  });
}

export function exportStandards() {
  return saveDownload('/competency-standards/export', undefined, 'standar-kompetensi.csv');
}

// ------------------------------------------------------------------ reports

export function useHeatmap(params: HeatmapParams) {
  return useQuery({
    queryKey: competencyKeys.heatmap(params),
    queryFn: ({ signal }) => api.get<Heatmap>('/competency-reports/heatmap', { ...params }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function exportHeatmap(params: HeatmapParams, format: ReportFormat) {
  return saveDownload('/competency-reports/heatmap/export', { ...params, format }, `peta-kompetensi.${format}`);
}

export function useGapList(params: GapListParams) {
  return useQuery({
    queryKey: competencyKeys.gaps(params),
    queryFn: ({ signal }) => api.get<Page<GapListItem>>('/competency-reports/gaps', { ...params }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function exportGaps(params: Pick<GapListParams, 'orgUnitId'>, format: ReportFormat) {
  return saveDownload('/competency-reports/gaps/export', { ...params, format }, `kesenjangan-kompetensi.${format}`);
}

// ------------------------------------------------------------------ profiles and evidence

export function useUserCompetencies(userId: string | undefined) {
  return useQuery({
    queryKey: competencyKeys.userProfile(userId ?? ''),
    queryFn: ({ signal }) => api.get<CompetencyProfile>(`/users/${userId}/competencies`, undefined, { signal }),
    enabled: !!userId,
  });
}

/** Evidence changes the user's profile and every report that counts them. */
export function useRecordEvidence(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordEvidence) => api.post<Evidence>(`/users/${userId}/competency-evidence`, body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: competencyKeys.userProfile(userId) }),
        queryClient.invalidateQueries({ queryKey: competencyKeys.reports }),
      ]),
  });
}

/** The attachment of a piece of evidence (its learner or an admin). */
export function downloadEvidenceFile(evidence: Pick<Evidence, 'id' | 'file'>) {
  return saveDownload(`/competency-evidence/${evidence.id}/file`, undefined, evidence.file?.fileName ?? 'bukti');
}
