import { useEffect, useMemo, useState } from 'react';
import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { PositionRef } from '@cakap/contracts';
import { usePositions } from '../api/positions';

interface Props extends Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange' | 'filter'> {
  value: string | null;
  onChange: (id: string | null) => void;
  selected?: PositionRef | null;
}

/** Picks a position by searching the api. */
export function PositionSelect({ value, onChange, selected, ...rest }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  // Ask the api only once the list is wanted (a page may hold several of these).
  const [wanted, setWanted] = useState(false);
  const [chosen, setChosen] = useState<PositionRef | null>(selected ?? null);
  useEffect(() => {
    if (selected) setChosen(selected);
  }, [selected]);
  const labelOf = (p: PositionRef) => `${p.name} · ${t(`positionKind.${p.kind}`)}`;
  const query = chosen && search === labelOf(chosen) ? '' : search;
  const [debounced] = useDebouncedValue(query, 250);
  const { data, isFetching } = usePositions({ q: debounced || undefined, pageSize: 20 }, wanted);

  const options = useMemo(() => {
    const items: PositionRef[] = [...(data?.items ?? [])];
    if (chosen && chosen.id === value && !items.some((p) => p.id === chosen.id)) items.unshift(chosen);
    return items.map((p) => ({ value: p.id, label: `${p.name} · ${t(`positionKind.${p.kind}`)}` }));
  }, [data, chosen, value, t]);

  return (
    <Select
      searchable
      clearable
      {...rest}
      data={options}
      value={value}
      filter={({ options: o }) => o}
      searchValue={search}
      onSearchChange={(v) => {
        setSearch(v);
        if (v) setWanted(true);
      }}
      onDropdownOpen={() => setWanted(true)}
      nothingFoundMessage={isFetching ? t('app.loading') : t('common.nothingFound')}
      onChange={(id) => {
        const p = [...(data?.items ?? []), ...(chosen ? [chosen] : [])].find((x) => x.id === id) ?? null;
        setChosen(p);
        onChange(id);
      }}
      comboboxProps={{ withinPortal: true }}
      clearButtonProps={{ 'aria-label': t('common.clear') }}
    />
  );
}
