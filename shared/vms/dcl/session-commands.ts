/**
 * Commands on the console's own session: SHOW TIME, the status of the last command, SET TERMINAL,
 * SET PROMPT, and SHOW LOGICAL (how the plan follows a logical
 * name to the disk it stands for).
 */
import { DclBuildError } from './dcl-build-error';
import { assembleCommand, type DclCommand, type QualifierToken } from './command-line';
import { trusted } from './dcl-text';
import { assertLogicalName } from './names';
import { assertInteger } from './numbers';
import { assertPrompt, assertQuotedValue } from './string-value';

export function showTime(): DclCommand {
  return assembleCommand({ verb: 'SHOW TIME' });
}

/**
 * `WRITE SYS$OUTPUT $STATUS`: the status of the command before it. The one command that reads a
 * symbol, and it is fixed text: nothing given by a caller goes into it.
 */
export function showStatus(): DclCommand {
  return assembleCommand({ verb: 'WRITE', parameters: [trusted('SYS$OUTPUT'), trusted('$STATUS')] });
}

/** /FULL shows the access mode and the [concealed] and [terminal] attributes the brief form leaves out. */
export function showLogical(name: string, options: { full?: boolean } = {}): DclCommand {
  return assembleCommand({
    verb: 'SHOW LOGICAL',
    qualifiers: options.full === true ? [{ name: 'FULL' }] : [],
    parameters: [trusted(assertLogicalName(name, 'name'))],
  });
}

/** Terminal widths SET TERMINAL/WIDTH takes. */
export const TERMINAL_WIDTH = { min: 1, max: 511 } as const;

export interface SetTerminalOptions {
  width?: number;
  /** No paging: written /PAGE=0 (SET TERMINAL has no /NOPAGE; a page length of 0 turns it off). */
  noPage?: boolean;
  /** true: /NOECHO; false: /ECHO; absent: left as it is. */
  noEcho?: boolean;
  /** true: /NOBROADCAST; false: /BROADCAST; absent: left as it is. */
  noBroadcast?: boolean;
}

export function setTerminal(options: SetTerminalOptions): DclCommand {
  const qualifiers: QualifierToken<'SET TERMINAL'>[] = [];
  if (options.width !== undefined) {
    qualifiers.push({ name: 'WIDTH', value: trusted(String(assertInteger(options.width, TERMINAL_WIDTH, 'width'))) });
  }
  if (options.noPage === true) qualifiers.push({ name: 'PAGE', value: trusted('0') });
  if (options.noEcho !== undefined) qualifiers.push({ name: options.noEcho ? 'NOECHO' : 'ECHO' });
  if (options.noBroadcast !== undefined) qualifiers.push({ name: options.noBroadcast ? 'NOBROADCAST' : 'BROADCAST' });
  if (qualifiers.length === 0) {
    throw new DclBuildError({ code: 'nothing-to-do', field: 'setTerminal', message: 'SET TERMINAL was asked to change nothing' });
  }
  return assembleCommand({ verb: 'SET TERMINAL', qualifiers });
}

/** SET PROMPT="...": the prompt the console looks for to know a command has finished. */
export function setPrompt(prompt: string): DclCommand {
  const checked = assertPrompt(prompt, 'prompt');
  return assembleCommand({ verb: 'SET PROMPT', verbValue: trusted(assertQuotedValue(checked, 'prompt')) });
}
