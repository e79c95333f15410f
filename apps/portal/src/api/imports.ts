import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page, UserImport } from '@cakap/contracts';
import { saveDownload } from './download';
import { api } from './index';

export const importKeys = {
  all: ['user-imports'] as const,
  list: (page: number) => ['user-imports', 'list', page] as const,
  one: (id: string) => ['user-imports', 'one', id] as const,
};

const finished = (status: UserImport['status'] | undefined) => status === 'completed' || status === 'failed';

export function useImports(page: number) {
  return useQuery({
    queryKey: importKeys.list(page),
    queryFn: ({ signal }) => api.get<Page<UserImport>>('/users/imports', { page, pageSize: 10 }, { signal }),
    placeholderData: keepPreviousData,
    // Keep the history fresh while something in it is still running.
    refetchInterval: (query) => (query.state.data?.items.some((i) => !finished(i.status)) ? 3000 : false),
  });
}

/**
 * One import, polled every second until it is completed or failed. Its row errors come a page
 * at a time (`errorOffset`/`errorLimit`); `errorCount` is the total.
 */
export function useImport(id: string | undefined, errorPage = 1, errorPageSize = 20) {
  const queryClient = useQueryClient();
  const errorOffset = (errorPage - 1) * errorPageSize;
  return useQuery({
    queryKey: [...importKeys.one(id ?? ''), errorOffset, errorPageSize],
    queryFn: async ({ signal }) => {
      const data = await api.get<UserImport>(
        `/users/imports/${id}`,
        { errorOffset, errorLimit: errorPageSize },
        { signal },
      );
      if (finished(data.status)) {
        void queryClient.invalidateQueries({ queryKey: ['users'] });
        void queryClient.invalidateQueries({ queryKey: ['user-imports', 'list'] });
      }
      return data;
    },
    enabled: !!id,
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (finished(query.state.data?.status) || query.state.error ? false : 1000),
    refetchIntervalInBackground: true,
  });
}

export function useStartImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => api.upload<{ id: string }>('/users/imports', file, file.name),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: importKeys.all }),
  });
}

/** Saves the CSV template through the browser. */
export async function downloadTemplate(): Promise<void> {
  await saveDownload('/users/imports/template', undefined, 'templat-impor-asn.csv');
}
