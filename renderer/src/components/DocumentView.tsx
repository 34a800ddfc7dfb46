import type { PrintDocument, PrintRow, PrintTable } from '../../../shared/print/document';

const NUMERIC = new Set(['money', 'drcr', 'number']);

function Table({ table, caption }: { table: PrintTable; caption: string | undefined }) {
  const rows: PrintRow[] = [...table.leading, ...table.lines, ...table.trailing];
  return (
    <>
      {caption && <h3 className="pd-caption">{caption}</h3>}
      <table className="pd-table" aria-label={caption}>
        <thead>
          <tr>
            {table.columns.map((c, i) => (
              <th key={i} className={NUMERIC.has(c.kind) ? 'num' : undefined} scope="col">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r} className={`pd-${row.style}`}>
              {row.cells.map((text, i) => {
                const kind = table.columns[i]?.kind ?? 'text';
                const cls = NUMERIC.has(kind) ? 'num' : kind === 'date' ? 'date' : 'text';
                return (
                  <td key={i} className={row.bold?.includes(i) ? `${cls} pd-b` : cls}>
                    {text}
                    {row.detail !== undefined && i === table.detailColumn && (
                      <>
                        {' '}
                        <span className="pd-detail">{row.detail}</span>
                      </>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/**
 * A print document on screen as one long sheet of paper: the letterhead, the blocks above the tables and
 * every table with its caption, in the print's own styles (shared/print/style.ts), unpaginated.
 */
export function DocumentView({ doc, label }: { doc: PrintDocument; label: string }) {
  return (
    <article className="pd-doc document-view" aria-label={label} data-testid="document-view">
      <header className="document-view-head">
        <div className="pd-company">{doc.company}</div>
        {doc.letterhead?.length ? (
          <div className="pd-letterhead">
            {doc.letterhead.map((line, i) => (
              <div key={i}>{line}</div>
            ))}
          </div>
        ) : null}
        <div className="pd-title">{doc.title}</div>
        <div className="pd-period">{[doc.period, ...doc.notes].join(' · ')}</div>
      </header>
      {doc.preamble?.length ? (
        <div className="pd-preamble">
          {doc.preamble.map((block, b) => (
            <div key={b} className="pd-block">
              {block.heading && <div className="pd-block-head">{block.heading}</div>}
              {block.lines.map((line, i) => (
                <div key={i} className={i === 0 && block.strongFirst ? 'pd-b' : undefined}>
                  {line}
                </div>
              ))}
            </div>
          ))}
        </div>
      ) : null}
      <Table table={doc} caption={doc.caption} />
      {(doc.sections ?? []).map((section, s) => (
        <Table key={s} table={section} caption={section.caption} />
      ))}
    </article>
  );
}
