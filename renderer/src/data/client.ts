import { useEffect } from 'react';
import {
  QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
  type UseQueryOptions,
} from '@tanstack/react-query';
import type {
  AppEventName,
  AppEvents,
  Bridge,
  InputOf,
  OperationName,
  OutputOf,
} from '../../../shared/contract';
import type { ErrorInfo } from '../../../shared/errors';
import { useBridge } from '../bridge/context';

/** An error envelope turned into something TanStack Query can hold. */
export class OperationError extends Error {
  constructor(readonly info: ErrorInfo) {
    super(info.message);
    this.name = 'OperationError';
  }
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Reports come from the cache or SQLite in milliseconds; refetch on events, not on focus.
        refetchOnWindowFocus: false,
        staleTime: 30_000,
        retry: (count, error) => !(error instanceof OperationError) && count < 1,
      },
    },
  });
}

export function queryKeyOf<N extends OperationName>(operation: N, input: InputOf<N>): readonly unknown[] {
  return [operation, input];
}

/** The query of one contract operation (its key and how to fetch it), for useQuery or fetchQuery. */
export function operationQuery<N extends OperationName>(bridge: Bridge, operation: N, input: InputOf<N>) {
  return {
    queryKey: queryKeyOf(operation, input),
    queryFn: async (): Promise<OutputOf<N>> => {
      const envelope = await bridge.invoke(operation, input);
      if (!envelope.ok) throw new OperationError(envelope.error);
      return envelope.data;
    },
  };
}

/** One contract operation as a query; error envelopes become OperationError. */
export function useOperation<N extends OperationName>(
  operation: N,
  input: InputOf<N>,
  options: { enabled?: boolean } & Pick<
    UseQueryOptions<OutputOf<N>, OperationError>,
    'placeholderData' | 'staleTime'
  > = {},
) {
  const bridge = useBridge();
  return useQuery<OutputOf<N>, OperationError>({ ...operationQuery(bridge, operation, input), ...options });
}

/** One contract operation as a mutation (sync, clear cache, save settings). */
export function useOperationMutation<N extends OperationName>(operation: N) {
  const bridge = useBridge();
  return useMutation<OutputOf<N>, OperationError, InputOf<N>>({
    mutationFn: async (input) => {
      const envelope = await bridge.invoke(operation, input);
      if (!envelope.ok) throw new OperationError(envelope.error);
      return envelope.data;
    },
  });
}

/** Listens to one app event while the component is mounted. */
export function useAppEvent<E extends AppEventName>(
  event: E,
  listener: (payload: AppEvents[E]) => void,
): void {
  const bridge = useBridge();
  useEffect(() => bridge.subscribe(event, listener), [bridge, event, listener]);
}

const REPORT_OPERATIONS: OperationName[] = [
  'companies.list',
  'dashboard.get',
  'ledgers.search',
  'ledger.statement',
  'outstanding.get',
  'bill.history',
  'trialBalance.get',
  'profitLoss.get',
  'balanceSheet.get',
  'groupSummary.get',
  'ledgerMonthly.get',
  'dayBook.get',
  'voucher.get',
  'stockSummary.get',
  'stockItem.movements',
  'trialBalance.compare',
  'profitLoss.compare',
  'balanceSheet.compare',
  'groupSummary.compare',
  'register.summary',
  'register.vouchers',
  // The company's letterhead on printed pages and in workbooks changes with its master in Tally.
  'company.profile',
];

/** Refreshes open screens when the books or the cache change anywhere (sync, import, another tab). */
export function useLiveRefresh(): void {
  const bridge = useBridge();
  const client = useQueryClient();
  useEffect(() => {
    const refreshReports = () => {
      // A refetch already under way (started by books.changed after the commit) is not restarted.
      for (const op of REPORT_OPERATIONS)
        void client.invalidateQueries({ queryKey: [op] }, { cancelRefetch: false });
    };
    // Only the changed company's reports (and the company list): the data on screen stays while the
    // new answer is fetched in the background, so the period, scroll and selection stay as they are.
    const refreshCompany = (companyGuid: string) => {
      void client.invalidateQueries({
        predicate: (query) => {
          const [op, input] = query.queryKey as [unknown, { companyGuid?: unknown } | undefined];
          if (!REPORT_OPERATIONS.includes(op as OperationName)) return false;
          return input?.companyGuid === undefined || input.companyGuid === companyGuid;
        },
      });
    };
    const refreshCache = () => {
      void client.invalidateQueries({ queryKey: ['cache.status'] });
      void client.invalidateQueries({ queryKey: ['cache.keys'] });
    };
    const offs = [
      bridge.subscribe('books.changed', (event) => {
        refreshCompany(event.companyGuid);
        refreshCache();
      }),
      bridge.subscribe('sync.finished', refreshReports),
      bridge.subscribe('sync.failed', () => void client.invalidateQueries({ queryKey: ['companies.list'] })),
      bridge.subscribe('cache.cleared', refreshCache),
      bridge.subscribe('cache.status', refreshCache),
    ];
    return () => offs.forEach((off) => off());
  }, [bridge, client]);
}
