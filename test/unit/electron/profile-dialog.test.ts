import { describe, expect, it, vi } from 'vitest';

const shown: unknown[] = [];
let answer: { canceled: boolean; filePaths: string[] } = { canceled: true, filePaths: [] };
vi.mock('electron', () => ({
  dialog: {
    showOpenDialog: (options: unknown) => {
      shown.push(options);
      return Promise.resolve(answer);
    },
  },
}));

const { chooseProfilePath } = await import('../../../src-main/electron/profile-dialog');

describe('the site profile file dialog (Electron)', () => {
  it('opens one YAML file, starting in the data folder, and answers its path', async () => {
    answer = { canceled: false, filePaths: ['/data/site-b.yaml'] };
    expect(await chooseProfilePath('/data')).toBe('/data/site-b.yaml');
    expect(shown.at(-1)).toMatchObject({ defaultPath: '/data', properties: ['openFile'], filters: [{ extensions: ['yaml', 'yml'] }] });
  });

  it('answers null when the operator cancels', async () => {
    answer = { canceled: true, filePaths: [] };
    expect(await chooseProfilePath('/data')).toBeNull();
  });
});
