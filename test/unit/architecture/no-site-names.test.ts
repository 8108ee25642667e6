/**
 * The site is data (DESIGN rule 3): no code in shared/, src-main/ or src-renderer/ names anything
 * of one site. Comments may quote the plan (they say why); string literals, template text and
 * identifiers may not. Read with TypeScript's own scanner, so a word inside a comment is told
 * from the same word in code.
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
