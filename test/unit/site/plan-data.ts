/** The shipped profile as plain data, fresh for each test, and ways to break one thing in it. */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { z } from 'zod';
import type { siteProfileSchema } from '../../../shared/site/schema';
import { defaultSiteFile } from '../../../src-main/app/paths';

export type ProfileData = z.input<typeof siteProfileSchema>;
type Segment = string | number;

export const planText = readFileSync(defaultSiteFile, 'utf8');

export function planData(): ProfileData {
  return parse(planText) as ProfileData;
}

export function jobIndex(data: ProfileData, name: string): number {
  const index = data.jobs.findIndex((job) => job.name === name);
  if (index < 0) throw new Error(`no job ${name} in the shipped profile`);
  return index;
}

/** Sets one value deep in the data, whatever its type, as a hand edit of the YAML would. */
export function setAt(data: unknown, path: Segment[], value: unknown): void {
  const parent = walk(data, path.slice(0, -1));
  parent[path[path.length - 1] as Segment] = value;
}

export function deleteAt(data: unknown, path: Segment[]): void {
  const parent = walk(data, path.slice(0, -1));
  delete parent[path[path.length - 1] as Segment];
}

function walk(data: unknown, path: Segment[]): Record<Segment, unknown> {
  let node = data;
  for (const segment of path) node = (node as Record<Segment, unknown>)[segment];
  if (typeof node !== 'object' || node === null) throw new Error(`nothing at ${path.join('.')}`);
  return node as Record<Segment, unknown>;
}

/** A copy of the data with one change. */
export function changed(path: Segment[], value: unknown): ProfileData {
  const data = planData();
  setAt(data, path, value);
  return data;
}
