/**
 * The styles of a printed document (shared/print/render.ts): A4 sheets laid out in code, the title block,
 * the tables. One copy for the renderer (print and Save PDF) and the main process (a statement of account
 * rendered to PDF by Chromium), so both print the same page.
 */
export const PRINT_CSS = `.pd-doc {
  font-family: 'Noto Sans', 'Noto Sans Devanagari', 'Segoe UI', 'Nirmala UI', Arial, sans-serif;
  font-size: 8.5pt;
  line-height: 1.25;
  color: #000;
  background: #fff;
}

.pd-page {
  box-sizing: border-box;
  overflow: hidden;
  break-after: page;
  page-break-after: always;
}

.pd-page:last-child {
  break-after: auto;
  page-break-after: auto;
}

.pd-head {
  box-sizing: border-box;
  display: flex;
  justify-content: space-between;
  align-items: flex-start;
  border-bottom: 0.4mm solid #000;
  padding-bottom: 1mm;
  margin: 0;
  overflow: hidden;
}

.pd-head-text {
  flex: 1 1 auto;
  min-width: 0;
}

.pd-company {
  font-weight: 700;
  font-size: 11pt;
}

.pd-title {
  font-weight: 600;
  font-size: 9.5pt;
}

.pd-period,
.pd-pageno {
  font-size: 8pt;
}

.pd-pageno {
  white-space: nowrap;
  padding-left: 4mm;
  text-align: right;
}

.pd-printed {
  font-size: 7pt;
  color: #444;
}

.pd-table {
  width: 100%;
  border-collapse: collapse;
  table-layout: fixed;
}

.pd-table thead {
  display: table-header-group;
}

.pd-table th {
  text-align: left;
  font-weight: 700;
  border-bottom: 0.3mm solid #000;
  padding: 0.8mm 1mm;
  overflow-wrap: anywhere;
}

.pd-table td {
  padding: 0.35mm 1mm;
  vertical-align: top;
  overflow-wrap: anywhere;
}

/* Text keeps its indentation (groups and their ledgers); short codes stay on one line. */
.pd-table td.text {
  white-space: pre-wrap;
}

.pd-table td.nowrap {
  white-space: nowrap;
  overflow: hidden;
}

.pd-detail {
  font-size: 7.5pt;
  font-style: italic;
  color: #333;
}

.pd-table .num {
  text-align: right;
  white-space: nowrap;
  font-variant-numeric: tabular-nums;
}

/* A long heading over an amount column wraps rather than running into its neighbour. */
.pd-table th.num {
  white-space: normal;
}

.pd-table .date {
  white-space: nowrap;
}

.pd-table tr.pd-strong td {
  font-weight: 700;
}

.pd-table td.pd-b {
  font-weight: 700;
}

.pd-table tr.pd-pinned td {
  font-weight: 600;
  border-bottom: 0.2mm solid #999;
}

.pd-table tr.pd-total td {
  font-weight: 700;
  border-top: 0.3mm solid #000;
}

.pd-table tr.pd-carry td {
  font-style: italic;
  font-weight: 600;
  border-top: 0.2mm solid #999;
  border-bottom: 0.2mm solid #999;
}

/* A document's letterhead (the company's address, GSTIN), blocks above its tables and their captions. */
.pd-letterhead {
  font-size: 7.5pt;
  line-height: 1.3;
}

/* One line each, as the title block's height counts them: an overlong one ends in an ellipsis. */
.pd-head .pd-letterhead > div {
  white-space: nowrap;
  overflow: hidden;
  text-overflow: ellipsis;
}

.pd-preamble {
  box-sizing: border-box;
  display: flex;
  gap: 6mm;
  padding: 2mm 0 2.5mm;
}

.pd-block {
  flex: 1 1 0;
  line-height: 1.35;
}

.pd-block-head {
  font-size: 7.5pt;
  color: #444;
  text-transform: uppercase;
  letter-spacing: 0.02em;
}

.pd-b {
  font-weight: 700;
}

.pd-caption {
  box-sizing: border-box;
  font-weight: 700;
  font-size: 9.5pt;
  padding: 3mm 0 1mm;
}
`;
