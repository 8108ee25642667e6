/**
 * Verbs, keywords and qualifiers as DCL matches them: case-insensitive, abbreviated to any unique
 * prefix, only the first four characters significant; `/NOname` negates a negatable qualifier.
 * Ambiguity is judged against every DCL verb (or keyword) name, not only those simulated, so an
 * abbreviation ambiguous on OpenVMS stays ambiguous here.
 */
import { DclFailure, MSG } from './messages';
import type { DclParameter, DclQualifier, TokenizedCommand } from './tokenizer';

export type ValueRule = 'none' | 'optional' | 'required';

export interface QualifierDef {
  name: string;
  value?: ValueRule;
  negatable?: boolean;
}

export interface ParsedCommand {
  verb: string;
  keyword: string | null;
  parameters: DclParameter[];
  qualifiers: Map<string, { negated: boolean; values: string[] | null }>;
}

export interface CommandDef<Context> {
  name: string;
  qualifiers?: QualifierDef[];
  maxParameters?: number;
  minParameters?: number;
  run(context: Context, command: ParsedCommand): string[];
}

export interface VerbDef<Context> {
  name: string;
  /** For SET and SHOW: the first parameter picks the command. */
  keywords?: CommandDef<Context>[];
  /** Keyword names DCL knows that are not simulated (for ambiguity, and an honest refusal). */
  otherKeywords?: string[];
  command?: CommandDef<Context>;
}

/**
 * Finds `word` among `names` the DCL way. Returns the name, or throws the DCL message for an
 * unknown or ambiguous word.
 */
export function matchName(word: string, names: readonly string[], unknown: typeof MSG.IVVERB, ambiguous: typeof MSG.ABVERB, offending = word): string {
  const upper = word.toUpperCase();
  const exact = names.find((name) => name === upper);
  if (exact !== undefined) return exact;
  const key = upper.slice(0, 4);
  const candidates = [...new Set(names.filter((name) => (upper.length >= 4 ? name.startsWith(key) : name.startsWith(upper))))];
  if (candidates.length === 1) return candidates[0] as string;
  if (candidates.length === 0) throw DclFailure.of(unknown, [], offending);
  throw DclFailure.of(ambiguous, [], offending);
}

function qualifierName(qualifier: DclQualifier, defs: QualifierDef[]): { def: QualifierDef; negated: boolean } {
  const names = defs.map((d) => d.name);
  try {
    const name = matchName(qualifier.name, names, MSG.IVQUAL, MSG.ABKEYW);
    return { def: defs.find((d) => d.name === name) as QualifierDef, negated: false };
  } catch (error) {
    if (!qualifier.name.startsWith('NO') || qualifier.name.length <= 2) throw error;
    const name = matchName(qualifier.name.slice(2), names, MSG.IVQUAL, MSG.ABKEYW, qualifier.name);
    const def = defs.find((d) => d.name === name) as QualifierDef;
    if (def.negatable === false) throw DclFailure.of(MSG.NOTNEG, [], qualifier.name);
    return { def, negated: true };
  }
}

