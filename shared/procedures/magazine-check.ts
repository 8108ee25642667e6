/**
 * The magazine against its slot plan, from the labels the operator scanned or typed slot by slot:
 * which slots are right, which wrong, which not read yet; and for a wrong tape, where the right
 * one is and what to do, in words for the step card.
 */
import type { SlotPlan } from './procedure-types';
import { sameCode } from './scanned-code';

export interface MagazineCheck {
  matches: boolean;
  /** Slots of the plan not read yet, top first. */
  unread: number[];
  /** One sentence per wrong slot, saying what is where and what to do. */
  problems: string[];
}

const same = sameCode;

export function checkMagazine(slots: readonly SlotPlan[], found: Readonly<Record<string, string | null>>): MagazineCheck {
  const unread: number[] = [];
  const problems: string[] = [];
  const whereFound = (code: string): number | undefined => slots.find((s) => same(found[String(s.slot)] ?? null, code))?.slot;
  for (const { slot, code } of slots) {
    const key = String(slot);
    if (!(key in found)) {
      if (code !== null) unread.push(slot);
      continue;
    }
    const there = found[key] ?? null;
    if (same(there, code)) continue;
    if (code === null) {
      problems.push(`Slot ${slot} holds ${there}, but stays empty: take ${there} out.`);
    } else if (there === null || there.trim() === '') {
      problems.push(`Slot ${slot} is empty; ${code} belongs there: put ${code} in slot ${slot}.`);
    } else {
      const right = whereFound(code);
      const move = right === undefined ? `find ${code} and put it in slot ${slot}` : `${code} is in slot ${right}: swap the two tapes`;
      problems.push(`Slot ${slot} holds ${there.trim().toUpperCase()}; ${code} belongs there: ${move}.`);
    }
  }
  return { matches: unread.length === 0 && problems.length === 0, unread, problems };
}
