import type { ProcedureRunPlan } from '../../../shared/procedures/procedure-types';

/** A short run with one step of each kind: enough to reach every state of the machine. */
export function shortPlan(): ProcedureRunPlan {
  return {
    procedureId: 'bill-run',
    title: 'Procedure for Bill Run Backups',
    date: '2010-08-03',
    drive: { host: 'BLT4', model: 'TZ887', slots: 7 },
    slots: [
      { slot: 1, code: '100803P' },
      { slot: 2, code: '100803D' },
    ],
    steps: [
      { id: 'obtain-tapes', text: 'Obtain five DLT IV tape cartridges.', kind: 'manual', notes: [], showsMagazine: false },
      { id: 'press-load', text: 'Press the Load button.', kind: 'sensed', sense: { kind: 'drive-loaded' }, notes: [], showsMagazine: false, showsDrive: 'load' },
      {
        id: 'initialize-tapes',
        text: 'At the BLT4 prompt, enter this command: SUBMIT/PARAMETER=3/QUEUE=TAPE_BACKUP SYS$LOGIN:INITIALIZE_TAPES.COM',
        kind: 'command',
        command: {
          job: 'INITIALIZE_TAPES',
          host: 'BLT4',
          queue: 'TAPE_BACKUP',
          dcl: 'SUBMIT/PARAMETER=3/QUEUE=TAPE_BACKUP/RETAIN=UNTIL=1-00:00:00/NAME=TAPEOPS_INITIALIZE_TAPES_AAAAAA SYS$LOGIN:INITIALIZE_TAPES.COM',
          parameters: ['3'],
        },
        notes: [],
        showsMagazine: false,
      },
      { id: 'deliver', text: 'Deliver all Bill Run tapes to the receptionist.', kind: 'manual', notes: [], showsMagazine: false },
    ],
    notes: [],
  };
}
