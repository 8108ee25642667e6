/**
 * String values: the only free-form text the builder writes (SUBMIT /PARAMETERS values, the
 * console's own prompt), and always inside one quoted string.
 *
 * Inside DCL quotes everything is literal except two things: a quotation mark, written doubled,
 * and an apostrophe, because `''X'` still substitutes the symbol X inside quotes (OpenVMS User's
 * Manual, symbol substitution). There is no escape for the apostrophe, so it is refused. Control
 * characters would end or edit the line at the terminal, and non-ASCII has no single meaning on a
 * VT terminal line, so both are refused too. 255 is the documented limit of one parameter
 * (SUBMIT /PARAMETERS: "each parameter can have as many as 255 characters").
 */
import { accept, type Checked, describeCharacter, describeInput, firstCharacterNotIn, orThrow, refuse } from './dcl-build-error';

export const STRING_VALUE_MAX_LENGTH = 255;

/** SET PROMPT took at most 32 characters before later versions raised it; 32 fits both. */
export const PROMPT_MAX_LENGTH = 32;

export function checkStringValue(value: string, field = 'value'): Checked<string> {
  if (typeof value !== 'string') return refuse('wrong-type', field, `${field} must be text, not ${describeInput(value)}`);
  for (const c of value) {
    const code = c.codePointAt(0) ?? 0;
    if (c === "'") {
      return refuse('apostrophe', field, `${field} holds an apostrophe ('), which DCL reads as a symbol substitution even inside quotes; it cannot be sent`);
    }
    if (code < 0x20 || code === 0x7f) {
      return refuse('control-character', field, `${field} holds a ${describeCharacter(c)}; only printable ASCII can be sent`);
    }
    if (code > 0x7e) {
      return refuse('non-ascii', field, `${field} holds a ${describeCharacter(c)}; only printable ASCII can be sent`);
    }
  }
  if (value.length > STRING_VALUE_MAX_LENGTH) {
    return refuse('too-long', field, `${field} is ${value.length} characters long; DCL takes at most ${STRING_VALUE_MAX_LENGTH}`);
  }
  return accept(value);
}

export function assertStringValue(value: string, field = 'value'): string {
  return orThrow(checkStringValue(value, field));
}

/** A checked value as one DCL quoted string: `"` + the value with each `"` doubled + `"`. */
export function quoteStringValue(value: string, field = 'value'): Checked<string> {
  const checked = checkStringValue(value, field);
  return checked.ok ? accept(quote(checked.value)) : checked;
}

export function assertQuotedValue(value: string, field = 'value'): string {
  return orThrow(quoteStringValue(value, field));
}

function quote(value: string): string {
  return `"${value.replaceAll('"', '""')}"`;
}

/**
 * The console's prompt: a string value held to a narrower set, because the console looks for it
 * in the host's output to know that a command has finished; letters, digits, space and `_ $ > # . : -`.
 * No quotation mark, so the quoted form is the prompt between two quotation marks.
 */
export function checkPrompt(prompt: string, field = 'prompt'): Checked<string> {
  const asValue = checkStringValue(prompt, field);
  if (!asValue.ok) return asValue;
  if (prompt.length === 0) return refuse('empty', field, `${field} is empty`);
  if (prompt.length > PROMPT_MAX_LENGTH) {
    return refuse('too-long', field, `${field} is ${prompt.length} characters long; a prompt is at most ${PROMPT_MAX_LENGTH}`);
  }
  const bad = firstCharacterNotIn(prompt, /[A-Za-z0-9 _$>#.:-]/u);
  if (bad !== undefined) {
    return refuse('bad-character', field, `${field} ${describeInput(prompt)} holds ${describeCharacter(bad)}; a prompt is letters, digits, spaces and _ $ > # . : -`);
  }
  return accept(prompt);
}

export function assertPrompt(prompt: string, field = 'prompt'): string {
  return orThrow(checkPrompt(prompt, field));
}
