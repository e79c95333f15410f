import type { ReactNode } from 'react';
import { Skeleton, Stack } from '@mantine/core';
import { ErrorAlert } from './ErrorAlert';

interface Props {
  /** The list's query (TanStack Query result). */
  query: { error: unknown; isPending: boolean; refetch: () => unknown };
  /** Nothing to show (and no error). */
  isEmpty: boolean;
  /** Shown while the first page loads; by default `skeletonRows` bars `skeletonHeight` high. */
  skeleton?: ReactNode;
  skeletonRows?: number;
  skeletonHeight?: number;
  /** Shown when the list is empty, typically an EmptyBlock. */
  empty: ReactNode;
  /** The list itself (a table and its pager, cards…). */
  children: ReactNode;
}

/** The states of a fetched list: an error alert with retry, a loading skeleton, the empty state or the list. */
export function ListState({ query, isEmpty, skeleton, skeletonRows = 3, skeletonHeight = 36, empty, children }: Props) {
  return (
    <>
      {query.error ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isPending
        ? (skeleton ?? (
            <Stack gap="xs" aria-busy="true">
              {Array.from({ length: skeletonRows }, (_, i) => (
                <Skeleton key={i} height={skeletonHeight} />
              ))}
            </Stack>
          ))
        : isEmpty && !query.error
          ? empty
          : children}
    </>
  );
}
