import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TerminalFilter, VT100_DEVICE_ATTRIBUTES } from '../../../src-main/hosts/terminal-filter';

function filterAll(chunks: string[]): { text: string; replies: string[] } {
  const filter = new TerminalFilter();
  let text = '';
  const replies: string[] = [];
  for (const chunk of chunks) {
    const out = filter.push(chunk);
    text += out.text;
    replies.push(...out.replies);
  }
  return { text, replies };
}

describe('the terminal filter', () => {
  it('answers the Device Attributes query at login as a VT100', () => {
    for (const query of ['\x1b[c', '\x1b[0c', '\x1bZ', '\x9bc']) {
      expect(filterAll([`Welcome\r\n${query}`])).toEqual({ text: 'Welcome\r\n', replies: [VT100_DEVICE_ATTRIBUTES] });
    }
    expect(VT100_DEVICE_ATTRIBUTES).toBe('\x1b[?1;2c');
  });

  it('answers status and cursor position reports', () => {
    expect(filterAll(['\x1b[5n\x1b[6n']).replies).toEqual(['\x1b[0n', '\x1b[1;1R']);
  });

  it('removes other sequences, NUL fill characters and bells without answering them', () => {
    const out = filterAll(['\x1b[2J\x1b[H\x1b[1mBOLD\x1b[0m\0\0\x07 \x1b(B\x1b=\x1b]0;title\x07done\r\n']);
    expect(out).toEqual({ text: 'BOLD done\r\n', replies: [] });
  });

  it('holds a sequence split across chunks until it ends', () => {
    const filter = new TerminalFilter();
    expect(filter.push('ab\x1b')).toEqual({ text: 'ab', replies: [] });
    expect(filter.push('[')).toEqual({ text: '', replies: [] });
    expect(filter.push('0')).toEqual({ text: '', replies: [] });
    expect(filter.push('cd')).toEqual({ text: 'd', replies: [VT100_DEVICE_ATTRIBUTES] });
  });

  it('keeps Latin-1 text (DEC MCS) and tabs', () => {
    expect(filterAll(['Ð\tß\r\n']).text).toBe('Ð\tß\r\n');
  });

  it('gives the same text and answers however the stream is cut', () => {
    const stream = 'Username: \x1b[c\0\0\r\n  Welcome to OpenVMS\x1b[0m\r\n\x1bZ$ \x1b[6n';
    const whole = filterAll([stream]);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: stream.length }), { maxLength: 8 }), (cuts) => {
        const points = [...new Set(cuts)].sort((a, b) => a - b);
        const chunks: string[] = [];
        let from = 0;
        for (const point of points) {
          chunks.push(stream.slice(from, point));
          from = point;
        }
        chunks.push(stream.slice(from));
        expect(filterAll(chunks)).toEqual(whole);
      }),
    );
  });
});
