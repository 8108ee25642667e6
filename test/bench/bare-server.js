#!/usr/bin/env node
// The baseline server's entry. It starts exactly as bin/tapeops.js does: it registers the tsx
// loader and then imports its TypeScript, so the loader's start-up cost is in both figures.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./bare-server-main.ts');
process.exitCode = await main(process.argv.slice(2));
