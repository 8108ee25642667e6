/**
 * Reads a site profile file (YAML) and validates it. Never throws for a bad file: a missing
 * file, a YAML syntax error and every profile problem come back as problems to show.
 */
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import { formatProblem } from '../../shared/site/problems';
import type { SiteProfile } from '../../shared/site/schema';
import { findSiteProblems } from '../../shared/site/validate';
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

export type SiteProfileLoad =
  | { ok: true; file: string; profile: SiteProfile }
  | { ok: false; file: string; problems: string[]; located: LocatedProblem[] };

export function loadSiteProfile(file: string): SiteProfileLoad {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return failed(file, [fileProblem(file, error)]);
  }
  return parseSiteProfileText(text, file);
}

/** The YAML text of a profile, already read; `file` only names it in the result. */
export function parseSiteProfileText(text: string, file: string): SiteProfileLoad {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return failed(
      file,
      doc.errors.map((error) => {
        const { line, col } = lineCounter.linePos(error.pos[0]);
        const message = `YAML syntax error: ${firstLine(error.message)}`;
        return { problem: `line ${line}, column ${col}: ${message}`, kind: 'syntax', message, line, column: col };
      }),
    );
  }
  if (doc.contents === null) {
    const message = 'the file holds no profile (it is empty)';
    return failed(file, [{ problem: message, kind: 'profile', message }]);
  }
  const data: unknown = doc.toJS({ maxAliasCount: 1000 });
  const { profile, problems } = findSiteProblems(data);
  if (profile && problems.length === 0) return { ok: true, file, profile };
  return failed(
    file,
    problems.map((p) => {
      const text = formatProblem(p);
      const position = positionOfPath(doc, lineCounter, p.path);
      return position
        ? { problem: text, kind: 'profile', message: text, line: position.line, column: position.column }
        : { problem: text, kind: 'profile', message: text };
    }),
  );
}

function failed(file: string, located: LocatedProblem[]): SiteProfileLoad {
  return { ok: false, file, problems: located.map((p) => p.problem), located };
}

function fileProblem(file: string, error: unknown): LocatedProblem {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const message =
    code === 'ENOENT'
      ? `no such file: ${file}`
      : code === 'EISDIR'
        ? `${file} is a folder, not a profile file`
        : code === 'EACCES' || code === 'EPERM'
          ? `not allowed to read ${file}`
          : `cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`;
  return { problem: message, kind: 'file', message };
}

function firstLine(message: string): string {
  return message.split('\n')[0]?.trim() ?? message;
}
