import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');

// The project's own eslint.config.js and its table of layers, with only the layering rule. The
// snippets below are files that exist nowhere, so no tsconfig holds them: they are parsed without
// types, which the layering rule does not need.
const eslint = new ESLint({
  cwd: root,
  overrideConfig: { files: ['**/*.{ts,tsx}'], ...tseslint.configs.disableTypeChecked },
  ruleFilter: ({ ruleId }) => ruleId === 'tapeops/layering',
});

/** What ESLint says of `source` if it were the file `file` (relative to the root). */
async function problems(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: join(root, file) });
  return (result?.messages ?? []).map((message) => `${message.line}: ${message.message}`);
}

describe('the table of layers, as `npm run lint` applies it', () => {
  it('stops a host module importing the composition root', async () => {
    expect(await problems('src-main/hosts/x.ts', "import { dispatch } from '../app/dispatch';\nexport { dispatch };")).toEqual([
      '1: hosts may not import app ("../app/dispatch"): hosts imports only hosts, shared, site, store.',
    ]);
  });

  it('stops the renderer importing main-process code', async () => {
    expect(await problems('src-renderer/screens/X.tsx', "import { openStore } from '../../src-main/store';\nexport { openStore };")).toEqual([
      '1: renderer may not import store ("../../src-main/store"): renderer imports only renderer, shared, assets.',
    ]);
  });

  it('stops shared code importing main, the renderer, Node or Electron, in every form of import', async () => {
    const source = [
      "import type { Services } from '../../src-main/app/services';",
      "export { App } from '../../src-renderer/App';",
      "import { readFileSync } from 'node:fs';",
      "const p = require('path');",
      "const e = await import('electron');",
      "export * from '../../src-main/store';",
      "type Row = import('../../src-main/store/open-store').Store;",
      "import os = require('os');",
      'export const all = [readFileSync, p, e, os] as unknown as Services & Row;',
    ].join('\n');
    expect(await problems('shared/calendar/x.ts', source)).toEqual([
      '1: shared may not import app ("../../src-main/app/services"): shared imports only shared.',
      '2: shared may not import renderer ("../../src-renderer/App"): shared imports only shared.',
      '3: shared may not import the Node module "node:fs".',
      '4: shared may not import the Node module "path".',
      '5: shared may not import the package "electron": it imports only zod, date-fns, xstate, yaml.',
      '6: shared may not import store ("../../src-main/store"): shared imports only shared.',
      '7: shared may not import store ("../../src-main/store/open-store"): shared imports only shared.',
      '8: shared may not import the Node module "os".',
    ]);
  });

  it('lets each layer import itself, the layers below it and its packages', async () => {
    const host = [
      "import { systemClock } from '../../shared/clock';",
      "import { openStore } from '../store';",
      "import { connect } from 'node:net';",
      "import { Client } from 'ssh2';",
      "import { x } from './y';",
    ];
    expect(await problems('src-main/hosts/x.ts', [...host, 'export { systemClock, openStore, connect, Client, x };'].join('\n'))).toEqual([]);
    const screen = [
      "import { useState } from 'react';",
      "import { create } from 'zustand';",
      "import { api } from '../api/client';",
      "import type { Day } from '../../shared/calendar/day';",
      "import svg from '../../assets/illustrations/magazine-7-slot.svg?raw';",
    ];
    expect(
      await problems(
        'src-renderer/screens/X.tsx',
        [...screen, 'export const all: [typeof useState, typeof create, typeof api, Day?, string?] = [useState, create, api, undefined, svg];'].join('\n'),
      ),
    ).toEqual([]);
    expect(
      await problems('shared/tapes/x.ts', "import { z } from 'zod';\nimport { addDays } from 'date-fns';\nimport { y } from '../calendar/y';\nexport { z, addDays, y };"),
    ).toEqual([]);
  });

  it('lets nothing import a shell, and a shell nothing above app', async () => {
    expect(await problems('src-main/app/x.ts', "import { createWindow } from '../electron/window';\nexport { createWindow };")).toEqual([
      '1: app may not import electron ("../electron/window"): app imports only app, shared, site, store, hosts, host-queries, machines, labels, reports, simulator.',
    ]);
    expect(await problems('src-main/console-server/x.ts', "import { startConsole } from '../app/start-console';\nexport { startConsole };")).toEqual([]);
  });

  it('reaches the simulator only through its index, and only from app and the CLI', async () => {
    expect(
      await problems(
        'src-main/app/x.ts',
        "import { createSimulatedSite } from '../simulator';\nimport { b } from '../simulator/index.ts';\nexport { createSimulatedSite, b };",
      ),
    ).toEqual([]);
    expect(await problems('src-main/cli/x.ts', "import { serveStdio } from '../simulator/stdio';\nexport { serveStdio };")).toEqual([
      '1: simulator is reached only through src-main/simulator/index.ts, not "../simulator/stdio".',
    ]);
    expect(await problems('src-main/machines/x.ts', "import { createSimulatedSite } from '../simulator';\nexport { createSimulatedSite };")).toEqual([
      '1: machines may not import simulator ("../simulator"): machines imports only machines, shared, site, store, hosts, host-queries.',
    ]);
    expect(
      await problems(
        'src-main/simulator/dcl/x.ts',
        "import { TapeDrive } from '../drive/tape-drive';\nimport { parse } from '../../../shared/vms/parse';\nexport { TapeDrive, parse };",
      ),
    ).toEqual([]);
    expect(await problems('src-main/simulator/x.ts', "import { openStore } from '../store';\nexport { openStore };")).toEqual([
      '1: simulator may not import store ("../store"): simulator imports only simulator, shared.',
    ]);
  });

  it('keeps main out of the renderer and out of the tests', async () => {
    expect(
      await problems(
        'src-main/electron/x.ts',
        "import { App } from '../../src-renderer/App';\nimport { link } from '../../test/support/link-state';\nexport { App, link };",
      ),
    ).toEqual([
      '1: electron may not import renderer ("../../src-renderer/App"): electron imports only electron, shared, site, store, hosts, host-queries, machines, labels, reports, app.',
      '2: electron may not import "../../test/support/link-state", which lies in no layer: electron imports only electron, shared, site, store, hosts, host-queries, machines, labels, reports, app.',
    ]);
  });

  it('asks for a new folder of main to be given its place in the table', async () => {
    expect(await problems('src-main/job-chains/x.ts', 'export const x = 1;')).toEqual([
      '1: src-main/job-chains/x.ts lies in no layer of the table (eslint-rules/layers.js): add its folder there.',
    ]);
  });

  it('lets the tests and the scripts import anything', async () => {
    expect(
      await problems(
        'test/unit/x.test.ts',
        "import { serveStdio } from '../../src-main/simulator/stdio';\nimport { App } from '../../src-renderer/App';\nexport { serveStdio, App };",
      ),
    ).toEqual([]);
    expect(await problems('scripts/x.js', "import { main } from '../src-main/cli/main.ts';\nexport { main };")).toEqual([]);
  });

  it('finds no import across a layer in shared/ or src-renderer/', async () => {
    const results = await eslint.lintFiles(['shared', 'src-renderer']);
    expect(results.length).toBeGreaterThan(50);
    expect(results.flatMap((result) => result.messages.map((message) => `${result.filePath}:${message.line}: ${message.message}`))).toEqual([]);
  });

  it('shared/ type-checks with neither Node nor DOM types, so it uses neither API', () => {
    // tsc exits non-zero and lists each use of process, Buffer, window, document, fetch ...
    execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.shared.json')], { cwd: root, stdio: 'pipe' });
  });
});
