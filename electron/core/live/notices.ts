import type Database from 'better-sqlite3';
import type { IsoDate } from '../../../shared/dates';
import type { LiveNotice, LiveNotificationSettings } from '../../../shared/types/live';
import { OVERDUE_ON_AS_ON_SQL } from '../reports/due';

/** The highest voucher row of a company: vouchers a later sync adds get higher ones. */
export function voucherHighWater(db: Database.Database, companyGuid: string): number {
  const row = db
    .prepare(
      `SELECT coalesce(max(v.id), 0) AS id FROM vouchers v JOIN companies c ON c.id = v.company_id WHERE c.guid = ?`,
    )
    .get(companyGuid) as { id: number };
  return row.id;
}

interface NewVoucher {
  companyId: number;
  companyName: string;
  id: number;
  guid: string;
  voucherType: string;
  baseType: string;
  voucherNumber: string;
  date: string;
  party: string;
  amount: number;
}

/**
 * What of the vouchers a live sync added is worth a notice, by the user's choice (both off by default):
 * a receipt from a party that still has overdue bills on `today` (the rule of reports/due.ts), and a
 * payment of at least the chosen amount. Only vouchers that post (not cancelled, optional or off the
 * books) count; the amount is the voucher's total (its debit side).
 */
export function findNotices(
  db: Database.Database,
  companyGuid: string,
  afterId: number,
  settings: LiveNotificationSettings,
  today: IsoDate,
): LiveNotice[] {
  const wantReceipts = settings.receiptsFromOverdueParties;
  const paymentFloor = settings.paymentsAbovePaise;
  if (!wantReceipts && paymentFloor <= 0) return [];
  const added = db
    .prepare(
      `SELECT c.id AS companyId, c.name AS companyName, v.id AS id, v.guid AS guid, v.voucher_type AS voucherType,
              v.base_type AS baseType, v.voucher_number AS voucherNumber, v.date AS date, v.party_name AS party,
              (SELECT coalesce(sum(e.amount), 0) FROM entries e WHERE e.voucher_id = v.id AND e.amount > 0) AS amount
       FROM vouchers v JOIN companies c ON c.id = v.company_id
       WHERE c.guid = ? AND v.id > ? AND v.base_type IN ('Receipt', 'Payment') AND v.party_name IS NOT NULL
         AND v.off_books IS NULL AND v.is_cancelled = 0 AND v.is_optional = 0
       ORDER BY v.id`,
    )
    .all(companyGuid, afterId) as NewVoucher[];
  const overdueOf = db.prepare(
    `SELECT coalesce(sum(b.amount), 0) AS overdue FROM bill_totals b
     JOIN ledgers l ON l.company_id = b.company_id AND l.guid = b.ledger_guid
     WHERE b.company_id = @company AND l.name = @party AND b.amount > 0 AND ${OVERDUE_ON_AS_ON_SQL}`,
  );
  const notices: LiveNotice[] = [];
  for (const v of added) {
    const base = {
      companyGuid,
      companyName: v.companyName,
      voucherGuid: v.guid,
      voucherType: v.voucherType,
      voucherNumber: v.voucherNumber,
      date: v.date,
      party: v.party,
      amount: v.amount,
    };
    if (v.baseType === 'Receipt' && wantReceipts) {
      const { overdue } = overdueOf.get({ company: v.companyId, party: v.party, asOn: today }) as {
        overdue: number;
      };
      if (overdue > 0) notices.push({ ...base, kind: 'receipt-from-overdue-party', overdue });
    } else if (v.baseType === 'Payment' && paymentFloor > 0 && v.amount >= paymentFloor) {
      notices.push({ ...base, kind: 'large-payment', overdue: null });
    }
  }
  return notices;
}
