import type { IsoDate } from '../../shared/dates';
import type {
  CompanyProfileRecord,
  GodownRecord,
  GroupRecord,
  LedgerRecord,
  StockGroupRecord,
  StockItemRecord,
  UnitRecord,
  VoucherRecord,
  VoucherTypeRecord,
} from '../../electron/core/db/records';

/**
 * What the simulator serves: a company in the app's convention, vouchers streamed in date order
 * (the demo generator's shape, so any size can be served without holding it in memory).
 */
export interface SimSource {
  company: { guid: string; name: string; booksFrom: IsoDate | null; profile?: CompanyProfileRecord };
  groups: readonly GroupRecord[];
  ledgers: readonly LedgerRecord[];
  voucherTypes: readonly VoucherTypeRecord[];
  /** Inventory masters; absent for a company without inventory. */
  stockGroups?: readonly StockGroupRecord[];
  units?: readonly UnitRecord[];
  godowns?: readonly GodownRecord[];
  stockItems?: readonly StockItemRecord[];
  /** Each call starts a fresh pass, in date order. */
  vouchers(): Iterable<VoucherRecord>;
}
