/** The verbs the simulated DCL runs. */
import type { VerbDef } from './command-table';
import { DELETE_ENTRY, SET_ENTRY, SHOW_ENTRY, SHOW_QUEUE, SUBMIT } from './commands/queue-commands';
import { deleteFiles, DIRECTORY, SET_DEFAULT, SHOW_DEFAULT, TYPE } from './commands/file-commands';
import { DEFINE, LOGOUT, SET_MESSAGE, SET_PROMPT, SET_TERMINAL, SHOW_DEVICE, SHOW_LOGICAL, SHOW_SYMBOL, SHOW_TIME, WRITE } from './commands/system-commands';
import { DISMOUNT, INITIALIZE, MOUNT } from './commands/tape-commands';
import { SHOW_SYSTEM } from './commands/show-system';
import { has } from './command-table';
import type { DclProcess } from './process';

export const VERBS: VerbDef<DclProcess>[] = [
  {
    name: 'SHOW',
    keywords: [SHOW_QUEUE, SHOW_ENTRY, SHOW_DEVICE, SHOW_LOGICAL, SHOW_DEFAULT, SHOW_TIME, SHOW_SYMBOL, SHOW_SYSTEM],
    otherKeywords: [
      'ACCOUNTING',
      'AUDIT',
      'BROADCAST',
      'CLUSTER',
      'CPU',
      'ERROR',
      'INTRUSION',
      'KEY',
      'LICENSE',
      'MEMORY',
      'NETWORK',
      'PRINTER',
      'PROCESS',
      'PROTECTION',
      'QUOTA',
      'RMS_DEFAULT',
      'ROOT',
      'SERVER',
      'STATUS',
      'TERMINAL',
      'TRANSLATION',
      'USERS',
      'WORKING_SET',
      'ZONE',
    ],
  },
  {
    name: 'SET',
    keywords: [SET_DEFAULT, SET_ENTRY, SET_TERMINAL, SET_PROMPT, SET_MESSAGE],
    otherKeywords: [
      'ACCOUNTING',
      'AUDIT',
      'BROADCAST',
      'CARD_READER',
      'CLUSTER',
      'CONTROL',
      'DAY',
      'DEVICE',
      'DIRECTORY',
      'FILE',
      'HOST',
      'KEY',
      'MAGTAPE',
      'NOON',
      'ON',
      'OUTPUT_RATE',
      'PASSWORD',
      'PRINTER',
      'PROCESS',
      'PROTECTION',
      'QUEUE',
      'QUORUM',
      'RESTART_VALUE',
      'RIGHTS_LIST',
      'RMS_DEFAULT',
      'ROOT',
      'SECURITY',
      'SERVER',
      'SYMBOL',
      'TIME',
      'UIC',
      'VERIFY',
      'VOLUME',
      'WORKING_SET',
    ],
  },
  { name: 'SUBMIT', command: SUBMIT },
  {
    name: 'DELETE',
    command: {
      name: 'DELETE',
      maxParameters: 8,
      qualifiers: [{ name: 'ENTRY', value: 'optional' }, { name: 'LOG', negatable: true }, { name: 'CONFIRM', negatable: true }, { name: 'QUEUE' }],
      run(process, command) {
        return command.qualifiers.has('ENTRY') && has(command, 'ENTRY') ? DELETE_ENTRY(process, command) : deleteFiles(process, command);
      },
    },
  },
  { name: 'DIRECTORY', command: DIRECTORY },
  { name: 'DEFINE', command: DEFINE },
  { name: 'TYPE', command: TYPE },
  { name: 'WRITE', command: WRITE },
  { name: 'INITIALIZE', command: INITIALIZE },
  { name: 'MOUNT', command: MOUNT },
  { name: 'DISMOUNT', command: DISMOUNT },
  { name: 'LOGOUT', command: LOGOUT },
  { name: 'EXIT', command: { name: 'EXIT', maxParameters: 1, run: () => [] } },
];
