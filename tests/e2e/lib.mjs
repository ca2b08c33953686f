// Shared helpers for the Trade Atlas end-to-end suite (node --test + playwright-core): one
// Chromium per test file and a fresh page per test (useChromium), waiting on the page, reading
// charts, tooltips and the search. (The reader's walk in other engines: walk.mjs, engines.mjs.)
//
// The suite expects the built site (dist/) to be served already; `cargo xtask test` does that and
// passes ATLAS_URL, CHROMIUM and ATLAS_OUT. Without ATLAS_URL every file skips with SKIP_REASON.

import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ATLAS_URL = process.env.ATLAS_URL || '';

/** `false` when the suite can run, else the reason every test is skipped (for `{ skip }`). */
export const SKIP_REASON = ATLAS_URL
  ? false
  : 'ATLAS_URL is not set: serve dist/ (e.g. `cd dist && python3 -m http.server 8123 --bind 127.0.0.1`) ' +
    'and run with ATLAS_URL=http://127.0.0.1:8123/ — `cargo xtask test` does both';

/** The origin every request must go to. */
export const ATLAS_ORIGIN = ATLAS_URL ? new URL(ATLAS_URL).origin : '';

/** Timeout for a single wait (page load, drawing, a tooltip). */
export const WAIT_MS = 20_000;

/** Per-test timeout for node:test. */
export const TEST_TIMEOUT = 90_000;

/** Where screenshots go: ATLAS_OUT, else tests/e2e/out. Created on demand. */
export function outDir() {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const dir = process.env.ATLAS_OUT || path.join(here, 'out');
  mkdirSync(dir, { recursive: true });
  return dir;
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launch Debian's Chromium headless (never a downloaded browser). */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
  });
}

/** Is this URL something other than the atlas's own origin (data: and blob: are in-page)? */
function isForeign(url) {
  if (url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank') return false;
  try {
    return new URL(url).origin !== ATLAS_ORIGIN;
  } catch {
    return true;
  }
}

/**
 * A fresh context and page, with every request, console error, page error, failed request and
 * HTTP error recorded in `log`. Requests to other origins are recorded and then aborted so a
 * stray fetch can never hang the suite.
 *
 * options: locale ('zh-CN' | 'en-US'), colorScheme ('light' | 'dark'), width, height,
 * deviceScaleFactor, storage (object written to localStorage before the app starts),
 * contextOptions (extra browser.newContext options, e.g. hasTouch, isMobile, permissions).
 */
export async function openPage(browser, options = {}) {
  const {
    locale = 'zh-CN',
    colorScheme = 'light',
    width = 1280,
    height = 900,
    deviceScaleFactor = 1,
    storage = null,
    contextOptions = {},
  } = options;
  const context = await browser.newContext({
    locale,
    colorScheme,
    viewport: { width, height },
    deviceScaleFactor,
    reducedMotion: 'reduce',
    serviceWorkers: 'block',
    ...contextOptions,
  });
  context.setDefaultTimeout(WAIT_MS);
  const log = { requests: [], foreign: [], consoleErrors: [], pageErrors: [], failed: [], httpErrors: [], websockets: [] };
  context.on('request', (req) => {
    const url = req.url();
    log.requests.push(url);
    if (isForeign(url)) log.foreign.push(`${req.method()} ${url}`);
  });
  context.on('requestfailed', (req) => {
    if (!isForeign(req.url())) log.failed.push(`${req.url()}: ${req.failure()?.errorText}`);
  });
  context.on('response', (res) => {
    if (res.status() >= 400) log.httpErrors.push(`${res.status()} ${res.url()}`);
  });
  await context.route(
    (url) => isForeign(url.href),
    (route) => route.abort('blockedbyclient'),
  );
  if (storage) {
    await context.addInitScript((entries) => {
      for (const [k, v] of Object.entries(entries)) window.localStorage.setItem(k, v);
    }, storage);
  }
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') log.consoleErrors.push(`${msg.text()} @ ${msg.location()?.url ?? ''}`);
  });
  page.on('pageerror', (err) => log.pageErrors.push(String(err?.stack || err)));
  page.on('websocket', (ws) => log.websockets.push(ws.url()));
  return { context, page, log };
}

/** Problems recorded in `log` (empty when the page behaved). */
export function problems(log) {
  const out = [];
  for (const u of log.foreign) out.push(`request to another origin than ${ATLAS_ORIGIN}: ${u}`);
  for (const u of log.websockets) if (isForeign(u)) out.push(`websocket to another origin: ${u}`);
  for (const e of log.consoleErrors) out.push(`console error: ${e}`);
  for (const e of log.pageErrors) out.push(`page error: ${e}`);
  for (const e of log.failed) out.push(`failed request: ${e}`);
  for (const e of log.httpErrors) out.push(`HTTP error: ${e}`);
  return out;
}

