import { describe, expect, it } from 'vitest';
import { formatTimestamp } from '../../../src-main/store/timestamp';

describe('formatTimestamp', () => {
  const instant = new Date('2026-11-25T13:30:05.007Z');

  it('writes local time with milliseconds and the offset', () => {
    expect(formatTimestamp(instant, -300)).toBe('2026-11-25T08:30:05.007-05:00');
    expect(formatTimestamp(instant, 0)).toBe('2026-11-25T13:30:05.007+00:00');
    expect(formatTimestamp(instant, 330)).toBe('2026-11-25T19:00:05.007+05:30');
  });

  it("uses the workstation's offset by default and stays the same instant", () => {
    const text = formatTimestamp(instant);
    expect(text).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$/);
    expect(Date.parse(text)).toBe(instant.getTime());
  });

  it('refuses an invalid date', () => {
    expect(() => formatTimestamp(new Date('nope'))).toThrow(RangeError);
  });
});
