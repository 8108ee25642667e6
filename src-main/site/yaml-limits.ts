/**
 * What a profile's YAML may ask of the parser, checked on the tokens before it is parsed: the
 * `yaml` parser takes time that grows with the square of the nesting of [ ] and { } (a 1 MiB
 * file of `[` takes seconds) and of the number of aliases, and the site profile needs little of
 * either.
 */
import { CST, Lexer } from 'yaml';

/** Nesting of [ ] and { } allowed; the shipped profile nests two deep. */
export const MAX_FLOW_DEPTH = 32;
/** Aliases (`*name`) allowed in one profile; the shipped profile has none. */
export const MAX_ALIASES = 100;
/** How many values all aliases together may stand for, once expanded (the yaml toJS option). */
export const MAX_ALIAS_EXPANSION = 1000;

export interface YamlLimitProblem {
  message: string;
  /** Offset in the text of the token that went past the limit. */
  offset: number;
}

export function checkYamlLimits(text: string): YamlLimitProblem | undefined {
  let offset = 0;
  let depth = 0;
  let aliases = 0;
  let afterScalarMark = false;
  for (const lexeme of new Lexer().lex(text)) {
    const type = afterScalarMark ? 'scalar' : CST.tokenType(lexeme);
    // the lexer marks a scalar with a character of its own, then gives the scalar's text
    afterScalarMark = lexeme === CST.SCALAR;
    if (afterScalarMark || type === 'doc-mode' || type === 'flow-error-end') continue;
    if (type === 'flow-map-start' || type === 'flow-seq-start') {
      depth += 1;
      if (depth > MAX_FLOW_DEPTH) return { offset, message: `the YAML nests [ ] and { } more than ${MAX_FLOW_DEPTH} deep; a profile needs a few levels` };
    } else if (type === 'flow-map-end' || type === 'flow-seq-end') {
      depth = Math.max(0, depth - 1);
    } else if (type === 'alias') {
      aliases += 1;
      if (aliases > MAX_ALIASES) return { offset, message: `the profile uses more than ${MAX_ALIASES} YAML aliases (*name); write the values out instead` };
    }
    offset += lexeme.length;
  }
  return undefined;
}
