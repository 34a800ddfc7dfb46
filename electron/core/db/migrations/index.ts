import { migration001 } from './001-initial';
import { migration002 } from './002-summaries';
import { migration003 } from './003-bill-history';
import { migration004 } from './004-covering-ledger-index';
import { migration005 } from './005-integer-ledger-keys';
import { migration006 } from './006-covering-bill-span-index';
import { migration007 } from './007-entry-particulars';
import { migration008 } from './008-voucher-guid-index';
import { migration009 } from './009-off-books';
import { migration010 } from './010-inventory';
import { migration011 } from './011-stock-month-totals';
import { migration012 } from './012-tally-stock-values';
import { migration013 } from './013-tracking-numbers';
import { migration014 } from './014-gst';
import { migration015 } from './015-collections';
import { migration016 } from './016-gst-itc';
import { migration017 } from './017-month-versions';

/** Numbered migrations; MIGRATIONS[i] brings a database from user_version i to i + 1. Append only. */
export const MIGRATIONS: readonly string[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
  migration010,
  migration011,
  migration012,
  migration013,
  migration014,
  migration015,
  migration016,
  migration017,
];

/** Migrations after which derived summary tables must be rebuilt for every stored company. */
export const REBUILDS_SUMMARIES: ReadonlySet<number> = new Set([3, 9]);
export const SCHEMA_VERSION = MIGRATIONS.length;

/** PRAGMA application_id of TallyConnect databases ("TCN1"), so a foreign SQLite file is recognised. */
export const APPLICATION_ID = 0x54434e31;
