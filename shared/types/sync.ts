export type SyncPhase =
  | 'connecting'
  | 'companies'
  | 'masters'
  | 'counting'
  | 'vouchers'
  | 'deletions'
  | 'renumbering'
  | 'stock'
  | 'storing'
  | 'importing'
  | 'done'
  | 'failed'
  | 'cancelled';

export interface SyncProgress {
  /** Identifies one sync run. */
  runId: string;
  companyGuid: string | null;
  companyName: string | null;
  phase: SyncPhase;
  done: number;
  total: number | null;
  /** Items per second over the current phase. */
  rate: number | null;
  /** Seconds left, estimated from the rate; null when unknown. */
  etaSeconds: number | null;
  message: string;
}

export interface SyncResult {
  runId: string;
  companyGuid: string;
  companyName: string;
  kind: 'full' | 'incremental' | 'unchanged' | 'import';
  vouchersWritten: number;
  vouchersDeleted: number;
  mastersWritten: number;
  tookMs: number;
}

export interface TallyConnectionInfo {
  host: string;
  port: number;
  reachable: boolean;
  /** Plain-words outcome: "Connected; 2 companies open" or the error. */
  message: string;
  companies: { guid: string; name: string }[];
}
