/**
 * Commands on files and directories: DIRECTORY, TYPE, SET DEFAULT and SHOW DEFAULT, as the plan
 * uses them to review logs (SET DEFAULT to the log directory, DIRECTORY/DATE, TYPE a log).
 * Only DIRECTORY takes wildcards (`*.LOG;*`); TYPE shows exactly one file.
 */
import { assembleCommand, type DclCommand, type QualifierToken } from './command-line';
import { trusted, type DclText } from './dcl-text';
import { assertDirectorySpec, assertFileSpec } from './file-spec';

export interface DirectoryOptions {
  /** What to list; the current default directory when absent. Wildcards are allowed. */
  spec?: string;
  size?: boolean;
  date?: boolean;
}

export function directory(options: DirectoryOptions = {}): DclCommand {
  const qualifiers: QualifierToken<'DIRECTORY'>[] = [];
  if (options.size === true) qualifiers.push({ name: 'SIZE' });
  if (options.date === true) qualifiers.push({ name: 'DATE' });
  const parameters: DclText[] = options.spec === undefined ? [] : [trusted(assertFileSpec(options.spec, 'spec', { wildcards: true, nameOptional: true }))];
  return assembleCommand({ verb: 'DIRECTORY', qualifiers, parameters });
}

export function type(file: string): DclCommand {
  return assembleCommand({ verb: 'TYPE', parameters: [trusted(assertFileSpec(file, 'file'))] });
}

export function setDefault(directorySpec: string): DclCommand {
  return assembleCommand({ verb: 'SET DEFAULT', parameters: [trusted(assertDirectorySpec(directorySpec, 'directory'))] });
}

export function showDefault(): DclCommand {
  return assembleCommand({ verb: 'SHOW DEFAULT' });
}