/** Resolves a tokenized command against a verb table into a command to run. */
export function resolveCommand<Context>(
  tokens: TokenizedCommand,
  verbs: VerbDef<Context>[],
  otherVerbs: readonly string[],
): { def: CommandDef<Context>; parsed: ParsedCommand } {
  const verbName = matchName(tokens.verb, [...verbs.map((v) => v.name), ...otherVerbs], MSG.IVVERB, MSG.ABVERB);
  const verb = verbs.find((v) => v.name === verbName);
  if (verb === undefined) throw DclFailure.of(MSG.IVVERB, [], tokens.verb);
  let parameters = tokens.parameters;
  let def: CommandDef<Context>;
  let keyword: string | null = null;
  if (verb.keywords !== undefined) {
    const first = parameters[0];
    if (first === undefined) throw DclFailure.of(MSG.INSFPRM);
    const names = [...verb.keywords.map((k) => k.name), ...(verb.otherKeywords ?? [])];
    keyword = matchName(first.text, names, MSG.IVKEYW, MSG.ABKEYW);
    const found = verb.keywords.find((k) => k.name === keyword);
    if (found === undefined) throw DclFailure.of(MSG.IVKEYW, [], first.text);
    def = found;
    parameters = parameters.slice(1);
  } else {
    def = verb.command as CommandDef<Context>;
  }
  const qualifiers = new Map<string, { negated: boolean; values: string[] | null }>();
  for (const qualifier of tokens.qualifiers) {
    const { def: qdef, negated } = qualifierName(qualifier, def.qualifiers ?? []);
    const rule = qdef.value ?? 'none';
    if (qualifier.values !== null && (rule === 'none' || negated)) throw DclFailure.of(MSG.NOVALU, [], qualifier.name);
    if (qualifier.values === null && rule === 'required' && !negated) throw DclFailure.of(MSG.VALREQ, [], qualifier.name);
    qualifiers.set(qdef.name, { negated, values: qualifier.values });
  }
  if (def.maxParameters !== undefined && parameters.length > def.maxParameters) {
    throw DclFailure.of(MSG.MAXPARM, [], (parameters[def.maxParameters] as DclParameter).text);
  }
  if (def.minParameters !== undefined && parameters.length < def.minParameters) throw DclFailure.of(MSG.INSFPRM);
  return { def, parsed: { verb: verbName, keyword, parameters, qualifiers } };
}

export function has(command: ParsedCommand, name: string): boolean {
  const q = command.qualifiers.get(name);
  return q !== undefined && !q.negated;
}

export function negated(command: ParsedCommand, name: string): boolean {
  return command.qualifiers.get(name)?.negated === true;
}

export function valueOf(command: ParsedCommand, name: string): string | undefined {
  const q = command.qualifiers.get(name);
  return q === undefined || q.negated ? undefined : (q.values?.[0] ?? undefined);
}

export function valuesOf(command: ParsedCommand, name: string): string[] {
  const q = command.qualifiers.get(name);
  return q === undefined || q.negated ? [] : (q.values ?? []);
}

/** Real DCL verbs this simulator does not run (kept so that abbreviations stay as ambiguous as on OpenVMS). */
export const OTHER_DCL_VERBS = [
  'ACCOUNTING',
  'ALLOCATE',
  'ANALYZE',
  'APPEND',
  'ASSIGN',
  'ATTACH',
  'BACKUP',
  'CALL',
  'CANCEL',
  'CLOSE',
  'CONNECT',
  'CONTINUE',
  'CONVERT',
  'COPY',
  'CREATE',
  'DEALLOCATE',
  'DEASSIGN',
  'DEBUG',
  'DECK',
  'DEFINE',
  'DEPOSIT',
  'DIFFERENCES',
  'DISCONNECT',
  'DUMP',
  'EDIT',
  'ELSE',
  'ENDIF',
  'ENDSUBROUTINE',
  'EOD',
  'EOJ',
  'EXAMINE',
  'EXCHANGE',
  'GOSUB',
  'GOTO',
  'HELP',
  'IF',
  'INQUIRE',
  'INSTALL',
  'JOB',
  'LIBRARY',
  'LINK',
  'MAIL',
  'MERGE',
  'MESSAGE',
  'MONITOR',
  'ON',
  'OPEN',
  'PASSWORD',
  'PATCH',
  'PHONE',
  'PRINT',
  'PRODUCT',
  'PURGE',
  'READ',
  'RECALL',
  'RENAME',
  'REPLY',
  'REQUEST',
  'RETURN',
  'RUN',
  'SEARCH',
  'SORT',
  'SPAWN',
  'START',
  'STOP',
  'SUBROUTINE',
  'SYNCHRONIZE',
  'THEN',
  'UNLOCK',
  'WAIT',
];
