// Publishing: the site served from a GitHub Pages-like sub-path (and its 404 page returning deep
// links to the atlas), the single-file trade-atlas.html opened from file:// with no network,
// index.html from file:// explaining itself, printing to PDF, and privacy: a CSP meta with
// default-src 'none', no request to another origin and no CSP violation while interacting.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import {
  ATLAS_ORIGIN, ATLAS_URL, TEST_TIMEOUT, hoverBand, outDir, problems, scanBands, useChromium, waitFor, waitForCanvases,
} from './lib.mjs';
import {
  cspViolations, inkFraction, needEnv, needPrograms, openPageWith, readPgm, recordCspViolations, skipIf,
  startStaticServer,
} from './publish-lib.mjs';

const DIST = process.env.ATLAS_DIST || '';
const PREFIX = '/trade-atlas/';

/** The Content-Security-Policy meta of an HTML text (null if none). */
function cspOf(html) {
  return html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)?.[1] ?? null;
}

/** A policy as { directive: [sources] }. */
function parsePolicy(policy) {
  return Object.fromEntries(policy.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([k, ...v]) => [k, v]));
}

/** `'sha256-…'` of every inline <script> body, as CSP computes it. */
function inlineScriptHashes(html) {
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((m) => `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
}

/** Scan a chart and hover its first bar; returns the tooltip. */
async function hoverFirstBar(page, chart) {
  const scan = await scanBands(page, chart, { step: 10 });
  assert.ok(scan.bands.length > 0, `${chart}: the scan found bars`);
  return hoverBand(page, chart, scan, scan.bands[0]);
}

/**
 * Open `<base>some/deep/path?lang=en#ports` (a 404), and check that the 404 page sends the reader
 * to `<base>?lang=en#ports`, the atlas renders there scrolled to #ports, and that only the 404
 * page and its probes of ancestor directories failed.
 */
async function checkDeepLink(page, log, base) {
  const deep = `${base}some/deep/path?lang=en#ports`;
  // What the 404 page may fetch (itself, then each ancestor directory) and see fail.
  const probes = new Set([`${base}some/deep/path?lang=en`, `${base}some/deep/`, `${base}some/`]);
  const basePath = new URL(base).pathname;
  const response = await page.goto(deep);
  assert.equal(response.status(), 404, 'the deep path is a 404 (the 404 page answers it)');
  await page.waitForURL((u) => u.pathname === basePath, { timeout: 10_000 });
  const canvases = await waitForCanvases(page);
  assert.ok(canvases >= 20);
  const where = new URL(page.url());
  assert.equal(where.pathname + where.search + where.hash, `${basePath}?lang=en#ports`);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  // The parts near #ports are built as it comes into view and may move it; the atlas follows it
  // until they settle (ui::scroll_to), so wait for it there rather than read one moment.
  await waitFor(page, () => {
    const top = document.getElementById('ports').getBoundingClientRect().top;
    return top >= -2 && top < 200;
  }, null, 'the #ports section is scrolled to the top');

  const strip = (u) => u.split('#')[0];
  const unexpected = [
    ...log.httpErrors.filter((e) => !probes.has(strip(e.url))).map((e) => `HTTP ${e.status} ${e.url}`),
    ...log.failed.filter((e) => !probes.has(strip(e.url))).map((e) => `failed ${e.url}: ${e.error}`),
    ...log.consoleErrors.filter((e) => !(probes.has(strip(e.url)) && /status of 404/.test(e.text)))
      .map((e) => `console: ${e.text} @ ${e.url}`),
    ...log.pageErrors.map((e) => `page error: ${e}`),
    ...log.foreign.map((u) => `foreign: ${u}`),
  ];
  assert.deepEqual(unexpected, [], 'only the 404 page itself and its probes may fail');
  assert.ok(log.httpErrors.length >= 1 && log.httpErrors.length <= probes.size);
  assert.deepEqual(await cspViolations(page), []);
}

/**
 * Open `<origin><prefix>/evil.example/x?lang=en#ports` with the slash doubled after the prefix (at the
 * root: `<origin>//evil.example/x`). The 404 page must only try paths of its own origin (the page's
 * ancestors with the empty segment collapsed: `<prefix>evil.example/`, then `<prefix>`), send the
 * reader to `<prefix>?lang=en#ports`, and nothing may leave the origin or be refused by the CSP.
 */
async function checkStrayAddress(page, log, origin, prefix) {
  const stray = `${origin}${prefix}/evil.example/x?lang=en#ports`;
  const response = await page.goto(stray);
  assert.equal(response.status(), 404, 'the address is a 404 (the 404 page answers it)');
  await page.waitForURL((u) => u.pathname === prefix, { timeout: 10_000 });
  assert.ok((await waitForCanvases(page)) >= 20, 'the reader lands on the atlas');
  const where = new URL(page.url());
  assert.equal(where.origin + where.pathname + where.search + where.hash, `${origin}${prefix}?lang=en#ports`);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');

  // Requests elsewhere are recorded before they are aborted, so a probe of evil.example would show.
  const pageRequests = log.requests.filter((u) => !/^(data|blob):/.test(u));
  assert.deepEqual(pageRequests.filter((u) => new URL(u).origin !== origin), [], 'no request leaves the origin');
  assert.deepEqual(log.foreign, []);
  // Chromium reports each 404 response as a console error; those of the address itself and of the
  // one probe of its parent are expected. Anything else (a CSP refusal above all) is not.
  const expected404 = new Set([stray.split('#')[0], `${origin}${prefix}evil.example/`]);
  const unexpected = [
    ...log.consoleErrors.filter((e) => !(expected404.has(e.url.split('#')[0]) && /status of 404/.test(e.text)))
      .map((e) => `console: ${e.text} @ ${e.url}`),
    ...log.httpErrors.filter((e) => !expected404.has(e.url.split('#')[0])).map((e) => `HTTP ${e.status} ${e.url}`),
    ...log.failed.map((e) => `failed ${e.url}: ${e.error}`),
    ...log.pageErrors.map((e) => `page error: ${e}`),
  ];
  assert.deepEqual(unexpected, [], 'no console error but the expected 404s, no failed request');
  assert.deepEqual(await cspViolations(page), [], 'nothing was refused by the CSP');
}

/**
 * Run 404.html's script outside a browser against `href`, with `fetch` answering the atlas only at
 * `atlasAt` (a path): returns every URL it fetched, where it sent the reader, and the fallback link.
 */
async function run404Script(script, href, atlasAt) {
  const url = new URL(href);
  const seen = { fetched: [], replaced: null, link: null };
  const link = {};
  const go = { hidden: true };
  const location = {
    pathname: url.pathname, search: url.search, hash: url.hash, origin: url.origin,
    replace: (to) => { seen.replaced = new URL(to, url.href).href; },
  };
  const fetch = async (input) => {
    const u = new URL(input, url.href);
    seen.fetched.push(u.href);
    const ok = u.origin === url.origin && u.pathname === atlasAt;
    return { ok, text: async () => (ok ? '<meta name="generator" content="trade-atlas-app">' : '') };
  };
  const document = { querySelector: () => link, getElementById: () => go };
  new Function('location', 'fetch', 'document', 'URL', script)(location, fetch, document, URL);
  for (let i = 0; i < 100 && !seen.replaced && go.hidden; i++) await new Promise((r) => setImmediate(r));
  if (!go.hidden) seen.link = new URL(link.href, url.href).href;
  return seen;
}

describe('publishing', () => {
  const chromium = useChromium();

  describe('GitHub Pages sub-path', { skip: needEnv('ATLAS_DIST') }, () => {
    let site;
    before(async () => {
      site = await startStaticServer({ root: DIST, prefix: PREFIX, notFound: path.join(DIST, '404.html') });
    });
    after(async () => { await site?.close(); });

    test('the atlas works from /trade-atlas/ with every asset found there', { timeout: TEST_TIMEOUT }, async () => {
      await chromium.pageWith(openPageWith, { allow: (u) => new URL(u).origin === site.origin }, async ({ page, log }) => {
        const first = site.requests.length;
        await page.goto(`${site.url}?lang=en`);
        const canvases = await waitForCanvases(page);
        assert.ok(canvases >= 20, `every chart drawn (${canvases})`);
        assert.equal(await page.getAttribute('html', 'lang'), 'en');
        const served = site.requests.slice(first);
        const outside = served.filter((r) => !r.url.startsWith(PREFIX)).map((r) => r.url);
        assert.deepEqual(outside, [], 'every request stays under the sub-path');
        const bad = served.filter((r) => r.status !== 200).map((r) => `${r.status} ${r.url}`);
        assert.deepEqual(bad, [], 'every request found');
        const wasm = served.find((r) => r.url.endsWith('.wasm'));
        assert.ok(wasm, 'the wasm module was fetched from the sub-path');
        assert.equal(wasm.type, 'application/wasm');

        // The embed snippet and the embed's link back keep the sub-path.
        const fig = page.locator('figure[data-chart="partners-exports"]');
        await fig.locator('details[data-testid=chart-menu] summary').click();
        await fig.locator('[data-action=embed]').click();
        const snippet = await fig.locator('[data-testid=embed-code]').inputValue();
        assert.ok(snippet.includes(`src="${site.url}?embed=partners-exports&lang=en"`), `snippet keeps ${PREFIX}: ${snippet}`);
        await page.goto(`${site.url}?embed=partners-exports&lang=en`);
        await page.locator('main.embed canvas[data-drawn="1"]').waitFor({ state: 'attached' });
        const back = new URL(await page.locator('.embed-link a').evaluate((a) => a.href));
        assert.equal(back.pathname + back.search + back.hash, `${PREFIX}?lang=en#chart-partners-exports`);

        assert.deepEqual(log.foreign, []);
        assert.deepEqual(log.failed, []);
        assert.deepEqual(log.httpErrors, []);
        assert.deepEqual(log.consoleErrors, []);
        assert.deepEqual(log.pageErrors, []);
        assert.deepEqual(await cspViolations(page), []);
      });
    });

    test('a deep link is sent back to the atlas by 404.html, keeping query and hash', { timeout: TEST_TIMEOUT }, async () => {
      await chromium.pageWith(openPageWith, { allow: (u) => new URL(u).origin === site.origin }, async ({ page, log }) => {
        await checkDeepLink(page, log, site.url);
      });
    });

    test('a doubled slash after the sub-path (/trade-atlas//evil.example/x) stays on the origin', { timeout: TEST_TIMEOUT }, async () => {
      await chromium.pageWith(openPageWith, { allow: (u) => new URL(u).origin === site.origin }, async ({ page, log }) => {
        await checkStrayAddress(page, log, site.origin, PREFIX);
      });
    });
  });

  describe('404 page at the site root', { skip: needEnv('ATLAS_URL') }, () => {
    test('a deep link under ATLAS_URL comes back to the atlas too', { timeout: TEST_TIMEOUT }, async () => {
      await chromium.pageWith(openPageWith, { allow: (u) => new URL(u).origin === ATLAS_ORIGIN }, async ({ page, log }) => {
        await checkDeepLink(page, log, new URL(ATLAS_URL).href);
      });
    });

    test('//evil.example/x?lang=en makes the 404 page probe only its own origin and land on the atlas', { timeout: TEST_TIMEOUT }, async () => {
      await chromium.pageWith(openPageWith, { allow: (u) => new URL(u).origin === ATLAS_ORIGIN }, async ({ page, log }) => {
        await checkStrayAddress(page, log, ATLAS_ORIGIN, new URL(ATLAS_URL).pathname);
      });
    });
  });

  describe("404.html's script, run outside the browser", { skip: needEnv('ATLAS_DIST') }, () => {
    const O = 'https://user.example.io';
    let script;
    before(() => {
      const html = readFileSync(path.join(DIST, '404.html'), 'utf8');
      script = html.match(/<script>([\s\S]*?)<\/script>/)[1];
    });
    const sameOrigin = (urls) => urls.filter((u) => new URL(u).origin !== O);

    test('addresses with repeated slashes are collapsed into paths of the same origin', async () => {
      const cases = [
        [`${O}//evil.example/x?lang=en`, '/', `${O}/?lang=en`],
        [`${O}///evil.example//x#ports`, '/', `${O}/#ports`],
        [`${O}//evil.example//`, '/', `${O}/`],
        [`${O}/trade-atlas//evil.example/x?lang=en#ports`, '/trade-atlas/', `${O}/trade-atlas/?lang=en#ports`],
        [`${O}/trade-atlas/some/deep/path?sel=RUS`, '/trade-atlas/', `${O}/trade-atlas/?sel=RUS`],
        [`${O}/%2F%2Fevil.example/x`, '/', `${O}/`],
      ];
      for (const [href, atlasAt, to] of cases) {
        const seen = await run404Script(script, href, atlasAt);
        assert.deepEqual(sameOrigin(seen.fetched), [], `${href}: every probe on ${O} (${seen.fetched.join(', ')})`);
        assert.ok(seen.fetched.every((u) => !new URL(u).pathname.startsWith('//')), `${href}: no path starts with //`);
        assert.equal(seen.replaced, to, `${href}: where the reader is sent`);
      }
      const probes = (await run404Script(script, `${O}//evil.example/x?lang=en`, '/')).fetched;
      assert.deepEqual(probes, [`${O}/evil.example/`, `${O}/`], 'nearest ancestor first, then the root');
    });

    test('when no ancestor serves the atlas, the fallback link is a path of the same origin', async () => {
      for (const [href, link] of [
        [`${O}//evil.example/x`, `${O}/evil.example/`],
        [`${O}//evil.example`, `${O}/`],
        [`${O}/trade-atlas/a/b`, `${O}/trade-atlas/`],
        [`${O}/x`, `${O}/`],
      ]) {
        const seen = await run404Script(script, href, '/nowhere/');
        assert.equal(seen.replaced, null, `${href}: nowhere to go`);
        assert.equal(seen.link, link, `${href}: the fallback link`);
        assert.deepEqual(sameOrigin(seen.fetched), [], `${href}: every probe on ${O}`);
      }
    });
  });

  describe('from a file', { skip: needEnv('ATLAS_DIST') }, () => {
    test('trade-atlas.html renders everything with no network and carries a CSP', { timeout: TEST_TIMEOUT }, async () => {
      const file = path.join(DIST, 'trade-atlas.html');
      const html = readFileSync(file, 'utf8');
      const policy = cspOf(html);
      assert.ok(policy, 'trade-atlas.html has a Content-Security-Policy meta');
      const p = parsePolicy(policy);
      assert.deepEqual(p['default-src'], ["'none'"]);
      assert.deepEqual(p['connect-src'], ["'none'"], 'the single file may not connect anywhere');
      assert.ok(p['script-src'].includes("'wasm-unsafe-eval'"));
      for (const h of inlineScriptHashes(html)) assert.ok(p['script-src'].includes(h), `script-src allows inline script ${h}`);
      assert.ok(!/\bsrc=|<link rel="(stylesheet|modulepreload|preload)"/.test(html.replace(/<script[\s\S]*?<\/script>/g, '')),
        'no external script, stylesheet or preload');

      await chromium.pageWith(openPageWith, { allow: (u) => u.startsWith('file:') }, async ({ page, log }) => {
        const url = `${pathToFileURL(file).href}?lang=en`;
        await page.goto(url);
        const canvases = await waitForCanvases(page);
        assert.ok(canvases >= 20, `every chart drawn (${canvases})`);
        assert.equal(await page.getAttribute('html', 'lang'), 'en');
        assert.equal(await page.locator('meta[http-equiv="Content-Security-Policy"]').count(), 1);
        const tip = await hoverFirstBar(page, 'partners-exports');
        assert.match(tip.title, /^United States/);
        // No data/ folder travels with the one file: its "Download all data" gives the zip it carries.
        const link = page.locator('#about a[data-testid=download-data]');
        await link.scrollIntoViewIfNeeded();
        const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
        assert.equal(download.suggestedFilename(), 'trade-atlas-data.zip');
        assert.deepEqual(readFileSync(await download.path()), readFileSync(path.join(DIST, 'data', 'trade-atlas-data.zip')),
          'the single file downloads the same zip as the site');
        const fileRequests = log.requests.filter((u) => u.startsWith('file:'));
        assert.deepEqual(fileRequests, [url], 'the one file is all it reads');
        assert.deepEqual(log.requests.filter((u) => !/^(file|data|blob):/.test(u)), [], 'no network request was attempted');
        assert.deepEqual(log.foreign, []);
        assert.deepEqual(log.pageErrors, []);
        assert.deepEqual(log.consoleErrors, []);
        assert.deepEqual(log.failed, []);
        assert.deepEqual(await cspViolations(page), []);
      });
    });

    test('index.html from a file says to use trade-atlas.html instead of staying blank', { timeout: TEST_TIMEOUT }, async () => {
      await chromium.pageWith(openPageWith, { allow: (u) => u.startsWith('file:') }, async ({ page, log }) => {
        await page.goto(pathToFileURL(path.join(DIST, 'index.html')).href);
        await page.waitForFunction(() => /could not load/.test(document.getElementById('boot')?.textContent ?? ''));
        await page.waitForLoadState('load');
        const boot = await page.evaluate(() => ({
          text: document.getElementById('boot')?.innerText ?? '',
          visible: !!document.getElementById('boot')?.getClientRects().length,
          app: !!document.querySelector('canvas') || !document.getElementById('shell'),
        }));
        assert.ok(boot.visible, 'the message is visible');
        assert.match(boot.text, /The atlas could not load\./);
        assert.match(boot.text, /use trade-atlas\.html/);
        assert.match(boot.text, /图集未能载入/);
        assert.doesNotMatch(boot.text, /Loading the atlas/);
        assert.equal(boot.app, false);
        assert.deepEqual(log.foreign, [], 'no network request');
        assert.deepEqual(log.pageErrors, []);
      });
    });
  });

  describe('print', { skip: skipIf(needEnv('ATLAS_URL', 'ATLAS_OUT'), needPrograms('pdfinfo', 'pdftoppm', 'pdftotext')) }, () => {
    let work;
    before(() => { work = mkdtempSync(path.join(tmpdir(), 'atlas-print-')); });
    after(() => { if (work) rmSync(work, { recursive: true, force: true }); });

    test('the print button opens every table and prints; the PDF has every section and table', { timeout: TEST_TIMEOUT }, async () => {
      await chromium.page({ locale: 'en-US' }, async ({ page }) => {
        await page.goto(new URL('?lang=en', ATLAS_URL).href);
        await waitForCanvases(page);
        const button = page.locator('[data-testid=print]');
        assert.equal((await button.textContent()).trim(), 'Print / save as PDF');

        // The button: every table open when the print dialog is asked for; afterprint closes them again.
        const closedBefore = await page.locator('details.table-box:not([open])').count();
        assert.ok(closedBefore >= 10, `tables start closed (${closedBefore})`);
        await page.evaluate(() => {
          window.__printCalls = [];
          window.print = () => window.__printCalls.push(document.querySelectorAll('details.table-box:not([open])').length);
        });
        await button.click();
        await page.waitForFunction(() => window.__printCalls.length === 1);
        assert.deepEqual(await page.evaluate(() => window.__printCalls), [0], 'no table closed when printing');
        await page.evaluate(() => dispatchEvent(new Event('afterprint')));
        assert.equal(await page.locator('details.table-box:not([open])').count(), closedBefore, 'afterprint restores the tables');

        // A real print (page.pdf fires beforeprint/afterprint like the browser's own command).
        const pdf = path.join(work, 'atlas.pdf');
        await page.emulateMedia({ media: 'print' });
        await waitForCanvases(page);
        await page.pdf({ path: pdf, printBackground: true });
        await page.emulateMedia({ media: 'screen' });
        assert.equal(await page.locator('details.table-box:not([open])').count(), closedBefore, 'tables closed again after printing');

        const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
        const pages = Number(info.match(/^Pages:\s+(\d+)/m)?.[1]);
        assert.ok(pages > 10, `more than 10 pages (${pages})`);

        execFileSync('pdftoppm', ['-r', '40', '-gray', pdf, path.join(work, 'page')]);
        const pgms = readdirSync(work).filter((f) => /^page-\d+\.pgm$/.test(f)).sort();
        assert.equal(pgms.length, pages);
        const ink = pgms.map((f) => inkFraction(readPgm(readFileSync(path.join(work, f)))));
        const blank = ink.map((v, i) => [i + 1, v]).filter(([, v]) => v < 0.0005).map(([n]) => n);
        assert.deepEqual(blank, [], 'no blank page');
        const full = ink.filter((v) => v > 0.01).length;
        assert.ok(full >= pages * 0.85, `most pages carry content: ${full}/${pages} have >1% ink (${ink.map((v) => (v * 100).toFixed(1)).join(' ')})`);

        const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }).replace(/\s+/g, ' ');
        assert.match(text, /Table 3: China's ten main trading partners/);
        assert.ok(/664\.451|6,644\.51/.test(text), "Table 3's printed US value is in the PDF");
        assert.match(text, /Trade Atlas: China's foreign trade in 2023/);
        assert.doesNotMatch(text, /Copy link|Print \/ save as PDF|Paper's order/, 'switches and chart controls are not printed');

        const out = outDir();
        for (const n of [1, 5]) {
          execFileSync('pdftoppm', ['-r', '60', '-png', '-f', String(n), '-l', String(n), '-singlefile', pdf, path.join(out, `print-page-${n}`)]);
        }
      });
    });

    // Regression: printing from the dark theme used to keep light text on white paper and dark charts.
    test('printing from the dark theme gives dark text on the white paper', {
      timeout: TEST_TIMEOUT,
    }, async () => {
      await chromium.page({ locale: 'en-US' }, async ({ page }) => {
        await page.goto(new URL('?lang=en&theme=dark', ATLAS_URL).href);
        await waitForCanvases(page);
        await page.emulateMedia({ media: 'print' });
        // Text colour against the first opaque background behind it, as WCAG contrast ratios.
        const low = await page.evaluate(() => {
          const rgb = (s) => s.match(/[\d.]+/g).map(Number);
          const lum = ([r, g, b]) => {
            const f = (v) => ((v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
            return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
          };
          const bgOf = (el) => {
            for (let e = el; e; e = e.parentElement) {
              const c = rgb(getComputedStyle(e).backgroundColor);
              if (c.length < 4 || c[3] > 0) return c.slice(0, 3);
            }
            return [255, 255, 255];
          };
          const out = [];
          for (const el of document.querySelectorAll('h1, h2, h3, h4, .lede, main p, td, th')) {
            if (!el.getClientRects().length || !el.textContent.trim()) continue;
            const [a, b] = [lum(rgb(getComputedStyle(el).color)), lum(bgOf(el))];
            const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
            if (ratio < 4.5) out.push(`${el.tagName.toLowerCase()}.${el.className} "${el.textContent.trim().slice(0, 40)}": ${ratio.toFixed(2)}`);
          }
          return out;
        });
        // Evidence for review: page 1 as Chrome prints it with "Background graphics" on.
        await page.pdf({ path: path.join(work, 'dark.pdf'), printBackground: true });
        execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', '-singlefile', path.join(work, 'dark.pdf'),
          path.join(outDir(), 'print-dark-page-1')]);
        assert.deepEqual(low.slice(0, 8), [], `${low.length} printed text elements have contrast below 4.5:1`);
      });
    });
  });

  describe('privacy and CSP', { skip: needEnv('ATLAS_URL') }, () => {
    test('index.html carries a strict CSP that matches its inline scripts', { timeout: TEST_TIMEOUT }, async () => {
      const res = await fetch(ATLAS_URL);
      assert.equal(res.status, 200);
      const html = await res.text();
      const policy = cspOf(html);
      assert.ok(policy, 'index.html has a Content-Security-Policy meta');
      assert.match(policy, /default-src 'none'/);
      assert.match(policy, /'wasm-unsafe-eval'/);
      const p = parsePolicy(policy);
      assert.ok(!p['script-src'].includes("'unsafe-inline'") && !p['script-src'].includes("'unsafe-eval'"), policy);
      assert.deepEqual(p['connect-src'], ["'self'"]);
      assert.ok(!/https?:|\*/.test(policy), `no other origin or wildcard is allowed: ${policy}`);
      const hashes = inlineScriptHashes(html);
      assert.ok(hashes.length >= 2, 'the module loader and the boot script are inline');
      for (const h of hashes) assert.ok(p['script-src'].includes(h), `script-src allows inline script ${h}`);
      assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<script'), 'the policy comes before any script');
    });

    test('no request leaves the origin and nothing violates the CSP while reading and exporting', { timeout: TEST_TIMEOUT }, async () => {
      // The page is meant to log one error at the end (the CSP refusing an injected script): it
      // checks its log itself before that.
      await chromium.page({ locale: 'en-US', clean: false }, async ({ page, log, context }) => {
        await recordCspViolations(context);
        await page.goto(new URL('?lang=en', ATLAS_URL).href);
        await waitForCanvases(page);
        assert.equal(await page.locator('meta[http-equiv="Content-Security-Policy"]').count(), 1);
        assert.deepEqual(await cspViolations(page), [], 'no violation while loading');

        const tip = await hoverFirstBar(page, 'partners-exports');
        assert.match(tip.title, /^United States/);
        const fig = page.locator('figure[data-chart="partners-exports"]');
        await fig.locator('details[data-testid=chart-menu] summary').click();
        const downloads = {};
        for (const action of ['csv', 'json', 'svg', 'png']) {
          const [download] = await Promise.all([page.waitForEvent('download'), fig.locator(`[data-action=${action}]`).click()]);
          downloads[action] = download.suggestedFilename();
          if (action === 'csv') {
            const csv = readFileSync(await download.path(), 'utf8');
            assert.match(csv, /United States/, 'the CSV holds the chart data');
          }
        }
        for (const [action, name] of Object.entries(downloads)) assert.ok(name.endsWith(`.${action}`), `${action} download: ${name}`);
        await fig.locator('[data-action=cite]').click();
        await fig.locator('[data-testid=cite-text]').waitFor();
        await fig.locator('[data-action=embed]').click();
        await fig.locator('[data-testid=embed-code]').waitFor();
        // Theme and hatch patterns redraw every canvas.
        await page.click('[data-testid=theme-toggle]');
        await page.click('[data-testid=contrast-toggle]');
        await page.waitForSelector('html[data-theme=dark][data-contrast=more]');
        await waitForCanvases(page);

        assert.deepEqual(await cspViolations(page), [], 'no CSP violation while interacting');
        assert.deepEqual(problems(log), [], `nothing but ${ATLAS_ORIGIN}, no errors`);
        const elsewhere = log.requests.filter((u) => !/^(data|blob):/.test(u) && new URL(u).origin !== ATLAS_ORIGIN);
        assert.deepEqual(elsewhere, [], 'every request went to the page\'s own origin');

        // The recorder does see a violation (so the empty lists above mean something).
        await page.evaluate(() => {
          const s = document.createElement('script');
          s.textContent = 'window.__injected = true;';
          document.head.append(s);
        });
        await page.waitForFunction(() => window.__csp.length > 0);
        assert.equal(await page.evaluate(() => window.__injected), undefined, 'the injected inline script was blocked');
      });
    });
  });
});
