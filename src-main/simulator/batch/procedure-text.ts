/**
 * The text of a plan's command procedure, for TYPE and for the procedure files' sizes. It lists the
 * same commands the simulated job verifies into its log, with the plan's description at the top.
 */
import type { SiteJob } from '../../../shared/site/schema';
import type { SiteLayout } from '../host/site-layout';
import { aijPurgeLines, areaFile, rbfName, rmuBackupCommand, submitCommand } from './commands';

export function procedureText(layout: SiteLayout, job: SiteJob): string[] {
  const { profile } = layout;
  const lines = [`$! ${job.name}.COM`, `$! ${job.title}`];
  for (const task of job.tasks) lines.push(`$!   ${task}`);
  lines.push('$!', '$ SET NOON', '$ SET VERIFY');
  const byName = new Map(profile.jobs.map((j) => [j.name, j]));
  for (const submit of job.submits) {
    const target = byName.get(submit.job);
    if (target !== undefined) lines.push(`$ ${submitCommand(layout, target, submit.at)}`);
  }
  for (const name of job.databases) {
    const db = layout.databases.get(name);
    if (db === undefined) continue;
    lines.push(`$ ${rmuBackupCommand(layout, db, job.when !== 'daily')}`);
    lines.push(`$ PURGE/KEEP=1 ${areaFile(layout, rbfName(db))}`);
  }
  const tape = layout.tapeDevice;
  if (job.type === 'tape-preparation') {
    lines.push(
      '$ N = F$INTEGER(P1)',
      '$ POSITION = 1',
      '$ NEXT_TAPE:',
      `$ IF POSITION .GE. N THEN INITIALIZE ${tape} 'LABEL'`,
      `$ DISMOUNT/UNLOAD ${tape}`,
      '$ POSITION = POSITION + 1',
      `$ IF POSITION .LE. ${profile.tapes.billRun.tapes.length} THEN GOTO NEXT_TAPE`,
    );
  }
  for (const device of job.devices) {
    const incremental = job.when === 'daily' ? '/SINCE=BACKUP/RECORD' : '/IMAGE/RECORD';
    lines.push(`$ BACKUP/LOG/IGNORE=INTERLOCK${incremental} DISK$${device}: ${tape}${device}.BCK/SAVE_SET/NOREWIND`);
  }
  for (const saveset of job.savesets) {
    lines.push(`$ BACKUP/LOG/IGNORE=INTERLOCK ${areaFile(layout, '*.*;0')} ${tape}${saveset.name}/SAVE_SET/NOREWIND`);
  }
  if (job.tasks.some((t) => /purges AIJ/i.test(t))) lines.push(...aijPurgeLines(layout, job).map((line) => `$ ${line}`));
  if (job.devices.length > 0 || job.savesets.length > 0) lines.push(`$ DISMOUNT/UNLOAD ${tape}`);
  lines.push('$ EXIT');
  return lines;
}
