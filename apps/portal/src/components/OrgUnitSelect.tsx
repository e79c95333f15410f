import { Select, type SelectProps } from '@mantine/core';
import type { OrgUnitRef } from '@cakap/contracts';
import { useOrgUnit, useOrgUnits } from '../api/org-units';
import { useRemoteSelect } from '../hooks/useRemoteSelect';

const labelOf = (u: OrgUnitRef) => `${u.name} (${u.code})`;
const useSearch = (q: string | undefined, enabled: boolean) => useOrgUnits({ q, pageSize: 20 }, enabled);

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
  const select = useRemoteSelect<OrgUnitRef>({ value, onChange, selected, labelOf, useSearch, useLookup: useOrgUnit, excludeId });
  return <Select searchable clearable {...rest} {...select} />;
}