/**
 * Run `body(opened)` on a page just opened ({ context, page, log }) and close its context
 * whatever happens; returns what `body` returned.
 */
export async function closing(opened, body) {
  try {
    return await body(opened);
  } finally {
    await opened.context.close();
  }
}

/**
 * One Chromium for the tests of the enclosing `describe`, launched when a test first asks for it
 * and closed after the last. Each test takes a fresh page from it:
 *
 *   const chromium = useChromium();
 *   test('…', async () => {
 *     await chromium.page({ locale: 'en-US' }, async ({ page, log, context }) => { … });
 *   });
 *
 * `page(options, body)` opens a page with openPage's options, runs `body` and then checks that
 * the page talked only to the atlas and logged no error (`clean: false` leaves that to the test,
 * for a page that is meant to log one); `pageWith(open, options, body)` opens it with another
 * opener (publish-lib.mjs's openPageWith, whose log the test reads itself). Both close the page
 * whatever happens; `browser()` gives the browser itself.
 */
export function useChromium() {
  let launched = null;
  const browser = () => (launched ??= launch());
  after(async () => {
    if (launched) await (await launched).close();
  });
  return {
    browser,
    page: async ({ clean = true, ...options }, body) => closing(await openPage(await browser(), options), async (opened) => {
      const result = await body(opened);
      if (clean) assert.deepEqual(problems(opened.log), [], `the page must only talk to ${ATLAS_ORIGIN} and log no errors`);
      return result;
    }),
    pageWith: async (open, options, body) => closing(await open(await browser(), options), body),
  };
}

/** Wait until the app has mounted (the static first screen is gone, the last section is present). */
export async function waitForMount(page, timeout = WAIT_MS) {
  await page.waitForFunction(() => !document.getElementById('shell') && document.querySelector('main#main #about'),
    null, { timeout, polling: 'raf' });
}

/**
 * Build every part of the page at once, as find in page does (the app builds what nears the
 * viewport; Ctrl+F asks for everything so the browser's search can see it).
 */
export async function buildEverything(page) {
  await page.keyboard.press('Control+f');
}

/**
 * Wait until the app has mounted, build every part of the page, and wait until every canvas
 * carries data-drawn="1" (a chart draws once when built, wherever it is). Returns the number of
 * canvases.
 */
export async function waitForCanvases(page, timeout = WAIT_MS) {
  await waitForMount(page, timeout);
  await buildEverything(page);
  const handle = await page.waitForFunction(
    () => {
      if (document.querySelector('.deferred[data-built=false]')) return false;
      const cs = [...document.querySelectorAll('canvas')];
      return cs.length > 1 && cs.every((c) => c.getAttribute('data-drawn') === '1') ? cs.length : false;
    },
    null,
    { timeout, polling: 'raf' },
  );
  return handle.jsonValue();
}

/** Open the atlas in `page` and wait for every canvas to be drawn. */
export async function gotoAtlas(page, url = ATLAS_URL) {
  await page.goto(url, { waitUntil: 'load' });
  return waitForCanvases(page);
}

/** The expected `<html lang>` and the localStorage value for a language. */
export const LANGS = {
  zh: { locale: 'zh-CN', htmlLang: 'zh-CN', h1: '外贸新质生产力:2023 年中国外贸图集' },
  en: { locale: 'en-US', htmlLang: 'en', h1: "Trade Atlas: China's foreign trade in 2023" },
};

/**
 * Per canvas: chart id, backing-store and CSS sizes, the top-left (background) pixel, and the
 * fraction of pixels that differ from it.
 */
export function canvasStats(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('canvas')].map((c) => {
      const rect = c.getBoundingClientRect();
      const ctx = c.getContext('2d');
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      let differ = 0;
      for (let i = 0; i < d.length; i += 4) {
        if (d[i] !== d[0] || d[i + 1] !== d[1] || d[i + 2] !== d[2] || d[i + 3] !== d[3]) differ++;
      }
      return {
        chart: c.closest('figure.card')?.getAttribute('data-chart') ?? null,
        width: c.width,
        height: c.height,
        cssWidth: rect.width,
        cssHeight: rect.height,
        clientWidth: c.clientWidth,
        clientHeight: c.clientHeight,
        background: [d[0], d[1], d[2], d[3]],
        inkFraction: differ / (d.length / 4),
      };
    }),
  );
}

/** Every canvas's toDataURL, keyed by chart id. */
export function canvasImages(page) {
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('figure.card[data-chart] canvas')].map((c) => [
        c.closest('figure.card').getAttribute('data-chart'),
        c.toDataURL(),
      ]),
    ),
  );
}

