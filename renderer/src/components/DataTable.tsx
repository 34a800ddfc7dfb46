import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { ColumnKind, ExportColumn } from '../lib/export';
import { count, date, drCr, money } from '../lib/format';
import { TableSearch } from './table/TableSearch';
import { nextSort, searchRows, type SortState } from './table/view';
import { useGridKeyboard, type TablePaging } from './table/useGridKeyboard';
import { useDetailed } from './table/detailed';

export interface Column<Row> extends ExportColumn<Row> {
  id: string;
  render?: (row: Row) => ReactNode;
  sortable?: boolean;
  width?: string;
  /** A floor for a column whose cells are cut with … (they would otherwise give way to every other). */
  minWidth?: string;
  /** Keeps voucher numbers and similar codes on one line. */
  nowrap?: boolean;
}

const NUMERIC: ColumnKind[] = ['money', 'drcr', 'number'];

export function displayValue(kind: ColumnKind, value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') {
    if (kind === 'money') return value === 0 ? '' : money(value);
    if (kind === 'drcr') return drCr(value);
    if (kind === 'number') return count(value);
  }
  if (kind === 'date' && typeof value === 'string') return date(value);
  return String(value);
}

type Sort = SortState;

function compare(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), undefined, { numeric: true, sensitivity: 'base' });
}

/** Above this many rows only the visible ones are rendered. */
export const VIRTUALISE_ABOVE = 120;
const ROW_HEIGHT = 22;

export interface DataTableProps<Row> {
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row, index: number) => string;
  onRowClick?: (row: Row) => void;
  /** Rows pinned above / below the data (opening, totals); not sorted. */
  head?: ReactNode;
  foot?: ReactNode;
  empty?: ReactNode;
  label: string;
  rowClassName?: (row: Row) => string | undefined;
  initialSort?: Sort;
  maxHeight?: string;
  /**
   * Sorting done by the core over the whole period: the table shows the rows as given and reports
   * heading clicks here (columns with `sortable: false` stay unsortable).
   */
  sort?: Sort;
  onSortChange?: (sort: Sort) => void;
  /** The table's own search box over the rows it holds (the whole period); false when the screen searches in the core. */
  searchable?: boolean;
  /** False renders every row (a page the core sized), so browser find and screen readers reach them all. */
  virtualise?: boolean;
  /** The rows are one page of the core's: the keys go on to the next or previous page. */
  paging?: TablePaging;
}

