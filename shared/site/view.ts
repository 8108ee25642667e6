/**
 * What the cross-reference checks look at. For a profile whose shape is valid this is the
 * whole parsed profile; otherwise every part that does parse on its own, so that one typo
 * does not hide the other problems of the file.
 *
 * Names are collected from the raw data, even from entries that fail to parse: a host whose
 * `arch` is misspelt still exists, and jobs naming it must not also be reported.
 */
import type { z } from 'zod';
import {
  databaseSchema,
  hostSchema,
  jobSchema,
  knownErrorSchema,
  logicalNameSchema,
  operatorProcedureSchema,
  queueSchema,
  siteProfileSchema,
  type SiteProfile,
} from './schema';

export interface Entry<T> {
  index: number;
  value: T;
}

export interface Collection<T> {
  /** Entries whose own shape is valid, with their index in the profile. */
  entries: Entry<T>[];
  /** Every name found, with the indices that carry it; undefined when the list itself is absent or not a list. */
  names: Map<string, number[]> | undefined;
}

type Item<K extends keyof SiteProfile> = SiteProfile[K] extends readonly (infer T)[] | undefined ? T : never;

export interface ProfileView {
  hosts: Collection<Item<'hosts'>>;
  queues: Collection<Item<'queues'>>;
  jobs: Collection<Item<'jobs'>>;
  databases: Collection<Item<'databases'>>;
  logicalNames: Collection<Item<'logicalNames'>>;
  knownErrors: Collection<Item<'knownErrors'>>;
  operatorProcedures: Collection<Item<'operatorProcedures'>>;
  tapes: SiteProfile['tapes'] | undefined;
  drive: SiteProfile['drive'] | undefined;
  initializeTapes: SiteProfile['initializeTapes'] | undefined;
  calendar: SiteProfile['calendar'] | undefined;
  restoreTests: SiteProfile['restoreTests'] | undefined;
  adhocBackups: SiteProfile['adhocBackups'] | undefined;
  logReview: SiteProfile['logReview'] | undefined;
}

export function viewOfProfile(profile: SiteProfile): ProfileView {
  return {
    hosts: collectionOf(profile.hosts, (h) => h.name),
    queues: collectionOf(profile.queues, (q) => q.name),
    jobs: collectionOf(profile.jobs, (j) => j.name),
    databases: collectionOf(profile.databases, (d) => d.name),
    logicalNames: collectionOf(profile.logicalNames, (l) => l.name),
    knownErrors: collectionOf(profile.knownErrors, (e) => e.id),
    operatorProcedures: collectionOf(profile.operatorProcedures, (p) => p.id),
    tapes: profile.tapes,
    drive: profile.drive,
    initializeTapes: profile.initializeTapes,
    calendar: profile.calendar,
    restoreTests: profile.restoreTests,
    adhocBackups: profile.adhocBackups,
    logReview: profile.logReview,
  };
}

export function viewOfRawData(data: unknown): ProfileView {
  const raw = isRecord(data) ? data : {};
  const shape = siteProfileSchema.shape;
  return {
    hosts: rawCollection(raw.hosts, hostSchema, 'name'),
    queues: rawCollection(raw.queues, queueSchema, 'name'),
    jobs: rawCollection(raw.jobs, jobSchema, 'name'),
    databases: rawCollection(raw.databases, databaseSchema, 'name'),
    logicalNames: rawCollection(raw.logicalNames, logicalNameSchema, 'name'),
    knownErrors: rawCollection(raw.knownErrors, knownErrorSchema, 'id'),
    operatorProcedures: rawCollection(raw.operatorProcedures, operatorProcedureSchema, 'id'),
    tapes: section(shape.tapes, raw.tapes),
    drive: section(shape.drive, raw.drive),
    initializeTapes: section(shape.initializeTapes, raw.initializeTapes),
    calendar: section(shape.calendar, raw.calendar),
    restoreTests: section(shape.restoreTests, raw.restoreTests),
    adhocBackups: section(shape.adhocBackups, raw.adhocBackups),
    logReview: section(shape.logReview, raw.logReview),
  };
}

function collectionOf<T>(items: readonly T[] | undefined, nameOf: (item: T) => string): Collection<T> {
  const list = items ?? [];
  const names = new Map<string, number[]>();
  list.forEach((item, index) => addName(names, nameOf(item), index));
  return { entries: list.map((value, index) => ({ index, value })), names };
}

function rawCollection<S extends z.ZodType>(raw: unknown, schema: S, nameKey: string): Collection<z.output<S>> {
  if (!Array.isArray(raw)) return { entries: [], names: undefined };
  const entries: Entry<z.output<S>>[] = [];
  const names = new Map<string, number[]>();
  raw.forEach((item: unknown, index) => {
    const parsed = schema.safeParse(item);
    if (parsed.success) entries.push({ index, value: parsed.data });
    const name = isRecord(item) ? item[nameKey] : undefined;
    if (typeof name === 'string') addName(names, name, index);
  });
  return { entries, names };
}

function section<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> | undefined {
  const parsed = schema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

function addName(names: Map<string, number[]>, name: string, index: number): void {
  const indices = names.get(name);
  if (indices) indices.push(index);
  else names.set(name, [index]);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
