import { AppError } from '../../../../shared/errors';
import type { VoucherRecord } from '../records';
import { isConstraintError } from '../sqlite-errors';

/** A record the write cannot take: the whole write rolls back with this error. */
export const invalid = (message: string, details?: Record<string, string | number | null>): AppError =>
  new AppError('IMPORT_INVALID', message, details);

type VoucherIdentity = Pick<VoucherRecord, 'voucherType' | 'voucherNumber' | 'date' | 'guid'>;

/** How an error names a voucher: its type, number, date and GUID. */
export function voucherLabel(v: VoucherIdentity): string {
  const number = v.voucherNumber ? ` no. ${v.voucherNumber}` : '';
  return `${v.voucherType}${number} dated ${v.date} (GUID ${v.guid})`;
}

export function voucherDetails(v: VoucherIdentity): Record<string, string> {
  return { voucherGuid: v.guid, voucherNumber: v.voucherNumber, date: v.date, voucherType: v.voucherType };
}

/**
 * Rethrows a failed insert: a constraint error (a UNIQUE key taken) as the given error, anything else
 * as it is. The error is only built when a constraint failed.
 */
export function rethrowConstraint(error: unknown, asError: () => AppError): never {
  if (isConstraintError(error)) throw asError();
  throw error;
}

/** A master whose name another master of its kind already holds (UNIQUE (company_id, name)). */
export function clash(
  error: unknown,
  kind: string,
  master: { guid: string; name: string },
  another = 'another',
): never {
  return rethrowConstraint(error, () =>
    invalid(`${kind} "${master.name}" (GUID ${master.guid}) clashes with ${another} of the same name`, {
      guid: master.guid,
      name: master.name,
    }),
  );
}

/** A voucher whose GUID the company already has (UNIQUE (company_id, guid)). */
export const duplicateGuid = (v: VoucherIdentity): AppError =>
  invalid(`Voucher ${voucherLabel(v)} appears twice (duplicate GUID)`, voucherDetails(v));

/** Rethrows a failed voucher insert, a duplicate GUID named. */
export function duplicateVoucher(error: unknown, v: VoucherIdentity): never {
  return rethrowConstraint(error, () => duplicateGuid(v));
}
