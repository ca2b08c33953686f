// Screens: full-page screenshots in both languages and themes at 1280 and 390 px wide, with the
// canvases drawn in the theme's colours and no horizontal overflow on a phone-width screen.

import assert from 'node:assert/strict';
import path from 'node:path';
import { statSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import {
  LANGS, SKIP_REASON, TEST_TIMEOUT, canvasStats, gotoAtlas, luminance, outDir, showChart, until, useChromium,
  waitForCanvases,
} from './lib.mjs';

const SHOTS = [
  { lang: 'zh', width: 1280, theme: 'light' },
  { lang: 'en', width: 1280, theme: 'light' },
  { lang: 'zh', width: 390, theme: 'dark' },
  { lang: 'en', width: 390, theme: 'dark' },
  { lang: 'zh', width: 390, theme: 'light' },
  { lang: 'en', width: 1280, theme: 'dark' },
];

/** Each canvas's background (top-left pixel) luminance must match the theme. */
function assertCanvasTheme(stats, theme) {
  const wrong = stats
    .map((s) => ({ chart: s.chart, bg: s.background, lum: luminance(s.background), alpha: s.background[3] }))
    .filter((s) => s.alpha !== 255 || (theme === 'dark' ? !(s.lum < 0.2) : !(s.lum > 0.8)))
    .map((s) => `${s.chart}: rgba(${s.bg.join(',')}) luminance ${s.lum.toFixed(3)}`);
  assert.deepEqual(wrong, [], `canvas backgrounds that are not ${theme}`);
}

/** The page background's luminance (body, else html). */
function pageBackground(page) {
  return page.evaluate(() => {
    for (const el of [document.body, document.documentElement]) {
      const c = getComputedStyle(el).backgroundColor;
      const m = c.match(/rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/);
      if (m && (m[4] === undefined || Number(m[4]) > 0)) return [Number(m[1]), Number(m[2]), Number(m[3])];
    }
    return null;
  });
}

describe('screens', { skip: SKIP_REASON }, () => {
  const chromium = useChromium();
  let dir;
  before(() => { dir = outDir(); });

  for (const { lang, width, theme } of SHOTS) {
    const name = `atlas-${lang}-${width}-${theme}.png`;
    test(name, { timeout: TEST_TIMEOUT }, async () => {
      await chromium.page({
        locale: LANGS[lang].locale, colorScheme: theme, width, height: 900,
      }, async ({ page }) => {
        await gotoAtlas(page);
        assert.equal(await page.getAttribute('html', 'lang'), LANGS[lang].htmlLang);
        assert.equal(await page.getAttribute('html', 'data-theme'), theme, 'theme follows prefers-color-scheme');
        assert.equal((await page.textContent('h1')).trim(), LANGS[lang].h1);

        const stats = await canvasStats(page);
        assertCanvasTheme(stats, theme);
        const bg = await pageBackground(page);
        assert.ok(bg, 'the page has a background colour');
        if (theme === 'dark') assert.ok(luminance(bg) < 0.2, `dark page background, got rgb(${bg})`);
        else assert.ok(luminance(bg) > 0.6, `light page background, got rgb(${bg})`);

        // Canvases fit their cards at this width.
        const tooWide = stats.filter((s) => s.cssWidth > width).map((s) => `${s.chart}: ${s.cssWidth}px`);
        assert.deepEqual(tooWide, [], 'canvases wider than the viewport');
        const overflow = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          offenders: [...document.querySelectorAll('body *')]
            .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 &&
              !e.closest('.table-scroll, details:not([open])'))
            .slice(0, 5)
            .map((e) => `${e.tagName.toLowerCase()}${e.className ? `.${String(e.className).split(' ').join('.')}` : ''} right=${Math.round(e.getBoundingClientRect().right)}`),
        }));
        assert.ok(overflow.scrollWidth <= width + 1,
          `no horizontal overflow at ${width}px: scrollWidth ${overflow.scrollWidth}; e.g. ${overflow.offenders.join(', ')}`);

        const file = path.join(dir, name);
        await page.screenshot({ path: file, fullPage: true });
        assert.ok(statSync(file).size > 10_000, `${file} was written`);
      });
    });
  }

  test('the theme toggle redraws the canvases dark and is remembered', { timeout: TEST_TIMEOUT }, async () => {
    await chromium.page({ locale: 'zh-CN', colorScheme: 'light' }, async ({ page }) => {
      await gotoAtlas(page);
      assert.equal(await page.getAttribute('html', 'data-theme'), 'light');
      assertCanvasTheme(await canvasStats(page), 'light');

      await page.click('[data-testid=theme-toggle]');
      await page.waitForSelector('html[data-theme="dark"]');
      assert.equal(await page.getAttribute('[data-testid=theme-toggle]', 'aria-pressed'), 'true');
      // Each canvas redraws dark when the reader reaches it (those off screen keep their pixels
      // until then), so walk down the page.
      for (const chart of (await canvasStats(page)).map((s) => s.chart)) {
        await showChart(page, chart);
        await until(async () => {
          const s = (await canvasStats(page)).find((x) => x.chart === chart);
          return luminance(s.background) < 0.2 && s.inkFraction > 0.01;
        }, `${chart} should redraw on a dark background once in view`);
      }
      assert.equal(await page.evaluate(() => localStorage.getItem('trade-atlas.theme')), 'dark');

      await page.reload();
      await waitForCanvases(page);
      assert.equal(await page.getAttribute('html', 'data-theme'), 'dark', 'stored theme wins over prefers-color-scheme');
      assertCanvasTheme(await canvasStats(page), 'dark');
    });
  });
});
