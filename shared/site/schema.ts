/**
 * The site profile: the whole backup plan of one site as data (DESIGN rule 3).
 * Loading (files, YAML) is done in main; this module only describes and validates the shape.
 * References between parts (a job's queue, a tape's job, ...) are checked in ./validate.
 *
 * Objects are strict: a misspelt field in a hand-edited profile would otherwise be dropped
 * silently and the plan would quietly lose a rule.
 * Fields added after the first version are optional, so that profiles built by hand in tests
 * keep type-checking.
 */
import { z } from 'zod';
import { VOLUME_LABEL_RULES } from '../tapes/volume-label';
import { calendarSchema } from './calendar-schema';
import { operatorProcedureSchema, type procedureStepSchema } from './procedure-schema';
import { commandProcedure, hhmm, isoDate, severityCode, text, vmsDirectory, vmsName, weekday } from './schema-values';

export { calendarSchema } from './calendar-schema';
export { operatorProcedureSchema, procedureStepSchema, senseConditionSchema } from './procedure-schema';

export const hostSchema = z.strictObject({
  name: vmsName,
  arch: z.enum(['VAX', 'Alpha']),
  os: text,
  /** What the plan uses the host for, in the plan's words. */
  roles: z.array(text).default([]),
  address: text,
  port: z.number().int().min(1).max(65535).default(22),
  user: text,
  /** How the console logs in (OpenVMS asks "Password:"; keys where the host's SSH server takes them). */
  authentication: z.enum(['password', 'publickey', 'keyboard-interactive']).default('password'),
  /**
   * Allow the key exchanges and host keys of old OpenVMS SSH servers (diffie-hellman-group1/14-sha1,
   * ssh-dss); only where the host needs them, and the Hosts screen warns while they are in use.
   */
  legacyAlgorithms: z.boolean().default(false),
  /** Exec channels work on this host; otherwise one interactive session carries every command. */
  exec: z.boolean().default(false),
  /**
   * What the host's SSH server speaks, as the simulated site serves it: `legacy`, the server of HP
   * TCP/IP Services for OpenVMS of 2010 (from SSH Secure Shell 3.2: SHA-1 key exchanges, CBC
   * ciphers, hmac-sha1/md5); `modern`, today's algorithms. The console's own offer is
   * `legacyAlgorithms`.
   */
  sshServer: z.enum(['legacy', 'modern']).default('legacy'),
});

export const queueSchema = z.strictObject({
  name: vmsName,
  host: vmsName,
  kind: z.enum(['disk-to-disk', 'tape']),
  description: text,
});

export const logicalNameSchema = z.strictObject({
  name: vmsName,
  value: text,
  table: text,
  concealed: z.boolean().default(false),
});

export const databaseSchema = z.strictObject({
  name: vmsName,
  /** Short name the plan uses in saveset and adhoc procedure names. */
  short: vmsName,
  description: z.string().optional(),
});

export const savesetSchema = z.strictObject({
  name: z.string().regex(/^[A-Z0-9$_]+\.[A-Z0-9$_]+$/, 'must be a file name such as DATA.BAK'),
  contents: text,
  /** Databases whose backup files the saveset holds: lets a restore find the right saveset. */
  databases: z.array(vmsName).optional(),
});

const submittedBySchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('job'), job: vmsName }),
  z.strictObject({ kind: z.literal('scheduler'), by: text }),
  z.strictObject({ kind: z.literal('operator') }),
]);

export const jobSchema = z.strictObject({
  name: vmsName,
  procedure: commandProcedure,
  title: text,
  type: z.enum(['billing', 'disk-to-disk', 'disk-to-tape', 'disk-to-disk-and-tape', 'housekeeping', 'tape-preparation']),
  when: z.enum(['billrun', 'daily', 'adhoc']),
  host: vmsName,
  queue: vmsName,
  submittedBy: submittedBySchema,
  /** A fixed start time (HH:MM), when the plan gives one. */
  at: hhmm.optional(),
  databases: z.array(vmsName).default([]),
  devices: z.array(text).default([]),
  savesets: z.array(savesetSchema).default([]),
  tasks: z.array(text).default([]),
  submits: z.array(z.strictObject({ job: vmsName, at: hhmm.optional() })).default([]),
  parameters: z.array(text).max(8).default([]),
  /** What the job is for, in the plan's words. */
  description: text.optional(),
  /** A remark on one device (key: a name from `devices`), e.g. that only part of it is saved. */
  deviceNotes: z.record(text, text).optional(),
});

