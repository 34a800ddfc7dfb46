import type { Store } from '../db/store';
import type { VoucherRecord } from '../db/records';
import { generateDemoCompany, type DemoCompany, type DemoOptions } from './generator';

/** Vouchers per putVouchers call: big enough to amortise call overhead, small enough to stay lean. */
const BATCH = 2_000;

export interface DemoLoadResult {
  companyGuid: string;
  dataVersion: number;
  vouchers: number;
}

/** Writes a demo company (all or nothing) into the store, replacing an earlier load of the same seed. */
export function writeDemoCompany(store: Store, demo: DemoCompany): DemoLoadResult {
  const writer = store.beginCompanyWrite(demo.company, 'replace');
  try {
    writer.putGroups(demo.groups);
    writer.putVoucherTypes(demo.voucherTypes);
    writer.putLedgers(demo.ledgers);
    writer.putStockGroups(demo.stockGroups);
    writer.putUnits(demo.units);
    writer.putGodowns(demo.godowns);
    writer.putStockItems(demo.stockItems);
    let batch: VoucherRecord[] = [];
    let count = 0;
    for (const voucher of demo.vouchers()) {
      batch.push(voucher);
      if (batch.length === BATCH) {
        writer.putVouchers(batch);
        count += batch.length;
        batch = [];
      }
    }
    writer.putVouchers(batch);
    count += batch.length;
    const { dataVersion } = writer.commit(demo.company);
    return { companyGuid: demo.company.guid, dataVersion, vouchers: count };
  } catch (error) {
    writer.rollback();
    throw error;
  }
}

export function loadDemoCompany(store: Store, options: DemoOptions): DemoLoadResult {
  return writeDemoCompany(store, generateDemoCompany(options));
}
