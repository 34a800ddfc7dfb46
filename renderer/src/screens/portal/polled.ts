import { useQuery } from '@tanstack/react-query';
import type { InputOf, OperationName, OutputOf } from '../../../../shared/contract';
import { useBridge } from '../../bridge/context';
import { OperationError, queryKeyOf } from '../../data/client';

/** Like useOperation, refreshed every `intervalMs` (session checks, the active-users list). */
export function usePolledOperation<N extends OperationName>(
  operation: N,
  input: InputOf<N>,
  intervalMs: number,
) {
  const bridge = useBridge();
  return useQuery<OutputOf<N>, OperationError>({
    queryKey: queryKeyOf(operation, input),
    queryFn: async () => {
      const envelope = await bridge.invoke(operation, input);
      if (!envelope.ok) throw new OperationError(envelope.error);
      return envelope.data;
    },
    refetchInterval: intervalMs,
    retry: false,
  });
}
