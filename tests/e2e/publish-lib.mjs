// Helpers shared by the publishing tests (permalink.test.mjs, embed.test.mjs, publish.test.mjs):
// environment checks, a page whose allowed origins are chosen by the test (lib.mjs's openPage
// only allows ATLAS_URL's origin), a recorder for CSP violations, a tiny static server for
// host pages and GitHub Pages-like sub-paths, and a PGM reader for printed pages.

import { spawnSync } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { WAIT_MS } from './lib.mjs';

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const FIXTURES = path.join(HERE, 'fixtures');

/** `false` when every named environment variable is set, else a skip message naming the missing ones. */
export function needEnv(...names) {
  const missing = names.filter((n) => !process.env[n]);
  if (missing.length === 0) return false;
  return `${missing.join(', ')} not set: run through \`cargo xtask test\` (it serves dist/ and sets ATLAS_URL, ` +
    'ATLAS_DIST, ATLAS_OUT and CHROMIUM), or set them by hand';
}

/** `false` when every named program runs (`<prog> -v`), else a skip message. */
export function needPrograms(...progs) {
  const missing = progs.filter((p) => spawnSync(p, ['-v'], { stdio: 'ignore' }).error);
  return missing.length === 0 ? false : `${missing.join(', ')} not found (Debian package poppler-utils)`;
}

/** Combine skip reasons: the first non-false one. */
export const skipIf = (...reasons) => reasons.find(Boolean) || false;

/** Records `securitypolicyviolation` events into `window.__csp` from the very start of every document. */
export function recordCspViolations(context) {
  return context.addInitScript(() => {
    window.__csp = [];
    window.addEventListener('securitypolicyviolation', (e) => {
      window.__csp.push(`${e.effectiveDirective || e.violatedDirective} blocked ${e.blockedURI || '(inline)'} ` +
        `at ${e.sourceFile || document.location.href}:${e.lineNumber}`);
    }, true);
  });
}

/** The CSP violations recorded in a page or frame (null if the recorder was not installed). */
export const cspViolations = (pageOrFrame) => pageOrFrame.evaluate(() => window.__csp ?? null);

/**
 * Like lib.mjs's openPage, but the test says which URLs are allowed (`allow(url) → bool`); any
 * other request is recorded in log.foreign and aborted. Console errors, page errors, failed
 * requests and HTTP errors (with the URL of the document that made them) are recorded too.
 */
export async function openPageWith(browser, { allow, locale = 'en-US', width = 1280, height = 900, contextOptions = {}, csp = true } = {}) {
  const context = await browser.newContext({
    locale,
    colorScheme: 'light',
    viewport: { width, height },
    reducedMotion: 'reduce',
    serviceWorkers: 'block',
    ...contextOptions,
  });
  context.setDefaultTimeout(WAIT_MS);
  const log = { requests: [], foreign: [], consoleErrors: [], pageErrors: [], failed: [], httpErrors: [] };
  const allowed = (url) => url === 'about:blank' || url.startsWith('data:') || url.startsWith('blob:') || allow(url);
  context.on('request', (req) => {
    log.requests.push(req.url());
    if (!allowed(req.url())) log.foreign.push(`${req.method()} ${req.url()}`);
  });
  context.on('requestfailed', (req) => {
    if (allowed(req.url())) log.failed.push({ url: req.url(), error: req.failure()?.errorText });
  });
  context.on('response', (res) => {
    if (res.status() >= 400) log.httpErrors.push({ status: res.status(), url: res.url(), from: res.frame()?.url() ?? '' });
  });
  await context.route((url) => !allowed(url.href), (route) => route.abort('blockedbyclient'));
  if (csp) await recordCspViolations(context);
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') log.consoleErrors.push({ text: msg.text(), url: msg.location()?.url ?? '', page: page.url() });
  });
  page.on('pageerror', (err) => log.pageErrors.push(String(err?.stack || err)));
  return { context, page, log };
}