/** Relative luminance (0 black … 1 white) of an sRGB colour [r, g, b]. */
export function luminance([r, g, b]) {
  const lin = (v) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/**
 * page.waitForFunction with a readable failure: on timeout, throws `message` (plus the error).
 */
export async function waitFor(page, fn, arg, message, timeout = WAIT_MS) {
  try {
    return await page.waitForFunction(fn, arg, { timeout });
  } catch (err) {
    throw new Error(`${message}: ${err.message.split('\n')[0]}`);
  }
}

/** Wait until `selector`'s trimmed text equals `expected`; on timeout assert with the actual text. */
export async function expectText(page, selector, expected, timeout = WAIT_MS) {
  const end = Date.now() + timeout;
  let actual;
  for (;;) {
    actual = await page.evaluate((sel) => document.querySelector(sel)?.textContent.trim() ?? null, selector);
    if (actual === expected) return;
    if (Date.now() > end) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.equal(actual, expected, `text of ${selector} (waited ${timeout} ms)`);
}

/** Poll `fn` until it returns a truthy value (or throw with `message` and the last value). */
export async function until(fn, message, timeout = WAIT_MS, interval = 50) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    last = await fn();
    if (last) return last;
    if (Date.now() > end) throw new Error(`${message} (timed out after ${timeout} ms; last value: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

/** Wait for two animation frames in the page: pending reactive updates and redraws have run. */
export function settle(page) {
  return page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
}

/**
 * Bring a chart into view, as a reader looking at it would (a chart off screen keeps its old
 * pixels after a change and redraws when it comes back), and let it draw.
 */
export async function showChart(page, chart) {
  await page.$eval(`figure[data-chart="${chart}"]`, (el) => el.scrollIntoView({ block: 'center', behavior: 'instant' }));
  await settle(page);
}

/** Selector of a chart's tooltip. */
export const tipSel = (chart) => `figure[data-chart="${chart}"] [data-testid=tooltip]`;

/**
 * The tooltip of a chart as { title, value, growth, extra: [..], notes: [..], text } or null;
 * yields to the page's event loop first.
 */
export function readTip(page, chart) {
  return page.evaluate(async (sel) => {
    await new Promise((r) => setTimeout(r, 0)); // let pending reactive updates run
    const el = document.querySelector(sel);
    if (!el) return null;
    const text = (c) => el.querySelector(c)?.textContent.trim() ?? null;
    return {
      title: text('.tt-title'),
      value: text('.tt-value'),
      growth: text('.tt-growth'),
      extra: [...el.querySelectorAll('.tt-extra')].map((e) => e.textContent.trim()),
      notes: [...el.querySelectorAll('.note')].map((e) => ({ cls: e.className, text: e.textContent.trim() })),
      derived: !!el.querySelector('.tt-status.derived'),
      text: el.textContent,
    };
  }, tipSel(chart));
}

/**
 * Move the pointer down the canvas of `chart` at `xFrac` of its width and return the bands found:
 * { box, x, bands: [{ title, y0, y1 }] } with y in canvas CSS pixels, top to bottom.
 */
export async function scanBands(page, chart, { xFrac = 0.4, step = 4 } = {}) {
  const canvas = page.locator(`figure[data-chart="${chart}"] canvas`);
  // Centre the canvas (clear of the sticky contents bar) and make sure the scan line hits it.
  await canvas.evaluate((el) => el.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' }));
  const box = await canvas.boundingBox();
  assert.ok(box && box.width > 0 && box.height > 0, `${chart} canvas has a box`);
  const viewport = page.viewportSize();
  assert.ok(box.y >= 0 && box.y + box.height <= viewport.height, `${chart} canvas fits the viewport for scanning`);
  const x = box.x + box.width * xFrac;
  const hits = await canvas.evaluate((el, pts) => pts.map(([px, py]) => document.elementFromPoint(px, py) === el),
    [[x, box.y + 1], [x, box.y + box.height - 2]]);
  assert.deepEqual(hits, [true, true], `${chart}: the scan line's ends must be on the canvas, not covered`);
  const bands = [];
  for (let y = 1; y < box.height - 1; y += step) {
    await page.mouse.move(x, box.y + y);
    const tip = await readTip(page, chart);
    const last = bands.at(-1);
    if (!tip) continue;
    if (last && last.title === tip.title && last.y1 >= y - step) last.y1 = y;
    else bands.push({ title: tip.title, y0: y, y1: y });
  }
  return { box, x, bands };
}

/** Hover the middle of a band and wait until the tooltip shows that band's title; return the tooltip. */
export async function hoverBand(page, chart, scan, band) {
  await page.mouse.move(scan.x, scan.box.y + (band.y0 + band.y1) / 2);
  await waitFor(
    page,
    ([sel, title]) => document.querySelector(`${sel} .tt-title`)?.textContent.trim() === title,
    [tipSel(chart), band.title],
    `${chart}: hovering y=${band.y0}–${band.y1} should show the tooltip "${band.title}"`,
  );
  return readTip(page, chart);
}

/**
 * Keep a handle on the app's WebAssembly memory from the start of every document of `context`:
 * the memory of the first instance created by WebAssembly.instantiate(Streaming) (whatever the
 * loader), or the one in Trunk's `TrunkApplicationStarted` event. Read it with wasmMemoryBytes.
 */
export function trackWasmMemory(context) {
  return context.addInitScript(() => {
    const keep = (memory) => {
      if (memory instanceof WebAssembly.Memory && !window.__atlasWasmMemory) window.__atlasWasmMemory = memory;
    };
    for (const name of ['instantiate', 'instantiateStreaming']) {
      const original = WebAssembly[name];
      if (typeof original !== 'function') continue;
      WebAssembly[name] = function (...args) {
        return original.apply(this, args).then((result) => {
          const instance = result instanceof WebAssembly.Instance ? result : result?.instance;
          keep(instance?.exports?.memory);
          return result;
        });
      };
    }
    addEventListener('TrunkApplicationStarted', (e) => keep(e.detail?.wasm?.memory));
  });
}

/** The byte length of the app's WebAssembly memory (null when trackWasmMemory saw none). */
export function wasmMemoryBytes(page) {
  return page.evaluate(() => window.__atlasWasmMemory?.buffer.byteLength ?? null);
}

/**
 * Click the language toggle and wait until `<html lang>` has changed and a frame has rendered.
 * Returns the new lang; throws (with both values) if it did not change.
 */
export async function switchLanguage(page) {
  const before = await page.getAttribute('html', 'lang');
  await page.click('[data-testid=lang-toggle]');
  await waitFor(page, (was) => document.documentElement.lang !== was, before,
    `the language toggle should change <html lang> from "${before}"`);
  await settle(page);
  return page.getAttribute('html', 'lang');
}

/** The search field in the header. */
export const SEARCH = '[data-testid=search]';

/**
 * Type `text` into the search (focusing it first, replacing what was typed) and wait until the
 * listbox shows options or the page says nothing was found. Returns the options as
 * { id, group, text, marks, selected }.
 */
export async function searchFor(page, text) {
  await page.click(SEARCH);
  await page.fill(SEARCH, '');
  await page.keyboard.type(text);
  await waitFor(page, (t) => document.querySelector('[data-testid=search]')?.value === t &&
    (document.querySelector('#search-list:not([hidden]) [role=option]') || !document.querySelector('#search-none[hidden]')),
  text, `the search for "${text}" should answer`);
  return searchOptions(page);
}

/** The options the search's listbox shows (none when it is hidden). */
export function searchOptions(page) {
  return page.evaluate(() => [...document.querySelectorAll('#search-list:not([hidden]) [role=option]')].map((o) => ({
    id: o.id,
    group: o.closest('[role=group]')?.querySelector('.search-group-name')?.firstChild?.textContent.trim() ?? null,
    text: o.textContent,
    marks: [...o.querySelectorAll('mark')].map((m) => m.textContent),
    selected: o.getAttribute('aria-selected') === 'true',
  })));
}

/**
 * A CSV file of the repository (path relative to its root) as objects keyed by the header; lines
 * starting with '#' are skipped and quoted fields may hold commas and doubled quotes (no line breaks).
 */
export function readCsv(rel) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const text = readFileSync(path.join(here, '..', '..', rel), 'utf8');
  const lines = text.split('\n').filter((l) => l.trim() && !l.startsWith('#'));
  const split = (line) => {
    const out = [];
    let cur = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quoted && c === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (c === '"') quoted = !quoted;
      else if (c === ',' && !quoted) { out.push(cur); cur = ''; } else cur += c;
    }
    out.push(cur);
    return out;
  };
  const [header, ...rows] = lines.map(split);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

/**
 * Run axe-core in the page (its context must bypass the page's CSP); the violations as
 * "rule (impact, n×): help — e.g. targets" lines.
 */
export async function axeViolations(page) {
  const require = createRequire(import.meta.url);
  await page.addScriptTag({ content: readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') });
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help, count: v.nodes.length,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  });
  return result.map((v) => `${v.id} (${v.impact}, ${v.count}×): ${v.help} — e.g. ${v.nodes.join(' | ')}`);
}
