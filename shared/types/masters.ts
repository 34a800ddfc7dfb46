/** What kind of master a name list holds. */
export type MasterKind = 'ledger' | 'group' | 'stockItem' | 'stockGroup' | 'voucherType';

/** One master by name: its GUID and the group (or parent type) it stands under. */
export interface MasterName {
  guid: string;
  name: string;
  /** The parent group / stock group / base voucher type; null under Primary. */
  parent: string | null;
}

export interface MasterNames {
  companyGuid: string;
  kind: MasterKind;
  /** Every master of the kind, by name. */
  names: MasterName[];
}
