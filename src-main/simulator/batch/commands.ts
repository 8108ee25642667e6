/**
 * The DCL lines the plan's procedures are made of, written once so that a procedure's text (TYPE)
 * and its verified lines in the batch log (`$ RMU/BACKUP ...`) agree.
 */
import type { SiteJob } from '../../../shared/site/schema';
import type { DatabasePlan, SiteLayout } from '../host/site-layout';

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
