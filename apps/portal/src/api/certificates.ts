import { useEffect, useRef, useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Batch,
  BatchItem,
  BatchListQuery,
  BatchProgress,
  Certificate,
  CertificateListQuery,
  CertificateTemplate,
  CreateBatch,
  Page,
  TemplateInput,
  TemplatePatch,
  TemplatePreview,
  TemplateType,
  Verification,
} from '@cakap/contracts';
import { currentLang } from '../i18n';
import { problemFromResponse } from './client';
import { saveDownload } from './download';
import { api } from './index';
import { readSse } from './sse';

/** Certificates (issue 7): templates, batches and their live progress, certificates, verification. */
export const certificateKeys = {
  types: ['certificate-template-types'] as const,
  templates: ['certificate-templates'] as const,
  templateList: (p: object) => ['certificate-templates', 'list', p] as const,
  template: (id: string) => ['certificate-templates', 'one', id] as const,
  batches: ['certificate-batches'] as const,
  batchList: (p: object) => ['certificate-batches', 'list', p] as const,
  batch: (id: string) => ['certificate-batches', 'one', id] as const,
  batchItems: (id: string, p: object) => ['certificate-batches', 'items', id, p] as const,
  certificates: ['certificates'] as const,
  certificateList: (p: object) => ['certificates', 'list', p] as const,
  certificate: (id: string) => ['certificates', 'one', id] as const,
  mine: (page: number) => ['certificates', 'mine', page] as const,
  verification: (code: string) => ['verification', code] as const,
};

// ---------------------------------------------------------------- templates

export function useTemplateTypes() {
  return useQuery({
    queryKey: certificateKeys.types,
    queryFn: ({ signal }) => api.get<TemplateType[]>('/certificate-template-types', undefined, { signal }),
    staleTime: Infinity,
  });
}

export interface TemplateListParams {
  page?: number;
  pageSize?: number;
  q?: string;
  archived?: boolean;
}

export function useTemplates(params: TemplateListParams, enabled = true) {
  return useQuery({
    queryKey: certificateKeys.templateList(params),
    queryFn: ({ signal }) => api.get<Page<CertificateTemplate>>('/certificate-templates', { ...params }, { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useTemplate(id: string | undefined) {
  return useQuery({
    queryKey: certificateKeys.template(id ?? ''),
    queryFn: ({ signal }) => api.get<CertificateTemplate>(`/certificate-templates/${id}`, undefined, { signal }),
    enabled: !!id,
  });
}

export function useSaveTemplate(id: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TemplateInput | TemplatePatch) =>
      id
        ? api.patch<CertificateTemplate>(`/certificate-templates/${id}`, body)
        : api.post<CertificateTemplate>('/certificate-templates', body),
    onSuccess: (saved) => {
      queryClient.setQueryData(certificateKeys.template(saved.id), saved);
      // Making one template the default changes the others' flag too.
      void queryClient.invalidateQueries({ queryKey: [...certificateKeys.templates, 'list'] });
    },
  });
}

export function useDeleteTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/certificate-templates/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: certificateKeys.templates }),
  });
}

/** A sample certificate of an unsaved configuration (POST /certificate-templates/preview), as a PDF blob. */
export async function fetchTemplatePreview(body: TemplatePreview, signal?: AbortSignal): Promise<Blob> {
  const { blob } = await api.download('/certificate-templates/preview', undefined, { body, signal });
  return blob;
}

// ---------------------------------------------------------------- batches

export function useBatches(params: Partial<BatchListQuery>) {
  return useQuery({
    queryKey: certificateKeys.batchList(params),
    queryFn: ({ signal }) => api.get<Page<Batch>>('/certificate-batches', { ...params }, { signal }),
    placeholderData: keepPreviousData,
    // Keep the list fresh while a batch in it is still working.
    refetchInterval: (query) => (query.state.data?.items.some((b) => !batchFinished(b.status)) ? 3000 : false),
  });
}

export const batchFinished = (status: Batch['status'] | undefined) => status === 'completed' || status === 'failed';

export function useCreateBatch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateBatch) => api.post<{ id: string }>('/certificate-batches', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: certificateKeys.batches }),
  });
}

export function useRetryBatch(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<Batch | undefined>(`/certificate-batches/${id}/retry`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: certificateKeys.batches }),
  });
}

export interface BatchItemParams {
  page: number;
  pageSize: number;
  status?: BatchItem['status'];
  q?: string;
}

