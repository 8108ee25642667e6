/**
 * The volume label a tape gets when it is initialised: OpenVMS INITIALIZE takes at most six
 * characters, the plan's paper codes have seven (100803E). One rule of the profile
 * (tapes.billRun.volumeLabel) maps the one to the other, so that the label on the paper and the
 * label on the tape can be shown side by side and never disagree.
 */

/** The rules a profile may name. */
export const VOLUME_LABEL_RULES = ['last-six'] as const;
export type VolumeLabelRule = (typeof VOLUME_LABEL_RULES)[number];

/** At most six characters: OpenVMS volume labels. */
export const VOLUME_LABEL_LENGTH = 6;

/** The volume label of a tape with this paper code, by the profile's rule. */
export function volumeLabelOf(code: string, rule: VolumeLabelRule = 'last-six'): string {
  const bare = code.replace(/\s+/g, '').toUpperCase();
  switch (rule) {
    case 'last-six':
      // drops the first character: of a Bill Run code, the decade digit of its year
      return bare.length > VOLUME_LABEL_LENGTH ? bare.slice(-VOLUME_LABEL_LENGTH) : bare;
  }
}
