// The map at first paint: the static first screen carries a drawing of the default map layer
// (src/static_map), shown before the WebAssembly module has run, in the reader's language and
// theme; the live map takes its place without anything moving; an address that asks for another
// view shows no static map rather than a wrong one.

import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ATLAS_URL, SKIP_REASON, TEST_TIMEOUT, launch, openPage, outDir, problems, waitFor } from './lib.mjs';

/** Hold every request for the module: the page stays as the first paint shows it. */
async function holdModule(page) {
  await page.route(/\.wasm$/, () => { /* never answered while the page is open */ });
}

/** The first screen painted and its fonts loaded (the module held back). */
async function firstScreen(page, query = '') {
  await page.goto(ATLAS_URL + query, { waitUntil: 'domcontentloaded' });
  await waitFor(page, () => performance.getEntriesByName('first-contentful-paint').length > 0 && document.fonts.status === 'loaded',
    null, 'the first screen should be painted');
}

/**
 * A server in front of the atlas whose page stops for `stallMs` in the middle of the header (after
 * the search box, before the switches), as a slow network does: the parser has half a shell and
 * the browser would paint it. Everything else is passed through from ATLAS_URL.
 */
async function stallingServer(stallMs) {
  const server = createServer(async (req, res) => {
    const upstream = await fetch(new URL(req.url, ATLAS_URL));
    const type = upstream.headers.get('content-type') || 'application/octet-stream';
    const body = Buffer.from(await upstream.arrayBuffer());
    res.writeHead(upstream.status, { 'content-type': type, 'cache-control': 'no-store' });
    const cut = req.url === '/' ? body.indexOf('<div class="switches">') : -1;
    if (cut < 0) return res.end(body);
    res.write(body.subarray(0, cut));
    setTimeout(() => res.end(body.subarray(cut)), stallMs);
  });
  await new Promise((ready) => server.listen(0, '127.0.0.1', ready));
  return { server, url: `http://127.0.0.1:${server.address().port}/` };
}

/** The static map's box for the page's language, if it shows: its rectangle and labels shown. */
function staticMap(page) {
  return page.evaluate(() => {
    const box = [...document.querySelectorAll('#static-map .sm-box')].find((b) => b.checkVisibility());
    if (!box) return null;
    const r = box.getBoundingClientRect();
    const labels = [...box.querySelectorAll('.sm-labels > span')].filter((s) => s.checkVisibility()).map((s) => s.textContent);
    return { lang: box.classList.contains('sm-zh') ? 'zh' : 'en', x: r.x, y: r.y + scrollY, width: r.width, height: r.height, labels };
  });
}

