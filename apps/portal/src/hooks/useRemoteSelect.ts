import { useEffect, useMemo, useState } from 'react';
import type { SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';

interface Found<T> {
  data?: { items: T[] };
  isFetching: boolean;
}

interface Options<T extends { id: string }> {
  value: string | null;
  /** The chosen id, and its item for callers that need more than the id. */
  onChange: (id: string | null, item: T | null) => void;
  /** The item behind `value` when it is known already. */
  selected?: T | null;
  /** The option's text; keep it stable (module-level or useCallback): the options are memoised on it. */
  labelOf: (item: T) => string;
  /** Searches the api: `q` (debounced), `enabled` once the list is wanted. */
  useSearch: (q: string | undefined, enabled: boolean) => Found<T>;
  /** Loads one item by id (null: nothing to load), to name a `value` that came without its item. */
  useLookup?: (id: string | null) => { data?: T };
  /** An item that cannot be chosen. */
  excludeId?: string;
}

const noLookup = () => ({ data: undefined });

/**
 * A Select that searches the api as the user types (there may be hundreds of choices): the
 * props to spread on a Mantine Select (after its own, e.g. `searchable clearable {...rest}`). The chosen item stays among the options while the
 * search shows others.
 */
export function useRemoteSelect<T extends { id: string }>({
  value,
  onChange,
  selected,
  labelOf,
  useSearch,
  useLookup = noLookup,
  excludeId,
}: Options<T>) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  // Ask the api only once the list is wanted (a page may hold several of these).
  const [wanted, setWanted] = useState(false);
  const [chosen, setChosen] = useState<T | null>(selected ?? null);
  useEffect(() => {
    if (selected) setChosen(selected);
  }, [selected]);
  // Load the chosen item when only its id is known (e.g. from the URL).
  const needsLookup = !!value && (!chosen || chosen.id !== value);
  const lookup = useLookup(needsLookup ? value : null);
  useEffect(() => {
    if (lookup.data) setChosen(lookup.data);
  }, [lookup.data]);

  // The search box shows the chosen label after a pick: that is not a query.
  const query = chosen && search === labelOf(chosen) ? '' : search;
  const [debounced] = useDebouncedValue(query, 250);
  const { data, isFetching } = useSearch(debounced || undefined, wanted);

  const options = useMemo(() => {
    const items: T[] = [...(data?.items ?? [])];
    if (chosen && chosen.id === value && !items.some((i) => i.id === chosen.id)) items.unshift(chosen);
    return items.filter((i) => i.id !== excludeId).map((i) => ({ value: i.id, label: labelOf(i) }));
  }, [data, chosen, value, excludeId, labelOf]);

  return {
    data: options,
    value,
    filter: ({ options: o }) => o,
    searchValue: search,
    onSearchChange: (v: string) => {
      setSearch(v);
      if (v) setWanted(true);
    },
    onDropdownOpen: () => setWanted(true),
    nothingFoundMessage: isFetching ? t('app.loading') : t('common.nothingFound'),
    onChange: (id: string | null) => {
      const item = [...(data?.items ?? []), ...(chosen ? [chosen] : [])].find((i) => i.id === id) ?? null;
      setChosen(item);
      onChange(id, item);
    },
    comboboxProps: { withinPortal: true },
    clearButtonProps: { 'aria-label': t('common.clear') },
  } satisfies SelectProps;
}
