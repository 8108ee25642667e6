import { describe, expect, it } from 'vitest';
import { parseVmsDelta, parseVmsTime } from '../../../../shared/vms/parsers/vms-time';

describe('parseVmsTime', () => {
  it('keeps the text and gives the ISO local form', () => {
    expect(parseVmsTime('25-NOV-2026 06:05:00.12')).toEqual({ text: '25-NOV-2026 06:05:00.12', iso: '2026-11-25T06:05:00.120' });
  });

  it('reads a blank-padded day, a time to the minute, and a date alone', () => {
    expect(parseVmsTime(' 8-JAN-2004 05:00:12.00')?.iso).toBe('2004-01-08T05:00:12.000');
    expect(parseVmsTime('11-DEC-1999 13:12')?.iso).toBe('1999-12-11T13:12:00.000');
    expect(parseVmsTime('24-NOV-2026')?.iso).toBe('2026-11-24T00:00:00.000');
    expect(parseVmsTime('2-aug-2010 13:15:03.65')?.iso).toBe('2010-08-02T13:15:03.650');
  });

  it('reads the forms the queue displays print: padded to the hundredth, to the second (Holding until), to the minute (SUBMIT)', () => {
    expect(parseVmsTime(' 3-AUG-2010 06:05:00.12')).toEqual({ text: '3-AUG-2010 06:05:00.12', iso: '2010-08-03T06:05:00.120' });
    expect(parseVmsTime(' 4-AUG-2010 05:30:00')?.iso).toBe('2010-08-04T05:30:00.000');
    expect(parseVmsTime(' 4-AUG-2010 07:30')?.iso).toBe('2010-08-04T07:30:00.000');
    expect(parseVmsTime('03-AUG-2010 06:05:00.12')?.iso).toBe('2010-08-03T06:05:00.120');
  });

  it('refuses days and times that do not exist', () => {
    for (const text of ['29-FEB-2026 00:00:00.00', '31-NOV-2026', '25-NOV-2026 24:00', '25-NOV-2026 12:60', '25-XYZ-2026', '1-JAN-1700', '', '25-NOV-26']) {
      expect(parseVmsTime(text), text).toBeNull();
    }
    expect(parseVmsTime('29-FEB-2024')?.iso).toBe('2024-02-29T00:00:00.000');
  });
});

describe('parseVmsDelta', () => {
  it('reads days and hours to hundredths', () => {
    expect(parseVmsDelta('0 00:55:59.12')).toEqual({ text: '0 00:55:59.12', milliseconds: (55 * 60 + 59) * 1000 + 120 });
    expect(parseVmsDelta('2 01:00:00.00')?.milliseconds).toBe(49 * 3600 * 1000);
    expect(parseVmsDelta('00:00:01.23')?.milliseconds).toBe(1230);
    expect(parseVmsDelta('0 25:00:00.00')).toBeNull();
  });
});
