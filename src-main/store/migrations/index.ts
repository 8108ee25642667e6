import type { Migration } from './migration';
import { migration as m001 } from './001-initial';
import { migration as m002 } from './002-audit-log';
import { migration as m003 } from './003-host-keys';
import { migration as m004 } from './004-procedure-runs';
import { migration as m005 } from './005-audit-codes';
import { migration as m006 } from './006-log-places';
import { migration as m007 } from './007-job-chains';

export type { Migration } from './migration';

/** Every schema version in order; a new migration is a new file added at the end here. */
export const migrations: readonly Migration[] = [m001, m002, m003, m004, m005, m006, m007];

export const LATEST_SCHEMA_VERSION: number = migrations.at(-1)?.version ?? 0;
