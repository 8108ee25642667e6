/** Cartridge serials for Code 39 barcode labels: counting, ranges, refusals, the Mod 43 check character. */
import bwipjs from 'bwip-js/node';
import { describe, expect, it } from 'vitest';
import {
  cartridgeLabel,
  cartridgeLabels,
  cartridgeSerialRange,
  cartridgeSerials,
  code39CheckCharacter,
  MAX_SERIALS_AT_ONCE,
} from '../../../shared/tapes/cartridge-serials';

const dlt = { firstSerial: 'MF0001', mediaId: 'D', checkCharacter: false };

describe('cartridgeSerials', () => {
  it('counts up from the first serial, keeping the letters and the zero-padded width', () => {
    expect(cartridgeSerials('MF0001', 3)).toEqual({ ok: true, serials: ['MF0001', 'MF0002', 'MF0003'] });
    expect(cartridgeSerials('MF0099', 2)).toEqual({ ok: true, serials: ['MF0099', 'MF0100'] });
    expect(cartridgeSerials('000998', 2)).toEqual({ ok: true, serials: ['000998', '000999'] });
    expect(cartridgeSerials('A1B007', 1)).toEqual({ ok: true, serials: ['A1B007'] });
  });

  it('refuses to run past the width of the number', () => {
    expect(cartridgeSerials('MF9998', 3)).toEqual({
      ok: false,
      problem: '3 serials from MF9998 would run past MF9999: the number after "MF" has 4 digits. Start a new prefix for the next cartridges.',
    });
  });

  it(`refuses more than ${MAX_SERIALS_AT_ONCE} at once, and fewer than one`, () => {
    expect(cartridgeSerials('MF0001', MAX_SERIALS_AT_ONCE).ok).toBe(true);
    expect(cartridgeSerials('MF0001', MAX_SERIALS_AT_ONCE + 1)).toEqual({ ok: false, problem: '501 labels is more than 500 at once; print the range in parts.' });
    expect(cartridgeSerials('MF0001', 0).ok).toBe(false);
  });

  it("refuses Code 39's start character, lower case, other characters, and serials an OpenVMS volume label cannot hold", () => {
    expect(cartridgeSerials('MF*001', 1)).toEqual({ ok: false, problem: `"MF*001": * is Code 39's start and stop character and cannot be in a serial.` });
    expect(cartridgeSerials('mf0001', 1)).toEqual({
      ok: false,
      problem: '"mf0001" holds "m", "f": a serial is capital letters A-Z and digits 0-9 only (no lower case), as Code 39 and an OpenVMS volume label both take them.',
    });
    expect(cartridgeSerials('MF-001', 1).ok).toBe(false);
    expect(cartridgeSerials('MFÉ001', 1).ok).toBe(false);
    expect(cartridgeSerials('MF00001', 1)).toEqual({ ok: false, problem: '"MF00001" has 7 characters: a serial has 6, the most an OpenVMS volume label holds.' });
    expect(cartridgeSerials('MF000A', 1)).toEqual({ ok: false, problem: '"MF000A" does not end in a number to count up, as MF0001 does.' });
  });
});

describe('cartridgeSerialRange', () => {
  it('gives every serial from the first to the last', () => {
    const range = cartridgeSerialRange('MF0001', 'MF0010');
    expect(range.ok && range.serials).toEqual(['MF0001', 'MF0002', 'MF0003', 'MF0004', 'MF0005', 'MF0006', 'MF0007', 'MF0008', 'MF0009', 'MF0010']);
    expect(cartridgeSerialRange('MF0007', 'MF0007')).toEqual({ ok: true, serials: ['MF0007'] });
  });

  it('refuses a range across two series, backwards, or too long', () => {
    expect(cartridgeSerialRange('MF0001', 'MG0003')).toEqual({
      ok: false,
      problem: 'MF0001 and MG0003 are not of one series: the letters before the number and its width must be the same.',
    });
    expect(cartridgeSerialRange('MF0009', 'MF0001')).toEqual({ ok: false, problem: 'MF0001 comes before MF0009: give the lower serial first.' });
    expect(cartridgeSerialRange('MF0001', 'MF0999').ok).toBe(false);
  });
});

describe('code39CheckCharacter (Mod 43)', () => {
  it('sums the values of the characters modulo 43', () => {
    // M=22 F=15 0=0 0=0 0=0 1=1 D=13: 22+15+1+13 = 51; 51 mod 43 = 8, the character "8"
    expect(code39CheckCharacter('MF0001D')).toBe('8');
    // C=12 O=24 D=13 E=14 space=38 3=3 9=9: 113; 113 - 2*43 = 27, the character "R" (A=10 ... R=27)
    expect(code39CheckCharacter('CODE 39')).toBe('R');
    // -=36 .=37 $=39 /=40 +=41 %=42: 235; 235 - 5*43 = 20, the character "K"
    expect(code39CheckCharacter('-.$/+%')).toBe('K');
  });

  it("agrees with bwip-js's own check character", () => {
    for (const text of ['MF0001D', 'MF0002D', 'AB1234D', 'CODE 39', 'ZZ9999D']) {
      const withOurs = bwipjs.raw({ bcid: 'code39', text: `${text}${code39CheckCharacter(text)}` });
      const withTheirs = bwipjs.raw({ bcid: 'code39', text, includecheck: true });
      expect(withOurs).toEqual(withTheirs);
    }
  });

  it('refuses a character Code 39 does not have', () => {
    expect(() => code39CheckCharacter('mf0001')).toThrow('"m" is not a Code 39 character');
  });
});

describe('cartridge labels', () => {
  it('carries serial and media ID, and the check character when the site asks for it', () => {
    expect(cartridgeLabel('MF0001', dlt)).toEqual({ serial: 'MF0001', mediaId: 'D', barcodeText: 'MF0001D' });
    expect(cartridgeLabel('MF0001', { ...dlt, checkCharacter: true })).toEqual({
      serial: 'MF0001',
      mediaId: 'D',
      checkCharacter: '8',
      barcodeText: 'MF0001D8',
    });
    const three = cartridgeLabels('MF0001', 'MF0003', dlt);
    expect(three.ok && three.labels.map((label) => label.barcodeText)).toEqual(['MF0001D', 'MF0002D', 'MF0003D']);
    expect(cartridgeLabels('MF0003', 'MF0001', dlt).ok).toBe(false);
  });
});
