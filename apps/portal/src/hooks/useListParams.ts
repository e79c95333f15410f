import { useSearchParams } from 'react-router';

export type ParamChanges = Record<string, string | undefined>;

/**
 * A list page's state kept in the URL (so it can be shared and survives a reload): the search
 * `q`, the `page` (1 and up) and any filters the page reads from `params`.
 */
export function useListParams() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);

  // Functional update: a late debounced search must not undo a navigation made meanwhile.
  const update = (changes: ParamChanges) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(changes)) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      return next;
    });
  /** Sets one filter (empty removes it) and goes back to the first page. */
  const setFilter = (key: string, value: string | null | undefined) => update({ [key]: value || undefined, page: undefined });
  /** Drops the search and every filter. */
  const clear = () => setParams(new URLSearchParams());

  return { params, setParams, q, page, update, setFilter, clear };
}
