import { useEffect, useMemo, useState } from 'react';
import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { OrgUnitRef } from '@cakap/contracts';
import { useOrgUnit, useOrgUnits } from '../api/org-units';

const labelOf = (u: OrgUnitRef) => `${u.name} (${u.code})`;

interface Props extends Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange' | 'filter'> {
  value: string | null;
  onChange: (id: string | null) => void;
  /** The unit behind `value` when it is known already (saves a request). */
  selected?: OrgUnitRef | null;
  /** A unit that cannot be chosen (the unit itself, as its own parent). */
  excludeId?: string;
}

/** Picks an org unit by searching the api (there may be hundreds). */
export function OrgUnitSelect({ value, onChange, selected, excludeId, ...rest }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  // Ask the api only once the list is wanted (a page may hold several of these).
  const [wanted, setWanted] = useState(false);
  const [chosen, setChosen] = useState<OrgUnitRef | null>(selected ?? null);
  useEffect(() => {
    if (selected) setChosen(selected);
  }, [selected]);
  // Load the chosen unit's name when only its id is known (e.g. from the URL).
  const needsLookup = !!value && (!chosen || chosen.id !== value);
  const lookup = useOrgUnit(needsLookup ? value : null);
  useEffect(() => {
    if (lookup.data) setChosen(lookup.data);
  }, [lookup.data]);

  // The search box shows the chosen label after a pick: that is not a query.
  const query = chosen && search === labelOf(chosen) ? '' : search;
  const [debounced] = useDebouncedValue(query, 250);
  const { data, isFetching } = useOrgUnits({ q: debounced || undefined, pageSize: 20 }, wanted);

  const options = useMemo(() => {
    const items: OrgUnitRef[] = [...(data?.items ?? [])];
    if (chosen && chosen.id === value && !items.some((u) => u.id === chosen.id)) items.unshift(chosen);
    return items.filter((u) => u.id !== excludeId).map((u) => ({ value: u.id, label: labelOf(u) }));
  }, [data, chosen, value, excludeId]);

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
        const unit = [...(data?.items ?? []), ...(chosen ? [chosen] : [])].find((u) => u.id === id) ?? null;
        setChosen(unit);
        onChange(id);
      }}
      comboboxProps={{ withinPortal: true }}
      clearButtonProps={{ 'aria-label': t('common.clear') }}
    />
  );
}
