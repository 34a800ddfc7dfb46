import { migration001 } from './001-initial';
import { migration002 } from './002-summaries';

/** Numbered migrations; MIGRATIONS[i] brings a database from user_version i to i + 1. Append only. */
export const MIGRATIONS: readonly string[] = [migration001, migration002];
export const SCHEMA_VERSION = MIGRATIONS.length;

/** PRAGMA application_id of TallyConnect databases ("TCN1"), so a foreign SQLite file is recognised. */
export const APPLICATION_ID = 0x54434e31;
