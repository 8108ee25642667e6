/**
 * Reads a site profile file (YAML) and validates it. Never throws for a bad file: a missing
 * file, a YAML syntax error and every profile problem come back as problems to show. The path
 * may name any file (a private key, /proc/self/environ), so a problem quotes no more than a short
 * excerpt of what the file holds.
 */
import { resolve } from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { EXCERPT_LENGTH, excerpt, formatProblem, printable, type SiteProblem } from '../../shared/site/problems';
import type { SiteProfile } from '../../shared/site/schema';
import { findSiteProblems } from '../../shared/site/validate';
import { readProfileFile, readProfileFileSync, type ProfileFileOptions } from './profile-file';
import { duplicateKeyOffsets } from './yaml-duplicate-keys';
import { checkYamlLimits, MAX_ALIAS_EXPANSION } from './yaml-limits';
import { excerptValuesIn } from './value-excerpts';
import { positionOfPath } from './yaml-locations';

export interface LocatedProblem {
  /** The problem as listed in `problems`. */
  problem: string;
  /** file: the file could not be read; syntax: not YAML; profile: YAML whose content is wrong. */
  kind: 'file' | 'syntax' | 'profile';
  /** The problem without its position, for callers that print the position their own way. */
  message: string;
  /** 1-based position in the file, when the problem has one. */
  line?: number;
  column?: number;
}

export type SiteProfileLoad = { ok: true; file: string; profile: SiteProfile } | { ok: false; file: string; problems: string[]; located: LocatedProblem[] };

/** Problems listed at most; one more line says how many were left out. */
export const MAX_LISTED_PROBLEMS = 100;
/** The longest problem listed, whatever a check puts in its message. */
export const MAX_PROBLEM_LENGTH = 240;
// a YAML error message is the library's words and, at times, a piece of the file
const MAX_YAML_MESSAGE_LENGTH = 120;

/** For start-up, before anything else runs: the same checks as readSiteProfile, synchronously. */
export function loadSiteProfile(file: string, options?: ProfileFileOptions): SiteProfileLoad {
  const read = readProfileFileSync(file, options);
  return read.ok ? parseSiteProfileText(read.text, file) : failed(file, [fileProblem(read.problem)]);
}

/**
 * For a path an operator gives while the console serves clients: resolved, read without blocking
 * the process, and refused unless it is a regular file under the size cap. `file` of the result
 * is the resolved path.
 */
export async function readSiteProfile(file: string, options?: ProfileFileOptions): Promise<SiteProfileLoad> {
  const absolute = resolve(file);
  const read = await readProfileFile(absolute, options);
  return read.ok ? parseSiteProfileText(read.text, absolute) : failed(absolute, [fileProblem(read.problem)]);
}

/** The YAML text of a profile, already read; `file` only names it in the result. */
export function parseSiteProfileText(text: string, file: string): SiteProfileLoad {
  const limit = checkYamlLimits(text);
  if (limit) {
    const { line, column } = positionInText(text, limit.offset);
    return failed(file, [{ problem: limit.message, kind: 'profile', message: limit.message, line, column }]);
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const syntax = syntaxProblems(doc, lineCounter);
  if (syntax.length > 0) return failed(file, syntax);
  if (doc.contents === null) {
    const message = 'the file holds no profile (it is empty)';
    return failed(file, [{ problem: message, kind: 'profile', message }]);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSION });
  } catch (error) {
    return failed(file, [conversionProblem(error)]);
  }
  const { profile, problems } = findSiteProblems(data);
  if (profile && problems.length === 0) return { ok: true, file, profile };
  const shown = listed(problems);
  const texts = excerptValuesIn(shown.map(formatProblem), data);
  const located = shown.map((p, i) => profileProblem(p, texts[i] ?? '', doc, lineCounter));
  return failed(file, [...located, ...omitted(problems.length, 'profile')]);
}

function syntaxProblems(doc: Document, lineCounter: LineCounter): LocatedProblem[] {
  const errors = [
    ...doc.errors.map((error) => ({ offset: error.pos[0], message: yamlMessage(error.message) })),
    // uniqueKeys is off in the parse (see yaml-duplicate-keys), so the same words are given here
    ...duplicateKeyOffsets(doc).map((offset) => ({ offset, message: 'YAML syntax error: Map keys must be unique' })),
  ].sort((a, b) => a.offset - b.offset);
  // a nesting too deep for the parser is reported once per level: list it once per place
  const distinct = errors.filter((e, i) => i === 0 || e.offset !== errors[i - 1]?.offset || e.message !== errors[i - 1]?.message);
  const shown = listed(distinct).map(({ offset, message }): LocatedProblem => {
    const { line, col } = lineCounter.linePos(offset);
    return { problem: `line ${line}, column ${col}: ${message}`, kind: 'syntax', message, line, column: col };
  });
  return [...shown, ...omitted(distinct.length, 'syntax')];
}

function profileProblem(p: SiteProblem, formatted: string, doc: Document, lineCounter: LineCounter): LocatedProblem {
  const text = excerpt(formatted, MAX_PROBLEM_LENGTH);
  const position = positionOfPath(doc, lineCounter, p.path);
  return position ? { problem: text, kind: 'profile', message: text, line: position.line, column: position.column } : { problem: text, kind: 'profile', message: text };
}

/** What toJS throws for a document that parsed: aliases past the limit, an alias of no anchor. */
function conversionProblem(error: unknown): LocatedProblem {
  const raw = error instanceof Error ? error.message : String(error);
  if (raw.startsWith('Excessive alias count')) {
    const message = `the profile's YAML aliases (*name) stand for more than ${MAX_ALIAS_EXPANSION} values once expanded; write the values out instead`;
    return { problem: message, kind: 'profile', message };
  }
  const message = yamlMessage(raw);
  return { problem: message, kind: 'syntax', message };
}

function yamlMessage(raw: string): string {
  const first = (raw.split('\n', 1)[0] ?? raw).trim();
  if (first.includes('Maximum call stack size exceeded')) return 'YAML syntax error: the YAML is nested too deeply';
  // the library quotes a tag, a directive or a token as it stands in the file
  const words = first.replace(new RegExp(`\\S{${EXCERPT_LENGTH + 1},}`, 'gu'), (run) => excerpt(run));
  return `YAML syntax error: ${excerpt(words, MAX_YAML_MESSAGE_LENGTH)}`;
}

function listed<T>(items: readonly T[]): T[] {
  return items.slice(0, MAX_LISTED_PROBLEMS);
}

/** The line that stands for the problems past MAX_LISTED_PROBLEMS, if any. */
function omitted(total: number, kind: LocatedProblem['kind']): LocatedProblem[] {
  if (total <= MAX_LISTED_PROBLEMS) return [];
  const message = `and ${total - MAX_LISTED_PROBLEMS} more problems, not listed`;
  return [{ problem: message, kind, message }];
}

function failed(file: string, located: LocatedProblem[]): SiteProfileLoad {
  return { ok: false, file, problems: located.map((p) => p.problem), located };
}

function fileProblem(text: string): LocatedProblem {
  // the path is the operator's own, shown whole, but in one printable line
  const message = printable(text);
  return { problem: message, kind: 'file', message };
}

function positionInText(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) {
    line += 1;
    lineStart = at + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
