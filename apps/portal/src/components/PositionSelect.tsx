import { useCallback } from 'react';
import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PositionRef } from '@cakap/contracts';
import { usePositions } from '../api/positions';
import { useRemoteSelect } from '../hooks/useRemoteSelect';

const useSearch = (q: string | undefined, enabled: boolean) => usePositions({ q, pageSize: 20 }, enabled);

interface Props extends Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange' | 'filter'> {
  value: string | null;
  onChange: (id: string | null) => void;
  selected?: PositionRef | null;
}

/** Picks a position by searching the api. */
export function PositionSelect({ value, onChange, selected, ...rest }: Props) {
  const { t } = useTranslation();
  const labelOf = useCallback((p: PositionRef) => `${p.name} · ${t(`positionKind.${p.kind}`)}`, [t]);
  const select = useRemoteSelect<PositionRef>({ value, onChange, selected, labelOf, useSearch });
  return <Select searchable clearable {...rest} {...select} />;
}
