import { describe, expect, it } from 'vitest';
import { apDate, apDateWithIso, apDateWithWeekday } from '../../../shared/tapes/label-date';

describe('dates on labels, AP style', () => {
  it('abbreviates Jan., Feb., Aug. to Dec. (September as Sept.) and spells out March to July', () => {
    const months = Array.from({ length: 12 }, (_, i) => apDate(`2011-${String(i + 1).padStart(2, '0')}-03`).split(' ')[0]);
    expect(months).toEqual(['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.']);
  });

  it("writes the plan's example date as the plan does, and both ways for the label", () => {
    expect(apDate('2010-08-03')).toBe('Aug. 3, 2010');
    expect(apDateWithIso('2010-08-03')).toBe('Aug. 3, 2010 (2010-08-03)');
    expect(apDateWithWeekday('2010-08-09')).toBe('Monday, Aug. 9, 2010');
  });
});
