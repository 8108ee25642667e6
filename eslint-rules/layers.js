// The layers of the design (DESIGN.md "Layout"), lowest first, as the `tapeops/layering` rule reads
// them. A file belongs to the layer whose folder holds it (the longest folder wins). It may import
// its own layer, the layers named in its `imports` and, unless `packages` lists the only ones
// allowed, any npm package. Adding a layer is adding a row here and naming it where it may be used.

/** @typedef {import('./layering.js').Layer} Layer */

/** Folders in which every source file must belong to a layer of the table. */
export const layeredRoots = ['shared', 'src-main', 'src-renderer'];

/**
 * Pure libraries that use no Node or DOM API, so that shared/ runs unchanged in both processes.
 * (tsconfig.shared.json checks the code itself against neither API.)
 */
const purePackages = ['zod', 'date-fns', 'xstate', 'yaml'];

/** The renderer runs in the browser: no Node built-in, and only the libraries it is built with. */
const rendererPackages = ['react', 'react-dom', 'zustand', 'date-fns', 'zod', '@tanstack/react-virtual'];

/** @type {Layer[]} */
export const layers = [
  { name: 'shared', folder: 'shared', imports: [], nodeBuiltins: false, packages: purePackages },
  { name: 'assets', folder: 'assets', imports: [], nodeBuiltins: false, packages: [] },

  { name: 'site', folder: 'src-main/site', imports: ['shared'] },
  { name: 'store', folder: 'src-main/store', imports: ['shared'] },
  { name: 'hosts', folder: 'src-main/hosts', imports: ['shared', 'site', 'store'] },
  { name: 'host-queries', folder: 'src-main/host-queries', imports: ['shared', 'site', 'store', 'hosts'] },
  { name: 'machines', folder: 'src-main/machines', imports: ['shared', 'site', 'store', 'hosts', 'host-queries'] },
  { name: 'labels', folder: 'src-main/labels', imports: ['shared', 'site', 'store', 'hosts', 'host-queries'] },
  { name: 'reports', folder: 'src-main/reports', imports: ['shared', 'site', 'store', 'hosts', 'host-queries'] },
  // A site of its own, so that passing against it means passing against the real one: it shares
  // the pure code and nothing of the console's main process. Others see only its index.
  { name: 'simulator', folder: 'src-main/simulator', entry: 'index.ts', imports: ['shared'] },
  {
    name: 'app',
    folder: 'src-main/app',
    imports: ['shared', 'site', 'store', 'hosts', 'host-queries', 'machines', 'labels', 'reports', 'simulator'],
  },

  // The shells: nothing imports them.
  {
    name: 'electron',
    folder: 'src-main/electron',
    imports: ['shared', 'site', 'store', 'hosts', 'host-queries', 'machines', 'labels', 'reports', 'app'],
  },
  {
    name: 'console-server',
    folder: 'src-main/console-server',
    imports: ['shared', 'site', 'store', 'hosts', 'host-queries', 'machines', 'labels', 'reports', 'app'],
  },
  // The command line starts the browser shell (`tapeops console`): the one shell that reaches another.
  {
    name: 'cli',
    folder: 'src-main/cli',
    imports: ['shared', 'site', 'store', 'hosts', 'host-queries', 'machines', 'labels', 'reports', 'simulator', 'app', 'console-server'],
  },

  { name: 'renderer', folder: 'src-renderer', imports: ['shared', 'assets'], nodeBuiltins: false, packages: rendererPackages },
];