export const billRunTapeSchema = z.strictObject({
  letter: z.string().regex(/^[A-Z]$/, 'must be one capital letter'),
  job: vmsName,
  title: text,
});

export const cartridgeLabelSchema = z.strictObject({
  /** Six characters, because an OpenVMS volume label (what INITIALIZE writes) holds at most six. */
  firstSerial: z
    .string()
    .regex(/^[A-Z0-9]{6}$/, 'must be six capital letters and digits, such as MF0001, ending in the number to count up')
    .default('MF0001'),
  /** The media identifier after the serial in the barcode; D is DLTtape IV. */
  mediaId: z
    .string()
    .regex(/^[A-Z0-9]$/, 'must be one capital letter or digit, such as D for DLTtape IV')
    .default('D'),
  /** Code 39's optional Mod 43 check character, for readers set to require it. */
  checkCharacter: z.boolean().default(false),
});

export const labelSettingsSchema = z.strictObject({
  symbology: z.enum(['code128', 'code39']).default('code128'),
  // prefault: an absent block is parsed as {}, so the field defaults above fill it in one place
  cartridge: cartridgeLabelSchema.prefault({}),
});

export const knownErrorSchema = z.strictObject({
  id: text,
  title: text,
  messages: z.array(z.string().regex(/^%[A-Z0-9$_]+-[SIWEF]-[A-Z0-9$_]+$/, 'must be an OpenVMS message code such as %FACILITY-F-IDENT')).min(1),
  description: text,
  cause: text,
  action: z.array(text).min(1),
  /** Log lines exactly as the plan quotes them. */
  examples: z.array(text).optional(),
  /** File patterns (such as *.LOG) for which the plan says no action is needed. */
  ignorableFiles: z.array(text).optional(),
});

/** How the plan tells the operator to read a log: which severities matter, what to look at first. */
export const logReviewSchema = z.strictObject({
  severities: z.array(z.strictObject({ code: severityCode, meaning: text, action: z.enum(['ignore', 'investigate']) })).min(1),
  /** Severity codes to scan for and resolve first. */
  scanFirst: z.array(severityCode).min(1),
  guidance: text,
  /** Findings in a log that must be resolved before the next backup run. */
  investigateWhen: z.array(text).default([]),
  /** The DCL commands the plan gives for viewing the logs. */
  commands: z.array(text).default([]),
});

export const backupClassSchema = z.strictObject({
  name: text,
  method: text,
  billRun: z.enum(['full', 'incremental']),
  otherDays: z.enum(['full', 'incremental']),
  description: text,
});

