import { net, protocol } from 'electron';
import { join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The console's pages are served from app://console/, never from file:// (which would need extra privileges). */
export const APP_ORIGIN = 'app://console';

/** The policy of every page of the Electron shell: its own scripts and styles, nothing framed, nothing posted. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const securityHeaders = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
};

export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

function notFound(): Response {
  return new Response('not found', { status: 404, headers: { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** The file's response with the security headers added; a fetched response's own headers cannot be changed. */
function withSecurityHeaders(fetched: Response): Response {
  const headers = new Headers(fetched.headers);
  for (const [name, value] of Object.entries(securityHeaders)) headers.set(name, value);
  return new Response(fetched.body, { status: fetched.status, statusText: fetched.statusText, headers });
}

/** The app:// file behind a URL, or null for anything that is not one of the console's files. */
function rendererFile(rendererDir: string, requestUrl: string): string | null {
  const url = new URL(requestUrl);
  if (url.host !== 'console') return null;
  let relative: string;
  try {
    relative = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
  } catch {
    return null;
  }
  const file = normalize(join(rendererDir, relative));
  return file.startsWith(rendererDir + sep) && !relative.includes('\0') ? file : null;
}

/**
 * Serves the built renderer on app://console/. The policy travels in these responses themselves:
 * `webRequest.onHeadersReceived` is never called for a custom protocol.
 */
export function serveRenderer(rendererDir: string): void {
  protocol.handle('app', async (request) => {
    const file = rendererFile(rendererDir, request.url);
    if (file === null) return notFound();
    try {
      return withSecurityHeaders(await net.fetch(pathToFileURL(file).toString()));
    } catch {
      return notFound();
    }
  });
}