/** A sortable, keyboard-navigable table; long lists are virtualised (and fully rendered for printing). */
export function DataTable<Row>(props: DataTableProps<Row>) {
  const { columns, rows, rowKey, onRowClick, label } = props;
  const { t } = useTranslation();
  const [localSort, setLocalSort] = useState<Sort>(props.initialSort ?? null);
  const serverSorted = props.onSortChange !== undefined;
  const sort = serverSorted ? (props.sort ?? null) : localSort;
  const [search, setSearch] = useState('');
  const searchable = props.searchable ?? true;
  const [printing, setPrinting] = useState(false);
  const scrollRef = useRef<HTMLDivElement>(null);
  const detailed = useDetailed();

  useEffect(() => {
    const on = () => setPrinting(true);
    const off = () => setPrinting(false);
    window.addEventListener('beforeprint', on);
    window.addEventListener('afterprint', off);
    return () => {
      window.removeEventListener('beforeprint', on);
      window.removeEventListener('afterprint', off);
    };
  }, []);

  const found = useMemo(
    () =>
      searchable && search.trim() !== ''
        ? searchRows(
            rows,
            search,
            columns.map((c) => (row: Row) => displayValue(c.kind, c.value(row))),
          )
        : rows,
    [rows, columns, search, searchable],
  );
  const sorted = useMemo(() => {
    if (!sort || serverSorted) return found;
    const column = columns.find((c) => c.id === sort.id);
    if (!column) return found;
    const factor = sort.dir === 'asc' ? 1 : -1;
    return [...found].sort((a, b) => factor * compare(column.value(a), column.value(b)));
  }, [found, columns, sort, serverSorted]);

  const virtual = (props.virtualise ?? true) && sorted.length > VIRTUALISE_ABOVE && !printing;
  const virtualizer = useVirtualizer({
    count: virtual ? sorted.length : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 15,
    initialRect: { width: 1000, height: 640 },
  });

  const toggleSort = (id: string) => {
    if (props.onSortChange) props.onSortChange(nextSort(sort, id));
    else setLocalSort((current) => nextSort(current, id));
  };

  const grid = useGridKeyboard({
    rowCount: sorted.length,
    onActivate: onRowClick
      ? (index) => {
          const row = sorted[index];
          if (row !== undefined) onRowClick(row);
        }
      : undefined,
    scrollRef,
    scrollToIndex: virtual ? (index) => virtualizer.scrollToIndex(index) : undefined,
    label,
    rowHeight: ROW_HEIGHT,
    paging: props.paging,
  });

  const renderRow = (row: Row, index: number) => (
    <tr
      key={rowKey(row, index)}
      data-index={index}
      aria-rowindex={index + 2}
      {...grid.rowProps(index)}
      className={
        [
          onRowClick ? 'clickable' : '',
          index === grid.active ? 'active' : '',
          props.rowClassName?.(row) ?? '',
        ]
          .join(' ')
          .trim() || undefined
      }
      onClick={onRowClick ? () => grid.activate(index) : undefined}
    >
      {columns.map((c) => (
        <td
          key={c.id}
          className={
            [NUMERIC.includes(c.kind) ? 'num' : '', c.nowrap ? 'nowrap' : ''].join(' ').trim() || undefined
          }
        >
          {c.render ? c.render(row) : displayValue(c.kind, c.value(row))}
        </td>
      ))}
    </tr>
  );

  const items = virtual ? virtualizer.getVirtualItems() : [];
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtual ? virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0) : 0;

  return (
    <>
      {searchable && (rows.length > 0 || search !== '') && (
        <TableSearch
          value={search}
          onChange={setSearch}
          matches={found.length}
          label={`${t('wholeTable.search')}: ${label}`}
        />
      )}
      <div
        className="table-scroll"
        ref={scrollRef}
        style={props.maxHeight ? { maxHeight: props.maxHeight } : undefined}
        onScroll={grid.onScroll}
      >
        <table
          className={detailed ? 'data-table detailed' : 'data-table'}
          data-detailed={detailed ? 'on' : undefined}
          aria-label={label}
          aria-rowcount={sorted.length + 1}
          {...grid.gridProps}
        >
          <colgroup>
            {columns.map((c) => (
              <col key={c.id} style={c.width ? { width: c.width } : undefined} />
            ))}
          </colgroup>
          <thead>
            <tr>
              {columns.map((c) => {
                const active = sort?.id === c.id ? sort.dir : null;
                const sortable = c.sortable !== false;
                return (
                  <th
                    key={c.id}
                    scope="col"
                    className={NUMERIC.includes(c.kind) ? 'num' : undefined}
                    style={c.minWidth ? { minWidth: c.minWidth } : undefined}
                    aria-sort={active === 'asc' ? 'ascending' : active === 'desc' ? 'descending' : 'none'}
                  >
                    {sortable ? (
                      <button
                        type="button"
                        className="th-sort"
                        onClick={() => toggleSort(c.id)}
                        title={t('common.sortBy', { column: c.header })}
                      >
                        {c.header}
                        <span className="sort-mark" aria-hidden="true">
                          {active === 'asc' ? '▲' : active === 'desc' ? '▼' : ''}
                        </span>
                      </button>
                    ) : (
                      c.header
                    )}
                  </th>
                );
              })}
            </tr>
            {props.head}
          </thead>
          <tbody>
            {sorted.length === 0 && props.empty && (
              <tr>
                <td colSpan={columns.length} className="table-empty">
                  {props.empty}
                </td>
              </tr>
            )}
            {virtual ? (
              <>
                {padTop > 0 && <tr aria-hidden="true" style={{ height: padTop }} />}
                {items.map((item) => {
                  const row = sorted[item.index];
                  return row === undefined ? null : renderRow(row, item.index);
                })}
                {padBottom > 0 && <tr aria-hidden="true" style={{ height: padBottom }} />}
              </>
            ) : (
              sorted.map(renderRow)
            )}
          </tbody>
          {props.foot && <tfoot>{props.foot}</tfoot>}
        </table>
      </div>
    </>
  );
}
