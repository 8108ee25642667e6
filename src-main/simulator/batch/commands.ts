/**
 * The DCL lines the plan's procedures are made of, written once so that a procedure's text (TYPE)
 * and its verified lines in the batch log (`$ RMU/BACKUP ...`) agree.
 */
import type { SiteJob } from '../../../shared/site/schema';
import type { DatabasePlan, SiteLayout } from '../host/site-layout';
import { vmsDateTime } from '../time/vms-time';

export function logFileOf(layout: SiteLayout, jobName: string): string {
  return `${layout.logs.device}:[${layout.logs.directory}]${jobName}.LOG`;
}

export function areaFile(layout: SiteLayout, name: string): string {
  return `${layout.backupArea.device}:[${layout.backupArea.directory}]${name}`;
}

export function rbfName(db: DatabasePlan): string {
  return `${db.short}_DATA_BACKUP.RBF`;
}

export function aijName(db: DatabasePlan): string {
  return `${db.short}_DATA_BACKUP.AIJ`;
}

/**
 * The SUBMIT a job of the plan writes for the next job of its chain. No /USER: the job runs as the
 * batch user already, and a job submitted from it runs as the same user; /USER would ask for
 * CMKRNL, which the batch account does not hold.
 */
export function submitCommand(layout: SiteLayout, job: SiteJob, at: string | undefined): string {
  const after = at === undefined ? '' : `/AFTER="${at}"`;
  return `SUBMIT/QUEUE=${job.queue}/NOPRINTER/KEEP${after}/LOG_FILE=${logFileOf(layout, job.name)} ${job.procedure}`;
}

export function rmuBackupCommand(layout: SiteLayout, db: DatabasePlan, full: boolean): string {
  const target = full ? rbfName(db) : aijName(db);
  const kind = full ? '' : '/INCREMENTAL';
  return `RMU/BACKUP/ONLINE/LOG${kind} ${db.root} ${areaFile(layout, target)}`;
}

/**
 * A command line as DCL verifies it: with SET VERIFY, DCL echoes the line after symbol
 * substitution, so `'RBF_DATE'` (and `''RBF_DATE'` inside quotes) shows as the symbol's value.
 * Symbols not defined are replaced by nothing, as DCL does.
 */
export function substituteSymbols(line: string, symbols: ReadonlyMap<string, string>): string {
  return line.replace(/''?([A-Za-z$_][A-Za-z0-9$_]*)'/g, (_, name: string) => symbols.get(name.toUpperCase()) ?? '');
}

const AIJ_PURGE = (layout: SiteLayout) => `DELETE/LOG/BEFORE="''RBF_DATE'" ${areaFile(layout, '*.AIJ;*')}`;

/**
 * The procedure's lines that purge the AIJ files older than the latest full backup, as written in
 * the .COM file (TYPE shows them so): RBF_DATE takes the creation date of the newest RBF file of
 * the first database the job's savesets hold, and the DELETE uses it.
 */
export function aijPurgeLines(layout: SiteLayout, job: SiteJob): string[] {
  return [`RBF_DATE = F$FILE_ATTRIBUTES("${areaFile(layout, aijPurgeRbf(layout, job))}","CDT")`, AIJ_PURGE(layout)];
}

/** The RBF file whose creation date the AIJ purge uses: the first database's of the job's savesets. */
export function aijPurgeRbf(layout: SiteLayout, job: SiteJob): string {
  const first = job.savesets.flatMap((s) => s.databases ?? [])[0];
  const db = first === undefined ? undefined : layout.databases.get(first);
  return db === undefined ? '*.RBF' : rbfName(db);
}

/**
 * The AIJ purge's lines as the batch log shows them: the assignment as written (it has no
 * symbol to substitute), then the DELETE with RBF_DATE's value; an RBF file that is not there
 * leaves RBF_DATE empty, as F$FILE_ATTRIBUTES's error would.
 */
export function aijPurgeVerified(layout: SiteLayout, job: SiteJob, rbfCreated: Date | undefined): string[] {
  const [assignment] = aijPurgeLines(layout, job);
  const value = rbfCreated === undefined ? '' : vmsDateTime(rbfCreated);
  return [assignment as string, substituteSymbols(AIJ_PURGE(layout), new Map([['RBF_DATE', value]]))];
}

/**
 * The same DELETE as the batch log shows it: verified after symbol substitution, so with the RBF
 * file's creation date where the procedure has 'RBF_DATE' (never the symbol's name).
 */
export function purgeAijCommand(layout: SiteLayout, rbfCreated: Date): string {
  return substituteSymbols(AIJ_PURGE(layout), new Map([['RBF_DATE', vmsDateTime(rbfCreated)]]));
}