export const siteProfileSchema = z.strictObject({
  site: z.strictObject({
    name: text,
    organisation: text,
    plan: text,
    revision: text,
    address: text.optional(),
    /** The network segment the servers reside on, as the plan gives it. */
    network: text.optional(),
    /** What the plan says about the data to be backed up. */
    description: text.optional(),
  }),
  /** Installed software the plan names (operating system, database, transaction processing). */
  software: z.array(z.strictObject({ name: text, version: text, use: text.optional() })).optional(),
  hosts: z.array(hostSchema).min(1),
  queues: z.array(queueSchema).min(1),
  batchUser: vmsName,
  /** The plan's rules for running backup jobs, in its words. */
  rules: z.array(text).optional(),
  directories: z.strictObject({
    procedures: z.strictObject({
      path: vmsDirectory,
      alias: vmsDirectory,
      /** DCL symbol that takes the system manager to the procedures directory. */
      symbol: vmsName.optional(),
    }),
    backupArea: z.strictObject({ path: vmsDirectory, sizeGB: z.number().positive(), description: text.optional() }),
    logs: vmsDirectory,
  }),
  logicalNames: z.array(logicalNameSchema).default([]),
  backupClasses: z.array(backupClassSchema).optional(),
  databases: z.array(databaseSchema).default([]),
  jobs: z.array(jobSchema).min(1),
  /** How adhoc backups of one database are named and run. */
  adhocBackups: z
    .strictObject({
      /** Job name with the database's short name as {short}. */
      jobPattern: z.string().regex(/^[A-Z0-9$_]*\{short\}[A-Z0-9$_]*$/, 'must be a job name holding {short}'),
      description: text,
    })
    .optional(),
  tapes: z.strictObject({
    media: text,
    billRun: z.strictObject({
      /** Label code date format; the plan's is YYMMDD (100803 = Aug. 3, 2010). */
      dateFormat: z.literal('yyMMdd'),
      tapes: z.array(billRunTapeSchema).min(1),
      /** How many of the top tapes the backup jobs initialise themselves. */
      initializedByJobs: z.number().int().min(0),
      /** What goes on each label, in the plan's words. */
      label: text.optional(),
      /**
       * How a tape's seven-character paper code becomes its volume label (INITIALIZE takes at
       * most six): `last-six`, the code without blanks, its last six characters (100803E →
       * 00803E, DAILY 1 → DAILY1). One rule, shown beside the paper code; older profiles get it.
       */
      volumeLabel: z.enum(VOLUME_LABEL_RULES).default('last-six'),
    }),
    daily: z.strictObject({
      job: vmsName,
      labels: z.array(text).min(1),
      notes: z.array(text).optional(),
    }),
    /** How the console prints tape labels; absent in older profiles, which get the defaults. */
    labels: labelSettingsSchema.prefault({}),
  }),
  drive: z.strictObject({
    model: text,
    host: vmsName,
    /**
     * The drive's OpenVMS device name on its host, for SHOW DEVICE. The plan does not name it; the
     * console reads the drive's state through it in the magazine procedures.
     */
    device: z
      .string()
      .regex(/^(\$\d+\$)?[A-Z]{2}[A-Z]\d{1,4}:$/, 'must be a tape device name such as $2$MKA500:')
      .default('$2$MKA500:'),
    slots: z.number().int().min(1).max(16),
    media: text,
    capacityGB: z.number().positive(),
    compressed: z.boolean(),
    description: text.optional(),
    notes: z.array(text).optional(),
  }),
  initializeTapes: z.strictObject({
    job: vmsName,
    command: text,
    description: text.optional(),
  }),
  calendar: calendarSchema,
  operatorProcedures: z.array(operatorProcedureSchema).optional(),
  courier: z.strictObject({
    company: text,
    pickupWeekday: weekday,
    pickupTime: text,
    handOff: text,
  }),
  retention: z.strictObject({
    firstBillRunOfMonth: z.literal('no-return-date'),
    yearEnd: z.literal('no-return-date'),
    otherBillRunsMonths: z.number().int().positive(),
    daily: text,
    description: text.optional(),
  }),
  encryption: z.strictObject({ implemented: z.boolean(), reasons: z.array(text) }).optional(),
  restoreTests: z.strictObject({
    target: vmsName,
    every: text,
    what: text,
    description: text.optional(),
  }),
  logReview: logReviewSchema.optional(),
  report: z.strictObject({
    path: text,
    startDate: isoDate,
    /** Where the file lives, in the plan's words. */
    share: text.optional(),
    columns: z.array(text).optional(),
    steps: z.array(text).optional(),
    description: text.optional(),
  }),
  knownErrors: z.array(knownErrorSchema).default([]),
  /** Other documents the plan refers to. */
  references: z.array(z.strictObject({ title: text, where: text })).optional(),
});

export type SiteProfile = z.infer<typeof siteProfileSchema>;
export type SiteJob = z.infer<typeof jobSchema>;
export type SiteHost = z.infer<typeof hostSchema>;
export type CalendarRules = z.infer<typeof calendarSchema>;
export type SiteQueue = z.infer<typeof queueSchema>;
export type SiteDatabase = z.infer<typeof databaseSchema>;
export type SiteLogicalName = z.infer<typeof logicalNameSchema>;
export type SiteKnownError = z.infer<typeof knownErrorSchema>;
export type SiteBillRunTape = z.infer<typeof billRunTapeSchema>;
export type SiteLabelSettings = z.infer<typeof labelSettingsSchema>;
export type LabelSymbology = SiteLabelSettings['symbology'];
export type SiteOperatorProcedure = z.infer<typeof operatorProcedureSchema>;
export type SiteProcedureStep = z.infer<typeof procedureStepSchema>;
export type SiteLogReview = z.infer<typeof logReviewSchema>;
