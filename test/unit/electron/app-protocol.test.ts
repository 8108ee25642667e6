import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';

type Handler = (request: Request) => Response | Promise<Response>;
const handlers = new Map<string, Handler>();
const fetched: string[] = [];

vi.mock('electron', () => ({
  protocol: {
    handle: (scheme: string, handler: Handler) => handlers.set(scheme, handler),
    registerSchemesAsPrivileged: () => undefined,
  },
  net: {
    // Electron's net.fetch of a file: URL: the file's bytes, with headers that cannot be changed
    // (a fetched Response's headers are immutable, so the policy cannot simply be set on them)
    fetch: async (url: string) => {
      fetched.push(url);
      const body = readFileSync(fileURLToPath(url));
      const response = new Response(body, { status: 200, headers: { 'Content-Type': url.endsWith('.js') ? 'text/javascript' : 'text/html' } });
      const refuse = () => {
        throw new TypeError('Headers are immutable');
      };
      Object.assign(response.headers, { set: refuse, append: refuse, delete: refuse });
      return response;
    },
  },
}));

const { serveRenderer, APP_ORIGIN } = await import('../../../src-main/electron/app-protocol');

const rendererDir = mkdtempSync(join(tmpdir(), 'tapeops-app-protocol-'));
mkdirSync(join(rendererDir, 'assets'));
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>TapeOps</title>\n');
writeFileSync(join(rendererDir, 'assets', 'app.js'), 'export {};\n');
afterAll(() => rmSync(rendererDir, { recursive: true, force: true }));

serveRenderer(rendererDir);

function get(url: string): Promise<Response> {
  const handler = handlers.get('app');
  if (!handler) throw new Error('no handler for app://');
  return Promise.resolve(handler(new Request(url)));
}

function directives(response: Response): Map<string, string[]> {
  const header = response.headers.get('content-security-policy');
  expect(header, 'a Content-Security-Policy header').toBeTypeOf('string');
  const found = new Map<string, string[]>();
  for (const part of String(header).split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) found.set(name.toLowerCase(), values);
  }
  return found;
}

describe('the app:// protocol of the Electron shell', () => {
  it('serves the page and its assets with the Content-Security-Policy in the response itself', async () => {
    for (const path of ['/', '/index.html', '/assets/app.js']) {
      const response = await get(`${APP_ORIGIN}${path}`);
      expect(response.status, path).toBe(200);
      const csp = directives(response);
      expect(csp.get('frame-ancestors'), path).toEqual(["'none'"]);
      expect(csp.get('default-src'), path).toEqual(["'none'"]);
      expect(csp.get('script-src'), path).toEqual(["'self'"]);
      expect(csp.get('base-uri'), path).toEqual(["'none'"]);
      expect(csp.get('form-action'), path).toEqual(["'none'"]);
      expect(response.headers.get('content-security-policy'), path).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
  });

  it('keeps the file as it was fetched: its body and its content type', async () => {
    const page = await get(`${APP_ORIGIN}/index.html`);
    expect(await page.text()).toBe('<!doctype html><title>TapeOps</title>\n');
    expect(page.headers.get('content-type')).toBe('text/html');
    const script = await get(`${APP_ORIGIN}/assets/app.js`);
    expect(await script.text()).toBe('export {};\n');
    expect(script.headers.get('content-type')).toBe('text/javascript');
  });

  it('answers another host, a path out of the folder and broken encoding with 404, under the same policy', async () => {
    const before = fetched.length;
    for (const url of ['app://elsewhere/index.html', `${APP_ORIGIN}/..%2f..%2fetc%2fpasswd`, `${APP_ORIGIN}/%E0%A4%A`, `${APP_ORIGIN}/index.html%00.js`]) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(directives(response).get('frame-ancestors'), url).toEqual(["'none'"]);
    }
    expect(fetched.length, 'no file was fetched for them').toBe(before);
  });

  it('answers a file that cannot be fetched with 404 rather than failing the request', async () => {
    const response = await get(`${APP_ORIGIN}/missing.js`);
    expect(response.status).toBe(404);
    expect(directives(response).get('frame-ancestors')).toEqual(["'none'"]);
  });
});
