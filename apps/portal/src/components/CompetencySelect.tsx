import { Select, type SelectProps } from '@mantine/core';
import type { CompetencyKind, CompetencyRef } from '@cakap/contracts';
import { useCompetencyList } from '../api/competencies';
import { useRemoteSelect } from '../hooks/useRemoteSelect';

const labelOf = (c: CompetencyRef) => `${c.code} ${c.name} · ${c.frameworkName}`;

interface Props extends Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange' | 'filter'> {
  value: string | null;
  /** The chosen competency comes along: callers need its `maxLevel` to bound a level. */
  onChange: (id: string | null, competency: CompetencyRef | null) => void;
  selected?: CompetencyRef | null;
  /** Only competencies of this kind (e.g. teknis). */
  kind?: CompetencyKind;
}

/**
 * Picks an assessable competency (with levels, of a published framework) by searching the api:
 * a dictionary may hold hundreds of technical competencies.
 */
export function CompetencySelect({ value, onChange, selected, kind, ...rest }: Props) {
  const select = useRemoteSelect<CompetencyRef>({
    value,
    onChange,
    selected,
    labelOf,
    useSearch: (q, enabled) => useCompetencyList({ q, kind, pageSize: 20 }, enabled),
  });
  return <Select searchable clearable {...rest} {...select} />;
}
