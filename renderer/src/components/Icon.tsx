import type { Screen } from '../lib/route';

/** Glyphs of actions (buttons), beside the screens' own. */
export type ActionIcon = 'download' | 'print';

/** Line icons drawn inline (no icon font, no emoji: both render differently on every machine). */
/** A screen without a glyph of its own (a new feature's drill-down) gets a plain page. */
const PAGE = 'M6 3h12v18H6zM9 8h6M9 12h6M9 16h4';

const PATHS: Partial<Record<Screen, string>> & Record<ActionIcon, string> = {
  companies: 'M3 21h18M5 21V7l7-4 7 4v14M9 9h1M14 9h1M9 13h1M14 13h1M9 17h1M14 17h1',
  dashboard: 'M4 20V10M10 20V4M16 20v-7M22 20H2',
  ledger: 'M5 4h11a3 3 0 0 1 3 3v13H8a3 3 0 0 1-3-3zM5 17a3 3 0 0 1 3-3h11M9 8h6',
  outstanding: 'M12 7v5l3 2M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z',
  trialBalance: 'M12 3v18M5 7h14M5 7l-3 7a3 3 0 0 0 6 0zM19 7l-3 7a3 3 0 0 0 6 0zM8 21h8',
  profitLoss: 'M3 17l6-6 4 4 8-8M15 7h6v6',
  dayBook: 'M4 5h16v16H4zM4 10h16M9 3v4M15 3v4',
  cache: 'M13 2L4 14h7l-1 8 9-12h-7z',
  balanceSheet: 'M3 4h18v16H3zM12 4v16M6 9h3M15 9h3M6 13h3M15 13h3',
  groupSummary: 'M4 5h6v4H4zM14 5h6v4h-6zM4 15h6v4H4zM7 9v6M17 9v3H7',
  ledgerMonthly: 'M4 5h16v16H4zM4 10h16M8 14h2M12 14h2M16 14h2M8 18h2M12 18h2',
  voucher: 'M6 2h9l5 5v15H6zM14 2v6h6M9 13h8M9 17h8',
  stockSummary: 'M3 7l9-4 9 4v10l-9 4-9-4zM3 7l9 4 9-4M12 11v10',
  stockItem: 'M4 8l8-4 8 4-8 4zM4 8v8l8 4 8-4V8M12 12v8',
  // An envelope: reminders of dues.
  collections: 'M3 6h18v12H3zM3 6l9 7 9-7',
  download: 'M12 4v11M7 10l5 5 5-5M5 20h14',
  print: 'M7 9V3h10v6M7 17H4v-7a1 1 0 0 1 1-1h14a1 1 0 0 1 1 1v7h-3M7 14h10v7H7z',
  settings:
    'M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM19.4 15a1.7 1.7 0 0 0 .3 1.8l.1.1a2 2 0 1 1-2.8 2.8l-.1-.1a1.7 1.7 0 0 0-1.8-.3 1.7 1.7 0 0 0-1 1.5V21a2 2 0 1 1-4 0v-.1a1.7 1.7 0 0 0-1.1-1.5 1.7 1.7 0 0 0-1.8.3l-.1.1a2 2 0 1 1-2.8-2.8l.1-.1a1.7 1.7 0 0 0 .3-1.8 1.7 1.7 0 0 0-1.5-1H3a2 2 0 1 1 0-4h.1a1.7 1.7 0 0 0 1.5-1.1 1.7 1.7 0 0 0-.3-1.8l-.1-.1a2 2 0 1 1 2.8-2.8l.1.1a1.7 1.7 0 0 0 1.8.3H9a1.7 1.7 0 0 0 1-1.5V3a2 2 0 1 1 4 0v.1a1.7 1.7 0 0 0 1 1.5 1.7 1.7 0 0 0 1.8-.3l.1-.1a2 2 0 1 1 2.8 2.8l-.1.1a1.7 1.7 0 0 0-.3 1.8V9a1.7 1.7 0 0 0 1.5 1H21a2 2 0 1 1 0 4h-.1a1.7 1.7 0 0 0-1.5 1z',
};

export function Icon({ name, size = 18 }: { name: Screen | ActionIcon; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d={PATHS[name] ?? PAGE} />
    </svg>
  );
}
