import type { Column } from './DataTable';

/** The columns that voucher lists (Day Book, ledger statement) share, in table and export alike. */

/** The voucher date, kept on one line. */
export function voucherDateColumn<Row extends { date: string }>(header: string): Column<Row> {
  return { id: 'date', header, kind: 'date', value: (r) => r.date, width: '110px', nowrap: true };
}

/** The particulars: a name, and under it in small print the details (when there are any). */
export function particularsColumn<Row>(
  id: string,
  header: string,
  name: (row: Row) => string,
  details: (row: Row) => string | undefined,
): Column<Row> {
  return {
    id,
    header,
    kind: 'text',
    value: name,
    render: (r) => {
      const sub = details(r);
      return (
        <>
          <div className="cell-name" title={name(r)}>
            {name(r)}
          </div>
          {sub !== undefined && (
            <div className="cell-sub" title={sub}>
              {sub}
            </div>
          )}
        </>
      );
    },
  };
}

/** The voucher type. */
export function voucherTypeColumn<Row extends { voucherType: string }>(
  header: string,
  width: string,
): Column<Row> {
  return { id: 'type', header, kind: 'text', value: (r) => r.voucherType, width };
}

/** The voucher number, kept on one line. */
export function voucherNumberColumn<Row extends { voucherNumber: string }>(header: string): Column<Row> {
  return { id: 'number', header, kind: 'text', value: (r) => r.voucherNumber, width: '150px', nowrap: true };
}
