/** The set of tapes one Bill Run writes, in the order they go into the magazine. */
import { billRunCode } from './bill-run-code';
import type { IsoDate } from '../calendar/iso-date';
import type { SiteProfile } from '../site/schema';

export interface BillRunTape {
  /** 1 for the top tape of the magazine. */
  position: number;
  code: string;
  letter: string;
  /** The backup job that writes the tape. */
  job: string;
  title: string;
  /** The Bill Run's date, which the label also carries. */
  date: IsoDate;
}

export function billRunSet(profile: Pick<SiteProfile, 'tapes'>, date: IsoDate): BillRunTape[] {
  return profile.tapes.billRun.tapes.map((tape, index) => ({
    position: index + 1,
    code: billRunCode(date, tape.letter),
    letter: tape.letter,
    job: tape.job,
    title: tape.title,
    date,
  }));
}
