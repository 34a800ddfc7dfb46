import type { ReactNode } from 'react';
import { Empty, ErrorState, Loading } from './States';

/** The parts of a TanStack Query result that QueryState reads. */
export interface QueryLike<D> {
  isPending: boolean;
  isError: boolean;
  error: Error | null;
  data: D | undefined;
  refetch: () => unknown;
}

/**
 * The loading / error / empty / data switch every report repeats: a spinner while the first answer
 * is on its way, the error's message with "Try again", an empty note when `isEmpty` says there is
 * nothing to show, otherwise `children` with the data.
 */
export function QueryState<D>({
  query,
  isEmpty,
  empty,
  children,
}: {
  query: QueryLike<D>;
  /** Says whether the answer has nothing to show; `empty` is shown instead. */
  isEmpty?: (data: D) => boolean;
  empty?: ReactNode;
  children: (data: D) => ReactNode;
}) {
  if (query.isPending) return <Loading />;
  if (query.isError && query.error)
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data === undefined) return null;
  if (isEmpty?.(query.data)) return <Empty>{empty}</Empty>;
  return <>{children(query.data)}</>;
}
