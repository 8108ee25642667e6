/**
 * The site is data (DESIGN rule 3): no code in shared/, src-main/ or src-renderer/ names anything
 * of one site. Comments may quote the plan (they say why); string literals, template text and
 * identifiers may not. Read with TypeScript's own parser, so a word inside a comment is told
 * from the same word in code. The rule code of the calendar, the tapes, the calendar export and
 * the OpenVMS message grammar and parsers is held stricter: not even a comment or an example there
 * names the site, and no tape letter is written as a literal.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const FOLDERS = ['shared', 'src-main', 'src-renderer'];
// The names of one site's hosts, queues, jobs, databases, disks, drive, courier and company. The
// plan's words for kinds of thing (Bill Run, DAILY tape, saveset, magazine) are not in the list.
const SITE_WORDS: RegExp[] = [
  /\bBLT\d/,
  /\bDAILY_BACKUP\b/,
  /\bTAPE_BACKUP\b/,
  /\bTIME_BLT\d/,
  /\bBATCHMAN\b/,
  /\bINITIALIZE_TAPES\b/,
  /\bINVOICE_STATEMENT/,
  /\bPROD_AND_DEVEL/,
  /\bCONSOLIDATED_BACKUP/,
  /\bRMU_BACKUP_/,
  /\bLEASE_[A-Z]/,
  /\bMENTAT\b/,
  /\bDGA15\b/,
  /\bPROD_09\b/,
  /Iron Mountain/,
  /Microfinancial/,
  /\bTZ887\b/,
  /\bCompaq\b/,
  /\bWoburn\b/,
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Every piece of a file that is code, not comment: literals, template and JSX text, identifiers. */
function codeOf(fileName: string, text: string): string {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const parts: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) parts.push(node.text);
    else if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node) || ts.isJsxText(node) || ts.isRegularExpressionLiteral(node)) parts.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return parts.join(' ');
}

const sources = FOLDERS.flatMap((folder) => sourceFiles(join(ROOT, folder))).map((file) => ({
  file: relative(ROOT, file),
  code: codeOf(file, readFileSync(file, 'utf8')),
}));

describe('no site-specific name in the code of shared/, src-main/ and src-renderer/', () => {
  it('reads every source file of the three folders', () => {
    expect(sources.length).toBeGreaterThan(250);
    expect(sources.some((s) => s.file.startsWith('src-renderer/'))).toBe(true);
  });

  it('tells a word in a comment from the same word in code', () => {
    expect(codeOf('a.ts', "/** the BLT4 rack, `$ ` */\nconst host = 'x'; // BLT4")).not.toContain('BLT');
    expect(codeOf('a.ts', "const host = `on ${'BLT4'}`;")).toContain('BLT');
    expect(codeOf('a.tsx', 'const drive = <p>TZ887 front</p>;')).toContain('TZ887');
  });

  for (const word of SITE_WORDS) {
    it(`does not name ${word.source.replaceAll('\\b', '').replaceAll('\\d', 'n')}`, () => {
      expect(sources.filter((source) => word.test(source.code)).map((source) => source.file)).toEqual([]);
    });
  }
});

// The calendar and tape rules, the calendar export, the message grammar and the parsers: the
// plan's own examples may not appear even in comments, so that nothing there leans on one site.
const STRICT_WORDS = [
  'BLT',
  'DAILY_BACKUP',
  'DAILY ',
  'TAPE_BACKUP',
  'TIME_BLT',
  'BATCHMAN',
  'INITIALIZE_TAPES',
  'INVOICE',
  'PROD_AND_DEVEL',
  'CONSOLIDATED',
  'RMU_',
  'Iron Mountain',
  'Microfinancial',
  'TZ887',
  'receptionist',
];
const PARSER_WORDS = ['LEASE', 'MENTAT', 'DGA15', 'PROD_09'];
// a tape letter written as a string literal, such as 'P' or "G"
const LETTER_LITERAL = /(['"`])[DEFGP]\1/;

function filesIn(folder: string, pick: (name: string) => boolean = () => true): string[] {
  return readdirSync(join(ROOT, folder))
    .filter((name) => name.endsWith('.ts') && pick(name))
    .map((name) => `${folder}/${name}`);
}

const rules = [...filesIn('shared/calendar'), ...filesIn('shared/tapes'), ...filesIn('src-main/reports', (name) => name.includes('calendar-ics'))];
const parsers = ['shared/vms/messages.ts', 'shared/vms/message-catalogue.ts', ...filesIn('shared/vms/parsers')];
const textOf = (file: string) => readFileSync(join(ROOT, file), 'utf8');

describe('not even a comment names the site in the calendar, tape and parser code', () => {
  it('finds the files', () => {
    expect(rules.length).toBeGreaterThan(10);
    expect(parsers.length).toBeGreaterThan(15);
  });

  for (const word of STRICT_WORDS) {
    it(`does not name ${word.trim()}`, () => {
      expect([...rules, ...parsers].filter((file) => textOf(file).includes(word))).toEqual([]);
    });
  }

  for (const word of PARSER_WORDS) {
    it(`the parsers do not name ${word}`, () => {
      expect(parsers.filter((file) => textOf(file).includes(word))).toEqual([]);
    });
  }

  it('the calendar and tape code writes no tape letter as a literal', () => {
    expect(rules.filter((file) => LETTER_LITERAL.test(textOf(file)))).toEqual([]);
  });
});
