/**
 * The real tools the label tests print, rasterise and scan with: poppler's pdftoppm, pdftotext and
 * pdfinfo, and zbar's zbarimg. A missing tool fails the test with the Debian package to install;
 * a skipped scan test would pass a label nobody ever scanned.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Resvg } from '@resvg/resvg-js';
import type * as ZplRenderer from 'zpl-renderer-js';
import { setLabels, type LabelSetChoice, type SetLabel } from '../../shared/tapes/set-labels';
import { microfinancial } from '../unit/calendar/site-profile';

const run = promisify(execFile);

const TOOLS = {
  zbarimg: 'zbar-tools',
  pdftoppm: 'poppler-utils',
  pdftotext: 'poppler-utils',
  pdfinfo: 'poppler-utils',
} as const;
type Tool = keyof typeof TOOLS;

export function toolPath(tool: Tool): string {
  const found = ['/usr/bin', '/usr/local/bin', ...(process.env.PATH ?? '').split(':')].map((dir) => join(dir, tool)).find((path) => existsSync(path));
  if (found === undefined) {
    throw new Error(`${tool} is not installed: the label tests need the Debian package ${TOOLS[tool]} (apt-get install --no-install-recommends ${TOOLS[tool]}).`);
  }
  return found;
}

export function requireTools(): void {
  for (const tool of Object.keys(TOOLS) as Tool[]) toolPath(tool);
}

export class Workdir {
  readonly dir = mkdtempSync(join(tmpdir(), 'tapeops-labels-'));
  private count = 0;

  file(name: string, data: Buffer | string): string {
    this.count += 1;
    const path = join(this.dir, `${this.count}-${name}`);
    writeFileSync(path, data);
    return path;
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Every symbol zbarimg finds in an image, as text; zbarimg exits 4 when it finds none. */
export async function scan(png: string): Promise<string[]> {
  try {
    const { stdout } = await run(toolPath('zbarimg'), ['--raw', '-q', png]);
    return stdout.split('\n').filter((line) => line.length > 0);
  } catch (error) {
    if ((error as { code?: unknown }).code === 4) return [];
    throw error;
  }
}

/** The pages of a PDF as 300 dpi PNGs, as a printer driver would see them. */
export async function rasterise(pdf: string): Promise<string[]> {
  const prefix = pdf.replace(/\.pdf$/, '');
  await run(toolPath('pdftoppm'), ['-r', '300', '-png', pdf, prefix]);
  const dir = prefix.slice(0, prefix.lastIndexOf('/'));
  const base = prefix.slice(prefix.lastIndexOf('/') + 1);
  return readdirSync(dir)
    .filter((name) => name.startsWith(`${base}-`) && name.endsWith('.png'))
    .sort()
    .map((name) => join(dir, name));
}

/** The symbols of each page of a PDF. */
export async function scanPdf(pdf: string): Promise<string[][]> {
  const pages = await rasterise(pdf);
  return Promise.all(pages.map(scan));
}

export async function pdfText(pdf: string): Promise<string> {
  const { stdout } = await run(toolPath('pdftotext'), ['-enc', 'UTF-8', pdf, '-']);
  return stdout.replace(/\s+/g, ' ');
}

/** Page size in points and page count, from pdfinfo. */
export async function pdfPages(pdf: string): Promise<{ pages: number; widthPt: number; heightPt: number }> {
  const { stdout } = await run(toolPath('pdfinfo'), [pdf]);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1]);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(stdout);
  return { pages, widthPt: Number(size?.[1]), heightPt: Number(size?.[2]) };
}

/** An SVG rasterised by resvg at 300 dpi, with the system fonts. */
export function svgPng(svg: string): Buffer {
  return new Resvg(svg, { fitTo: { mode: 'zoom', value: 300 / 96 }, font: { loadSystemFonts: true } }).render().asPng();
}

// Through Node's own loader: vitest transforming the renderer's 8 MB bundle only earns a warning.
const require = createRequire(import.meta.url);

/** ZPL rendered by zpl-renderer-js (Zebrash in WebAssembly) at 8 dots/mm, as a 203 dpi Zebra prints it. */
export async function zplPngs(zpl: string, widthMm: number, heightMm: number): Promise<Buffer[]> {
  const { ready } = require('zpl-renderer-js') as typeof ZplRenderer;
  const { api } = await ready;
  const images = await api.zplToBase64MultipleAsync(zpl, widthMm, heightMm, 8);
  return images.map((image) => Buffer.from(image, 'base64'));
}

/** The shipped profile's labels of a day, or the test fails with the plan's reason. */
export function labelsOf(date: string, set: LabelSetChoice): SetLabel[] {
  const result = setLabels(microfinancial(), date, set);
  if (!result.ok) throw new Error(result.problem);
  return result.labels;
}
