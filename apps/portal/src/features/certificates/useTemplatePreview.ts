import { useEffect, useRef, useState } from 'react';
import type { TemplatePreview } from '@cakap/contracts';
import { fetchTemplatePreview } from '../../api/certificates';

export interface PreviewState {
  /** An object URL of the latest sample PDF (revoked when replaced). */
  url: string | null;
  loading: boolean;
  error: unknown;
}

/**
 * The live preview: the sample PDF of what is on screen, asked again ~600 ms after the admin
 * stops typing. A newer request aborts the one in flight, so an old answer never replaces a
 * newer one.
 */
export function useTemplatePreview(input: TemplatePreview | null, delayMs = 600): PreviewState {
  const [state, setState] = useState<PreviewState>({ url: null, loading: false, error: null });
  const key = input ? JSON.stringify(input) : '';
  const urlRef = useRef<string | null>(null);

  useEffect(() => {
    if (!key) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setState((s) => ({ ...s, loading: true }));
      fetchTemplatePreview(JSON.parse(key) as TemplatePreview, controller.signal).then(
        (blob) => {
          if (urlRef.current) URL.revokeObjectURL(urlRef.current);
          urlRef.current = URL.createObjectURL(blob.type ? blob : new Blob([blob], { type: 'application/pdf' }));
          setState({ url: urlRef.current, loading: false, error: null });
        },
        (error: unknown) => {
          if (controller.signal.aborted) return;
          setState((s) => ({ ...s, loading: false, error }));
        },
      );
    }, delayMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [key, delayMs]);

  useEffect(
    () => () => {
      if (urlRef.current) URL.revokeObjectURL(urlRef.current);
    },
    [],
  );
  return state;
}
