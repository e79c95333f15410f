import { useCallback } from 'react';
import { Select, type SelectProps } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { formatNip, type Page, type User } from '@cakap/contracts';
import { api } from '../../api';
import { useRemoteSelect } from '../../hooks/useRemoteSelect';

type Person = { id: string; nip: string; name: string };

/** The users list searched by NIP or name, only once the picker is opened or typed in. */
const useSearch = (q: string | undefined, enabled: boolean) =>
  useQuery({
    queryKey: ['users', 'list', { q, pageSize: 20, active: true }],
    queryFn: ({ signal }) => api.get<Page<User>>('/users', { q, pageSize: 20, active: true }, { signal }),
    enabled,
  });

interface Props extends Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange' | 'filter'> {
  value: string | null;
  onChange: (id: string | null) => void;
  selected?: Person | null;
  /** The employee being edited: never their own superior. */
  userId?: string;
}

/** Picks a user's direct superior ("Atasan langsung") by NIP or name. */
export function SupervisorSelect({ value, onChange, selected, userId, ...rest }: Props) {
  const labelOf = useCallback((p: Person) => `${p.name} · ${formatNip(p.nip)}`, []);
  const select = useRemoteSelect<Person>({ value, onChange, selected, labelOf, useSearch, excludeId: userId });
  return <Select searchable clearable {...rest} {...select} />;
}