describe('the map at first paint', { skip: SKIP_REASON }, () => {
  let browser;
  before(async () => { browser = await launch(); });
  after(async () => { await browser?.close(); });

  test('before the module runs the map is on the first screen, in each language and theme, at 390 and 1280 px', { timeout: TEST_TIMEOUT * 2 }, async () => {
    for (const [lang, locale] of [['zh', 'zh-CN'], ['en', 'en-US']]) {
      for (const colorScheme of ['light', 'dark']) {
        for (const [width, height] of [[390, 844], [1280, 900]]) {
          const { context, page } = await openPage(browser, { locale, colorScheme, width, height });
          try {
            await holdModule(page);
            await firstScreen(page);
            const map = await staticMap(page);
            assert.ok(map, `${lang} ${colorScheme} ${width}: the static map shows`);
            assert.equal(map.lang, lang, 'in the page\'s language and its centre');
            assert.ok(map.height > 150 && map.width > 300, `a map-sized box: ${JSON.stringify(map)}`);
            assert.ok(map.labels.length >= 3, `some of its labels show: ${map.labels}`);
            // On a phone in English the taller header puts the map just below the first screen.
            if (lang === 'zh' || width > 800) assert.ok(map.y < height, `it starts on the first screen (at ${map.y} px)`);
            assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), colorScheme);
            // The drawing takes the theme's colours: the sea is light on a light page, dark on a dark one.
            const sea = await page.evaluate(() => getComputedStyle(document.querySelector('#static-map .sm-box')).getPropertyValue('--sm1').trim());
            const lum = parseInt(sea.slice(1, 2), 16);
            assert.ok(colorScheme === 'light' ? lum >= 0xc : lum <= 0x4, `the sea's colour ${sea} suits the ${colorScheme} theme`);
            // The first screen and what follows down to the map's end.
            await page.screenshot({ path: path.join(outDir(), `first-paint-${lang}-${colorScheme}-${width}.png`),
              clip: { x: 0, y: 0, width, height: Math.max(height, Math.ceil(map.y + map.height + 24)) }, fullPage: true });
          } finally {
            await context.close();
          }
        }
      }
    }
  });

  test('the live map takes the static map\'s place without layout shift', { timeout: TEST_TIMEOUT * 2 }, async () => {
    for (const [locale, width, height] of [['zh-CN', 390, 844], ['en-US', 1280, 900], ['en-US', 412, 823], ['zh-CN', 800, 900]]) {
      const { context, page, log } = await openPage(browser, { locale, width, height });
      try {
        await page.addInitScript(() => {
          const w = (window.__fp = { shifts: [], staticBox: null, liveBox: null, tabs: null });
          new PerformanceObserver((list) => { for (const e of list.getEntries()) w.shifts.push(e.value); })
            .observe({ type: 'layout-shift', buffered: true });
          const rect = (el) => { const r = el.getBoundingClientRect(); return [r.x, r.y + scrollY, r.width, r.height].map((v) => Math.round(v * 100) / 100); };
          const look = () => {
            // The static map's box as last laid out before the live map replaced it.
            const box = document.querySelector('#static-map .map-wrap');
            if (box && document.readyState !== 'loading') {
              w.staticBox = rect(box);
              w.tabs = rect(document.querySelector('.sm-tabs') || document.querySelector('#map .layer-tabs'));
            }
            const canvas = document.querySelector('#map .map-wrap canvas[data-drawn="1"]');
            if (canvas && !document.getElementById('static-map') && !w.liveBox) {
              w.liveBox = rect(canvas);
              w.liveTabs = rect(document.querySelector('#map .layer-tabs'));
            }
          };
          new MutationObserver(look).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-drawn'] });
          document.addEventListener('DOMContentLoaded', look);
        });
        await page.goto(ATLAS_URL, { waitUntil: 'load' });
        await waitFor(page, () => window.__fp.liveBox, null, 'the live map should be drawn and the static map gone');
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const fp = await page.evaluate(() => window.__fp);
        const where = `${locale} ${width}×${height}`;
        assert.ok(fp.staticBox, `${where}: the static map was shown first`);
        assert.deepEqual(fp.liveBox, fp.staticBox, `${where}: the live canvas has the static map's box exactly`);
        assert.deepEqual(fp.liveTabs, fp.tabs, `${where}: the layer tabs did not move`);
        assert.deepEqual(fp.shifts, [], `${where}: no layout shift at all`);
        assert.equal(await page.locator('.sm-tabs, #static-map').count(), 0, 'nothing static is left');
        assert.deepEqual(problems(log), []);
      } finally {
        await context.close();
      }
    }
  });

  test('a page that arrives in two parts paints once, whole, and nothing on it moves', { timeout: TEST_TIMEOUT }, async () => {
    const { server, url } = await stallingServer(600);
    try {
      for (const [locale, width, height] of [['zh-CN', 800, 900], ['en-US', 390, 844]]) {
        const context = await browser.newContext({ locale, viewport: { width, height }, reducedMotion: 'reduce' });
        try {
          const page = await context.newPage();
          await holdModule(page);
          await page.addInitScript(() => {
            const w = (window.__arrive = { shifts: [], frames: [] });
            new PerformanceObserver((list) => { for (const e of list.getEntries()) w.shifts.push(e.value); })
              .observe({ type: 'layout-shift', buffered: true });
            // Each frame the browser renders: was the shell's last element parsed by then?
            const frame = () => {
              w.frames.push(!!document.getElementById('shell-end'));
              if (w.frames.length < 30) requestAnimationFrame(frame);
            };
            requestAnimationFrame(frame);
          });
          await page.goto(url, { waitUntil: 'domcontentloaded' });
          await waitFor(page, () => performance.getEntriesByName('first-contentful-paint').length > 0 && window.__arrive.frames.length >= 3,
            null, 'the page should be painted');
          const seen = await page.evaluate(() => window.__arrive);
          const where = `${locale} ${width}×${height}`;
          assert.ok(seen.frames.length >= 3 && seen.frames.every(Boolean), `${where}: no frame before the whole first screen is parsed: ${seen.frames}`);
          assert.deepEqual(seen.shifts, [], `${where}: nothing moved as the rest of the page arrived`);
          assert.ok(await page.locator('#static-map').isVisible(), `${where}: the static map shows`);
        } finally {
          await context.close();
        }
      }
    } finally {
      server.close();
    }
  });

  test('an address that asks for another view shows no static map, one that only names the language shows that language\'s', { timeout: TEST_TIMEOUT * 2 }, async () => {
    const cases = [
      ['?lang=en&centre=pacific', null],
      ['?centre=atlantic', null],
      ['?layer=map-ports', null],
      ['?embed=map-partners', null],
      ['?tour=3', null],
      ['?sel=RUS', null],
      ['?view=2,0.5,0.2', null],
      ['?chart=map-partners:1', null],
      ['?lang=fr', null],
      ['?lang=en', 'en'],
      ['?lang=zh&theme=dark&hc=1', 'zh'],
      ['?layer=map-partners', 'zh'],
    ];
    const { context, page } = await openPage(browser, { locale: 'zh-CN', width: 1280, height: 900 });
    try {
      await holdModule(page);
      for (const [query, want] of cases) {
        await firstScreen(page, query);
        const map = await staticMap(page);
        assert.equal(map?.lang ?? null, want, `${query}: ${want ? `the ${want} map` : 'no static map'}`);
        if (!want) {
          assert.ok(await page.locator('#boot').isVisible(), `${query}: the loading line holds the map's place`);
          assert.ok(!(await page.locator('.sm-tabs').isVisible()), `${query}: no static layer tabs`);
        }
      }
    } finally {
      await context.close();
    }
  });
});
