import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkSiteFile } from '../../../src-main/site/check-site-file';
import { loadSiteProfile, parseSiteProfileText } from '../../../src-main/site/load-site-profile';
import { defaultSiteFile, defaultSiteFileIn } from '../../../src-main/app/paths';
import { planText } from './plan-data';

const dir = mkdtempSync(join(tmpdir(), 'tapeops-site-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeProfile(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** 1-based line of the first occurrence of a piece of the shipped text. */
function lineOf(text: string, piece: string): number {
  const at = text.indexOf(piece);
  if (at < 0) throw new Error(`not in the profile: ${piece}`);
  return text.slice(0, at).split('\n').length;
}

const CONSOLIDATED_QUEUE = 'queue: TAPE_BACKUP\n    submittedBy: { kind: job, job: RMU_BACKUP_DOCUMENT }';

describe('the default site profile', () => {
  it('is the file package.json names, assets/sites/microfinancial.yaml at the project root', () => {
    expect(relative(process.cwd(), defaultSiteFile).split(/[\\/]/)).toEqual(['assets', 'sites', 'microfinancial.yaml']);
    expect(loadSiteProfile(defaultSiteFile).ok).toBe(true);
  });

  it('is refused clearly when package.json names none', () => {
    const root = mkdtempSync(join(tmpdir(), 'tapeops-root-'));
    writeFileSync(join(root, 'package.json'), '{"name":"x"}');
    expect(() => defaultSiteFileIn(root)).toThrow(/names no default site profile/);
    rmSync(root, { recursive: true, force: true });
  });
});

describe('loadSiteProfile', () => {
  it('reports a YAML syntax error with its line and column', () => {
    const broken = planText.replace('  - name: TIME_BLT4\n    host: BLT4', '  - name: TIME_BLT4\n   host: BLT4');
    const line = lineOf(planText, '    host: BLT4\n    kind: disk-to-disk');
    const result = loadSiteProfile(writeProfile('syntax.yaml', broken));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.length).toBeGreaterThan(0);
    expect(result.problems[0]).toMatch(new RegExp(`^line ${line}, column \\d+: YAML syntax error: `));
    expect(result.located[0]).toMatchObject({ kind: 'syntax', line });
  });

  it('reports a duplicate key as a YAML error', () => {
    const result = parseSiteProfileText(planText.replace('batchUser: LEASE_BATCH', 'batchUser: LEASE_BATCH\nbatchUser: SYSTEM'), 'x.yaml');
    const line = lineOf(planText, 'batchUser: LEASE_BATCH') + 1;
    expect(result.ok ? [] : result.problems).toEqual([`line ${line}, column 1: YAML syntax error: Map keys must be unique`]);
  });

  it('reports a missing file in one clear problem', () => {
    const file = join(dir, 'nowhere.yaml');
    expect(loadSiteProfile(file)).toEqual({
      ok: false,
      file,
      problems: [`no such file: ${file}`],
      located: [{ problem: `no such file: ${file}`, kind: 'file', message: `no such file: ${file}` }],
    });
  });

  it('reports a folder given as the file', () => {
    const result = loadSiteProfile(dir);
    expect(result.ok ? [] : result.problems).toEqual([`${dir} is a folder, not a profile file`]);
  });

  it('reports an empty file', () => {
    const result = loadSiteProfile(writeProfile('empty.yaml', '# nothing yet\n'));
    expect(result.ok ? [] : result.problems).toEqual(['the file holds no profile (it is empty)']);
  });

  it('gives the same problems as validateSiteProfile, located at the line in the file', () => {
    const text = planText.replace(CONSOLIDATED_QUEUE, CONSOLIDATED_QUEUE.replace('TAPE_BACKUP', 'TAPE_BACKUPP'));
    const result = parseSiteProfileText(text, 'edited.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.file).toBe('edited.yaml');
    expect(result.problems).toEqual(['jobs[5].queue: unknown queue "TAPE_BACKUPP"']);
    expect(result.located[0]).toMatchObject({ kind: 'profile', line: lineOf(planText, CONSOLIDATED_QUEUE), column: 5 });
  });

  it('locates a missing field at the entry that lacks it', () => {
    const text = planText.replace(`    ${CONSOLIDATED_QUEUE}`, '    submittedBy: { kind: job, job: RMU_BACKUP_DOCUMENT }');
    const result = parseSiteProfileText(text, 'x.yaml');
    if (result.ok) throw new Error('expected problems');
    expect(result.problems).toEqual(['jobs[5].queue: required field is missing']);
    expect(result.located[0]?.line).toBe(lineOf(text, '  - name: CONSOLIDATED_BACKUP_TO_TAPE'));
  });
});

describe('checkSiteFile (tapeops site check FILE)', () => {
  it('exits 0 with a one-line summary for the shipped profile', () => {
    const file = relative(process.cwd(), defaultSiteFile);
    expect(checkSiteFile(file)).toEqual({
      exitCode: 0,
      lines: [`ok: ${file} — 6 hosts, 2 queues, 10 jobs`],
    });
  });

  it('exits 1 with one line per problem, each with its place in the file', () => {
    const text = planText.replace(CONSOLIDATED_QUEUE, CONSOLIDATED_QUEUE.replace('TAPE_BACKUP', 'TAPE_BACKUPP')).replace('  slots: 7', '  slots: 5');
    const file = writeProfile('two.yaml', text);
    expect(checkSiteFile(file)).toEqual({
      exitCode: 1,
      lines: [
        `${file}:${lineOf(text, 'queue: TAPE_BACKUPP')}:5: jobs[5].queue: unknown queue "TAPE_BACKUPP"`,
        `${file}:${lineOf(text, '  slots: 5')}:3: drive.slots: 5 Bill Run tapes and a daily tape need 6 slots, the drive has 5`,
      ],
    });
  });

  it('exits 1 with a YAML syntax error located by line and column', () => {
    const file = writeProfile('tab.yaml', planText.replace('batchUser: LEASE_BATCH', 'batchUser: [LEASE_BATCH'));
    const check = checkSiteFile(file);
    expect(check.exitCode).toBe(1);
    expect(check.lines[0]).toMatch(new RegExp(`^${escape(file)}:\\d+:\\d+: YAML syntax error: `));
  });

  it('exits 1 with a single line for a missing file', () => {
    expect(checkSiteFile('assets/sites/nowhere.yaml')).toEqual({
      exitCode: 1,
      lines: ['no such file: assets/sites/nowhere.yaml'],
    });
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
