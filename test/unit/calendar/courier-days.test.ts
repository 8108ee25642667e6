import { describe, expect, it } from 'vitest';
import { isCourierPickupDay } from '../../../shared/calendar/courier-days';
import { weekdayOf } from '../../../shared/calendar/iso-date';
import { microfinancial } from './site-profile';

describe('courier pickup days', () => {
  it("are the profile's pickup weekday: Tuesdays", () => {
    const courier = microfinancial().courier;
    expect(courier.pickupWeekday).toBe('tuesday');
    expect(weekdayOf('2010-08-03')).toBe('tuesday');
    expect(isCourierPickupDay(courier, '2010-08-03')).toBe(true);
    expect(isCourierPickupDay(courier, '2010-08-04')).toBe(false);
    expect(isCourierPickupDay(courier, '2010-08-10')).toBe(true);
  });

  it('follow another weekday when the profile names one', () => {
    expect(isCourierPickupDay({ pickupWeekday: 'friday' }, '2010-08-06')).toBe(true);
    expect(isCourierPickupDay({ pickupWeekday: 'friday' }, '2010-08-03')).toBe(false);
  });
});
