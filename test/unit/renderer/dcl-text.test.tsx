// @vitest-environment jsdom
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DclText, dclBreakOpportunities } from '../../../src-renderer/components/DclText';

describe('long DCL wraps at qualifier boundaries', () => {
  it('breaks before each qualifier of the plan’s INITIALIZE_TAPES submission, and nowhere else', () => {
    const command = 'SUBMIT/PARAMETER=3/QUEUE=TAPE_BACKUP SYS$LOGIN:INITIALIZE_TAPES.COM';
    expect(dclBreakOpportunities(command)).toEqual(['SUBMIT', '/PARAMETER=3', '/QUEUE=TAPE_BACKUP SYS$LOGIN:INITIALIZE_TAPES.COM']);
  });

  it('leaves a slash inside a quoted value alone, and a qualifier after a space to the space', () => {
    expect(dclBreakOpportunities('SUBMIT/PARAMETER=("A/B",2) /USER=LEASE_BATCH X.COM')).toEqual(['SUBMIT', '/PARAMETER=("A/B",2) /USER=LEASE_BATCH X.COM']);
  });

  it('gives the command back whole, with a <wbr> before each qualifier', () => {
    const command = 'BACKUP/IMAGE/VERIFY DKA0: MKA500:SAVE.BCK/SAVE_SET/REWIND';
    expect(dclBreakOpportunities(command).join('')).toBe(command);
    const html = renderToStaticMarkup(<DclText command={command} />);
    expect(html).toBe('<code class="dcl">BACKUP<wbr/>/IMAGE<wbr/>/VERIFY DKA0: MKA500:SAVE.BCK<wbr/>/SAVE_SET<wbr/>/REWIND</code>');
  });
});
