/**
 * The procedure of the nightly after-image journal backup: AIJ_BACKUP.COM in the procedures
 * directory ("All backup jobs reside in" it), written there when the site is built,
 * with the same RMU lines the job verifies into its log.
 */
import { AIJ_BACKUP_JOB, aijBackupCommand } from '../batch/job-scripts';
import { aijDatabases } from '../host/build-hosts';
import type { HostState } from '../host/host-state';
import type { SiteLayout } from '../host/site-layout';

/** Plan silent on the queue: SYS$BATCH, the host's general queue (see SimulatedSiteCore.replicationBackups). */
export const AIJ_BACKUP_QUEUE = 'SYS$BATCH';

export function aijBackupProcedureText(layout: SiteLayout): string[] {
  const lines = [
    `$! ${AIJ_BACKUP_JOB}.COM`,
    '$! After-image journal backups of the databases whose AIJ files the Bill Run keeps (AIJ.BAK)',
    '$!',
    '$ SET NOON',
    '$ SET VERIFY',
  ];
  for (const name of aijDatabases(layout)) {
    const db = layout.databases.get(name);
    if (db !== undefined) lines.push(`$ ${aijBackupCommand({ layout }, db)}`);
  }
  lines.push('$ EXIT');
  return lines;
}

/** The procedure's file specification, writing the file first if the directory lacks it; null without a procedures disk. */
export function aijBackupProcedureFile(host: HostState, layout: SiteLayout, now: Date): string | null {
  const disk = host.diskByLabel(layout.procedures.device.replace(/^DISK\$/, ''));
  if (disk === undefined) return null;
  const directory = disk.ensureDirectory(layout.procedures.directory, now);
  if (directory.highest(AIJ_BACKUP_JOB, 'COM') === undefined) {
    const text = aijBackupProcedureText(layout);
    directory.add({
      name: AIJ_BACKUP_JOB,
      type: 'COM',
      blocks: Math.max(1, Math.ceil(text.join('\n').length / 512)),
      created: now,
      modified: now,
      owner: '[SYSTEM]',
      records: text,
      openForWrite: false,
    });
  }
  return `${layout.procedures.device}:[${layout.procedures.directory}]${AIJ_BACKUP_JOB}.COM`;
}
