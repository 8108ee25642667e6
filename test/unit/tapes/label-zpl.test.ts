/** ZPL written by hand: the printer's commands around fields it prints exactly as given. */
import { describe, expect, it } from 'vitest';
import { setLabels, type SetLabel } from '../../../shared/tapes/set-labels';
import { LabelRenderError, renderCartridgeLabels, renderLabels, zplFieldData } from '../../../src-main/labels';
import { microfinancial } from '../calendar/site-profile';

function billRun(): SetLabel[] {
  const result = setLabels(microfinancial(), '2010-08-03', 'all');
  if (!result.ok) throw new Error(result.problem);
  return result.labels;
}

describe('zplFieldData', () => {
  it('passes printable ASCII through, underscores and # included', () => {
    expect(zplFieldData('CONSOLIDATED_BACKUP_TO_TAPE #1')).toBe('CONSOLIDATED_BACKUP_TO_TAPE #1');
  });

  it('refuses ^ and ~, which start ZPL commands', () => {
    expect(() => zplFieldData('PROD^FS^XZ')).toThrow('"PROD^FS^XZ" cannot be printed in ZPL: ^ starts a ZPL command.');
    expect(() => zplFieldData('A~JA')).toThrow('"A~JA" cannot be printed in ZPL: ~ starts a ZPL command.');
    expect(() => zplFieldData('^')).toThrow(LabelRenderError);
  });

  it('refuses characters outside printable ASCII', () => {
    expect(() => zplFieldData('Sauvegarde réseau')).toThrow('only printable ASCII characters can be, not "é"');
    expect(() => zplFieldData('line\nbreak')).toThrow(LabelRenderError);
  });
});

describe('renderLabels to ZPL', () => {
  it('writes one format per label, sized for a 4 x 2 in label at 203 dpi', async () => {
    const zpl = await renderLabels(billRun(), { format: 'zpl' });
    expect(zpl.match(/\^XA/g)).toHaveLength(6);
    expect(zpl.match(/\^XZ/g)).toHaveLength(6);
    // 4 in x 203 dpi = 812 dots, 2 in = 406
    expect(zpl.match(/\^PW812\n\^LL406/g)).toHaveLength(6);
    expect(zpl).toContain('^FD100803D^FS');
    expect(zpl).toContain('^FDCONSOLIDATED_BACKUP_TO_TAPE #1^FS');
    expect(zpl).toContain('^FDRuns Aug. 3, 2010 (2010-08-03)^FS');
    // the middle dot is outside the printer's code page
    expect(zpl).toContain('^FDBill Run of Aug. 3, 2010 - tape 2 of 5^FS');
    expect(zpl).toMatch(/\^BY\d+,3,\d+\^BCN,\d+,N,N,N,A\^FDDAILY 1\^FS/);
  });

  it('uses ^B3 for Code 39, the check character in the data and not added again by the printer', async () => {
    const zpl = await renderCartridgeLabels([{ serial: 'MF0001', mediaId: 'D', checkCharacter: '8', barcodeText: 'MF0001D8' }], {
      format: 'zpl',
      stockId: 'dlt-cartridge',
    });
    // 74 mm and 21 mm at 203 dpi
    expect(zpl).toContain('^PW591\n^LL168');
    expect(zpl).toMatch(/\^BY\d+,3\.0,\d+\^B3N,N,\d+,N,N\^FDMF0001D8\^FS/);
  });

  it('refuses a label whose job name would break out of its field', async () => {
    const [first] = billRun();
    if (first === undefined) throw new Error('no label');
    const broken = { ...first, jobName: 'PROD^XZ' };
    await expect(renderLabels([broken], { format: 'zpl' })).rejects.toMatchObject({ name: 'LabelRenderError', code: 'zpl-field' });
    const tilde = { ...first, setText: 'set ~DG' };
    await expect(renderLabels([tilde], { format: 'zpl' })).rejects.toThrow('~ starts a ZPL command');
  });
});
