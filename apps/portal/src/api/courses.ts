import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CoauthorCandidate,
  CatalogCourse,
  CatalogItem,
  ContentTypeInfo,
  Course,
  CourseContent,
  CourseEvent,
  CourseStatus,
  CourseVersion,
  CourseWithContent,
  CreateCourse,
  Page,
  StoredFile,
  UpdateCourse,
} from '@cakap/contracts';
import { api } from './index';

export interface CourseListParams {
  q?: string;
  status?: CourseStatus;
  mine?: boolean;
  page?: number;
  pageSize?: number;
}

export const courseKeys = {
  all: ['courses'] as const,
  list: (p: CourseListParams) => ['courses', 'list', p] as const,
  one: (id: string) => ['courses', 'one', id] as const,
  versions: (id: string) => ['courses', 'versions', id] as const,
  events: (id: string) => ['courses', 'events', id] as const,
  contentTypes: ['content-types'] as const,
};

export function useCourses(params: CourseListParams, enabled = true) {
  return useQuery({
    queryKey: courseKeys.list(params),
    queryFn: ({ signal }) =>
      api.get<Page<Course>>('/courses', { ...params, mine: params.mine ? 'true' : undefined }, { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCourse(id: string | undefined) {
  return useQuery({
    queryKey: courseKeys.one(id ?? ''),
    queryFn: ({ signal }) => api.get<CourseWithContent>(`/courses/${id}`, undefined, { signal }),
    enabled: !!id,
    // The editor owns the draft while it is open: no refetch behind the author's back.
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

export function useCourseVersions(id: string) {
  return useQuery({
    queryKey: courseKeys.versions(id),
    queryFn: ({ signal }) => api.get<CourseVersion[] | Page<CourseVersion>>(`/courses/${id}/versions`, undefined, { signal }),
    select: listOf,
  });
}

export function useCourseEvents(id: string) {
  return useQuery({
    queryKey: courseKeys.events(id),
    queryFn: ({ signal }) => api.get<CourseEvent[] | Page<CourseEvent>>(`/courses/${id}/events`, undefined, { signal }),
    select: listOf,
  });
}

/** Lists come as arrays or pages; the screens want the items. */
export function listOf<T>(data: T[] | Page<T> | { items: T[] }): T[] {
  return Array.isArray(data) ? data : (data?.items ?? []);
}

export function useContentTypes() {
  return useQuery({
    queryKey: courseKeys.contentTypes,
    queryFn: ({ signal }) => api.get<ContentTypeInfo[] | { items: ContentTypeInfo[] }>('/content-types', undefined, { signal }),
    select: listOf,
    staleTime: 5 * 60_000,
  });
}

/** GET /catalog: published courses (every signed-in user). */
export interface CatalogParams {
  q?: string;
  category?: string;
  language?: 'id' | 'en';
  jpMin?: number;
  jpMax?: number;
  page?: number;
  pageSize?: number;
}

export const catalogKeys = {
  all: ['catalog'] as const,
  list: (p: CatalogParams) => ['catalog', 'list', p] as const,
  categories: ['catalog', 'categories'] as const,
  one: (id: string) => ['catalog', 'one', id] as const,
};

export function useCatalog(params: CatalogParams, enabled = true) {
  return useQuery({
    queryKey: catalogKeys.list(params),
    queryFn: ({ signal }) => api.get<Page<CatalogItem>>('/catalog', { ...params }, { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/**
 * The categories in use, for the catalogue's filter: taken from the first 100 published
 * courses (the api has no facet endpoint yet), sorted, fetched once per 5 minutes.
 */
export function useCatalogCategories(enabled = true) {
  return useQuery({
    queryKey: catalogKeys.categories,
    queryFn: ({ signal }) => api.get<Page<CatalogItem>>('/catalog', { pageSize: 100 }, { signal }),
    select: (data) => [...new Set(data.items.map((c) => c.category?.trim()).filter((c): c is string => !!c))].sort((a, b) => a.localeCompare(b, 'id')),
    staleTime: 5 * 60_000,
    enabled,
  });
}

/** GET /catalog/:id: a course page (the latest published version, outline without block data). */
export function useCatalogCourse(id: string | undefined) {
  return useQuery({
    queryKey: catalogKeys.one(id ?? ''),
    queryFn: ({ signal }) => api.get<CatalogCourse>(`/catalog/${id}`, undefined, { signal }),
    enabled: !!id,
  });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return (id?: string) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['courses', 'list'] }),
      id ? queryClient.invalidateQueries({ queryKey: courseKeys.one(id) }) : null,
      id ? queryClient.invalidateQueries({ queryKey: courseKeys.events(id) }) : null,
      id ? queryClient.invalidateQueries({ queryKey: courseKeys.versions(id) }) : null,
    ]);
}

export function useCreateCourse() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: CreateCourse) => api.post<Course>('/courses', body),
    onSuccess: () => invalidate(),
  });
}

/** PATCH metadata; the cached course takes the answer (the content stays as the editor has it). */
export function useUpdateCourse(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateCourse) => api.patch<CourseWithContent>(`/courses/${id}`, body),
    onSuccess: (course) => {
      // Every edit bumps the revision; the editor adopts it when the content is what it last saved.
      queryClient.setQueryData<CourseWithContent>(courseKeys.one(id), (old) =>
        old ? { ...old, ...course, content: course.content ?? old.content, fileUrls: { ...old.fileUrls, ...(course.fileUrls ?? {}) } } : old,
      );
      void queryClient.invalidateQueries({ queryKey: ['courses', 'list'] });
    },
  });
}

export function putContent(id: string, body: CourseContent & { revision: number }) {
  return api.put<Partial<CourseWithContent> & { revision: number }>(`/courses/${id}/content`, body);
}

export type CourseAction = 'submit-review' | 'withdraw' | 'publish' | 'reject' | 'archive' | 'restore';

export function useCourseAction(id: string) {
  const invalidate = useInvalidate();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, comment }: { action: CourseAction; comment?: string }) =>
      api.post<Course & { version?: number }>(`/courses/${id}/${action}`, comment !== undefined ? { comment } : {}),
    onSuccess: async (course) => {
      queryClient.setQueryData<CourseWithContent>(courseKeys.one(id), (old) =>
        old && course && typeof course === 'object' && 'status' in course ? { ...old, ...course, content: old.content, fileUrls: old.fileUrls } : old,
      );
      await invalidate(id);
    },
  });
}

/** Authors the owner (or an admin) may add; authors cannot list users, so this is their lookup. */
export function useCoauthorCandidates(id: string, q: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['courses', id, 'coauthor-candidates', q ?? ''],
    queryFn: ({ signal }) => api.get<CoauthorCandidate[]>(`/courses/${id}/coauthor-candidates`, { q }, { signal }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useAddCoauthor(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (userId: string) => api.post<Course>(`/courses/${id}/coauthors`, { userId }),
    onSuccess: () => invalidate(id),
  });
}

export function useRemoveCoauthor(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (userId: string) => api.delete(`/courses/${id}/coauthors/${userId}`),
    onSuccess: () => invalidate(id),
  });
}

/** POST /files (multipart: file, kind, courseId). */
export function uploadFile(file: File, kind: 'image' | 'video' | 'document', courseId?: string) {
  const form = new FormData();
  form.append('kind', kind);
  if (courseId) form.append('courseId', courseId);
  form.append('file', file, file.name);
  return api.post<StoredFile>('/files', form);
}