/** Every canvas inside `scope` (a selector) drawn; resolves to their number. Works on pages and frames. */
export async function waitForDrawnIn(pageOrFrame, scope, timeout = WAIT_MS) {
  const handle = await pageOrFrame.waitForFunction((sel) => {
    const root = document.querySelector(sel);
    if (!root) return false;
    const cs = [...root.querySelectorAll('canvas')];
    return cs.length > 0 && cs.every((c) => c.getAttribute('data-drawn') === '1') ? cs.length : false;
  }, scope, { timeout, polling: 100 });
  return handle.jsonValue();
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * A static server on a free loopback port, for files under `root` served at `prefix` (which
 * starts and ends with '/'). Directories serve index.html. A missing file under the prefix gets
 * status 404 with `notFound` (a file path) as its body when given, like GitHub Pages' 404.html;
 * anything outside the prefix is a plain 404. `rewrite(relPath, text)` may change text bodies
 * (used to put the atlas's address into a fixture). Every request is recorded in `requests`.
 * Returns { origin, url (origin + prefix), requests, close() }.
 */
export async function startStaticServer({ root, prefix = '/', notFound = null, rewrite = null }) {
  const requests = [];
  const rootAbs = path.resolve(root);
  const server = http.createServer(async (req, res) => {
    const entry = { method: req.method, url: req.url, status: 0, type: '' };
    requests.push(entry);
    const send = (status, type, body) => {
      entry.status = status;
      entry.type = type;
      res.writeHead(status, { 'Content-Type': type, 'Content-Length': body.length, 'Cache-Control': 'no-cache' });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'text/plain', Buffer.from('method not allowed'));
      const pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      if (!pathname.startsWith(prefix)) return send(404, 'text/plain', Buffer.from('not found (outside the site)'));
      // Repeated slashes collapse, as on GitHub Pages: /trade-atlas//x is /trade-atlas/x.
      let rel = pathname.slice(prefix.length).replace(/\/{2,}/g, '/').replace(/^\//, '');
      if (rel === '' || rel.endsWith('/')) rel += 'index.html';
      const file = path.resolve(rootAbs, rel);
      if (!file.startsWith(rootAbs + path.sep)) return send(403, 'text/plain', Buffer.from('forbidden'));
      let found = false;
      try {
        found = (await stat(file)).isFile();
      } catch { /* missing */ }
      if (!found) {
        if (notFound) return send(404, TYPES['.html'], await readFile(notFound));
        return send(404, 'text/plain', Buffer.from('not found'));
      }
      const type = TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
      let body = await readFile(file);
      if (rewrite && /^text\//.test(type)) body = Buffer.from(rewrite(rel, body.toString('utf8')));
      return send(200, type, body);
    } catch (err) {
      return send(500, 'text/plain', Buffer.from(String(err)));
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: origin + prefix,
    requests,
    close: () => new Promise((resolve) => {
      server.closeAllConnections?.();
      server.close(() => resolve());
    }),
  };
}

/** Parse a binary PGM (P5, 8-bit) as written by `pdftoppm -gray`: { width, height, pixels }. */
export function readPgm(buf) {
  let pos = 0;
  const fields = [];
  while (fields.length < 4) {
    while (pos < buf.length && /\s/.test(String.fromCharCode(buf[pos]))) pos++;
    if (buf[pos] === 0x23) { // comment
      while (pos < buf.length && buf[pos] !== 0x0a) pos++;
      continue;
    }
    let start = pos;
    while (pos < buf.length && !/\s/.test(String.fromCharCode(buf[pos]))) pos++;
    fields.push(buf.subarray(start, pos).toString('latin1'));
  }
  pos++; // the single whitespace after maxval
  const [magic, w, h, max] = fields;
  if (magic !== 'P5' || Number(max) > 255) throw new Error(`not an 8-bit binary PGM: ${fields.join(' ')}`);
  const width = Number(w);
  const height = Number(h);
  return { width, height, pixels: buf.subarray(pos, pos + width * height) };
}

/** Fraction of a grey image's pixels darker than `threshold` (0 white page … 1 all ink). */
export function inkFraction({ pixels }, threshold = 235) {
  let ink = 0;
  for (const v of pixels) if (v < threshold) ink++;
  return ink / pixels.length;
}
