import type { ReactNode } from 'react';
import { QueryState, type QueryLike } from '../../components/QueryState';
import type { ExportSheet } from '../../lib/export';
import type { StatementForm } from './FormPicker';
import { SheetTable } from './SheetTable';

/**
 * The sheets of a statement in the chosen form: Tally's horizontal form as built, or the vertical form
 * (Schedule III) first (and on paper), then Tally's form and the flat table.
 */
export function sheetsInForm(
  form: StatementForm,
  sheets: ExportSheet<unknown>,
  vertical: () => ExportSheet<unknown>,
): ExportSheet<unknown> {
  if (form === 'horizontal') return sheets;
  const { more, ...horizontal } = sheets;
  return { ...vertical(), more: [horizontal, ...(more ?? [])] };
}

/**
 * What a P&L or balance sheet screen shows below its toolbar: with comparison columns the compared
 * statement's table; else the vertical form's table, or the horizontal statement (`children`).
 */
export function StatementViews<C, S>({
  comparing,
  compared,
  single,
  form,
  comparisonSheet,
  verticalSheet,
  testIds,
  children,
}: {
  comparing: boolean;
  compared: QueryLike<{ data: C }>;
  single: QueryLike<{ data: S }>;
  form: StatementForm;
  comparisonSheet: (data: C) => ExportSheet<unknown>;
  verticalSheet: (data: S) => ExportSheet<unknown>;
  testIds: { comparison: string; vertical: string };
  children: (data: S) => ReactNode;
}) {
  if (comparing)
    return (
      <QueryState query={compared}>
        {({ data }) => <SheetTable sheet={comparisonSheet(data)} testId={testIds.comparison} />}
      </QueryState>
    );
  return (
    <QueryState query={single}>
      {({ data }) =>
        form === 'vertical' ? (
          <SheetTable sheet={verticalSheet(data)} testId={testIds.vertical} />
        ) : (
          children(data)
        )
      }
    </QueryState>
  );
}