export function useBatchItems(id: string, params: BatchItemParams, refreshKey: number) {
  return useQuery({
    queryKey: [...certificateKeys.batchItems(id, params), refreshKey],
    queryFn: ({ signal }) => api.get<Page<BatchItem>>(`/certificate-batches/${id}/items`, { ...params }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function downloadBatchArchive(batch: Batch): Promise<void> {
  return saveDownload(`/certificate-batches/${batch.id}/archive`, undefined, `sertifikat-${batch.id.slice(0, 8)}.zip`);
}

/** Thrown when the event stream answered but not with events (an old server, a proxy page). */
class NotAStream extends Error {}

/**
 * Follows GET /certificate-batches/:id/events until the server ends the stream (the batch is
 * finished) or `signal` aborts. Fetch, not EventSource: it carries the Authorization header.
 * A 401 refreshes the session once. Each event's JSON is a BatchProgress.
 */
export async function followBatchEvents(id: string, onProgress: (p: BatchProgress) => void, signal: AbortSignal): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const token = api.getAccessToken();
    const res = await fetch(`/api/v1/certificate-batches/${id}/events`, {
      headers: { Accept: 'text/event-stream', 'Accept-Language': currentLang(), ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      signal,
    });
    if (res.status === 401 && attempt === 0) {
      await api.refresh();
      continue;
    }
    if (!res.ok) throw await problemFromResponse(res, currentLang());
    if (!res.body || !(res.headers.get('Content-Type') ?? '').includes('text/event-stream')) throw new NotAStream();
    for await (const e of readSse(res.body)) {
      try {
        const data = JSON.parse(e.data) as BatchProgress;
        if (data && typeof data.total === 'number') onProgress(data);
      } catch {
        // Not progress (a keep-alive with data, a future event kind): nothing to show.
      }
    }
    return;
  }
}

/** Waits between reconnections: 1, 2, 4, 8 s, then 15 s. */
export const reconnectDelay = (failures: number) => Math.min(15_000, 1000 * 2 ** Math.max(0, failures - 1));

/**
 * One batch, live: the server's event stream updates the cached batch as it comes; when the
 * stream is down (reconnecting with back-off) the batch is polled every 3 s instead, so a
 * proxy that buffers or cuts streams only makes the page slower, never stuck.
 */
export function useLiveBatch(id: string | undefined) {
  const queryClient = useQueryClient();
  const [streaming, setStreaming] = useState(false);
  const query = useQuery({
    queryKey: certificateKeys.batch(id ?? ''),
    queryFn: ({ signal }) => api.get<Batch>(`/certificate-batches/${id}`, undefined, { signal }),
    enabled: !!id,
    refetchInterval: (q) => (streaming || batchFinished(q.state.data?.status) ? false : 3000),
    refetchIntervalInBackground: true,
  });
  const finished = batchFinished(query.data?.status);
  const loaded = !!query.data;

  // The last event only carries the counters: once finished, read the whole record (finishedAt)
  // and refresh the list. Only on the change, not for a batch that was finished when opened.
  const wasRunning = useRef(false);
  useEffect(() => {
    if (loaded && !finished) wasRunning.current = true;
    if (finished && wasRunning.current) {
      wasRunning.current = false;
      void queryClient.invalidateQueries({ queryKey: certificateKeys.batches });
    }
  }, [loaded, finished, queryClient]);

  useEffect(() => {
    if (!id || !loaded || finished) return;
    const controller = new AbortController();
    let failures = 0;
    const run = async () => {
      while (!controller.signal.aborted) {
        try {
          await followBatchEvents(
            id,
            (p) => {
              failures = 0;
              setStreaming(true);
              queryClient.setQueryData<Batch>(certificateKeys.batch(id), (old) => (old ? { ...old, ...p } : old));
            },
            controller.signal,
          );
          // The server ends the stream when the batch is finished; ended early (a proxy's
          // timeout, a restart): reconnect.
          setStreaming(false);
          if (batchFinished(queryClient.getQueryData<Batch>(certificateKeys.batch(id))?.status)) return;
          failures++;
        } catch (e) {
          if (controller.signal.aborted) return;
          setStreaming(false);
          if (e instanceof NotAStream) return; // polling carries on alone
          failures++;
        }
        await new Promise((r) => setTimeout(r, reconnectDelay(failures)));
      }
    };
    void run();
    return () => {
      controller.abort();
      setStreaming(false);
    };
  }, [id, loaded, finished, queryClient]);

  return { ...query, streaming };
}

// ---------------------------------------------------------------- certificates

export function useMyCertificates(page: number) {
  return useQuery({
    queryKey: certificateKeys.mine(page),
    queryFn: ({ signal }) => api.get<Page<Certificate>>('/me/certificates', { page, pageSize: 20 }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCertificates(params: Partial<CertificateListQuery>) {
  return useQuery({
    queryKey: certificateKeys.certificateList(params),
    queryFn: ({ signal }) => api.get<Page<Certificate>>('/certificates', { ...params }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCertificate(id: string | undefined) {
  return useQuery({
    queryKey: certificateKeys.certificate(id ?? ''),
    queryFn: ({ signal }) => api.get<Certificate>(`/certificates/${id}`, undefined, { signal }),
    enabled: !!id,
  });
}

/** Revoke or reissue, with the admin's reason; answers the certificate to show next. */
export function useCertificateAction(id: string, action: 'revoke' | 'reissue') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) => api.post<Certificate>(`/certificates/${id}/${action}`, { reason }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: certificateKeys.certificates }),
  });
}

export function downloadCertificatePdf(c: Pick<Certificate, 'id' | 'number'>): Promise<void> {
  return saveDownload(`/certificates/${c.id}/pdf`, undefined, `${c.number.replace(/[^\w.-]+/g, '-')}.pdf`);
}

export function exportCertificates(format: 'csv' | 'xlsx', filters: Partial<CertificateListQuery>): Promise<void> {
  const { page: _page, pageSize: _size, ...rest } = filters;
  return saveDownload('/certificates/export', { ...rest, format }, `sertifikat-siasn.${format}`);
}

/** The public verification URL of a certificate (its QR target). */
export const verificationUrl = (code: string) => `${window.location.origin}/verify/${encodeURIComponent(code)}`;

// ---------------------------------------------------------------- public verification

/** GET /verify/:code: public, so it is asked without the session (a visitor has none). */
export function useVerification(code: string | undefined) {
  return useQuery({
    queryKey: certificateKeys.verification(code ?? ''),
    queryFn: ({ signal }) => api.get<Verification>(`/verify/${encodeURIComponent(code ?? '')}`, undefined, { signal, auth: false }),
    enabled: !!code,
    retry: (count, e) => count < 2 && !(e && typeof e === 'object' && 'status' in e && (e.status === 404 || e.status === 429)),
  });
}
