// Smoke: the atlas loads in Chinese with no foreign request, no console or page error, and
// every canvas chart drawn, non-blank and sized at CSS size × devicePixelRatio.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LANGS, SKIP_REASON, TEST_TIMEOUT, canvasStats, gotoAtlas, until, useChromium } from './lib.mjs';

const MIN_CANVASES = 20;
const MIN_INK = 0.01; // at least 1% of a canvas's pixels differ from its background pixel

describe('smoke', { skip: SKIP_REASON }, () => {
  const chromium = useChromium();

  for (const dpr of [1, 2]) {
    test(`loads cleanly and draws every canvas at deviceScaleFactor ${dpr}`, { timeout: TEST_TIMEOUT }, async () => {
      await chromium.page({ locale: 'zh-CN', deviceScaleFactor: dpr }, async ({ page, log }) => {
        const drawn = await gotoAtlas(page);

        // Language from navigator.language (zh-CN), no stored preference.
        assert.equal(await page.getAttribute('html', 'lang'), LANGS.zh.htmlLang);
        assert.equal((await page.textContent('h1')).trim(), LANGS.zh.h1);
        assert.equal(await page.evaluate(() => window.devicePixelRatio), dpr);

        // One canvas per canvas chart figure (figures that are not tiles or lists), at least 20.
        const counts = await page.evaluate(() => ({
          canvases: document.querySelectorAll('canvas').length,
          canvasesInFigures: document.querySelectorAll('figure.card[data-chart] > .chart-wrap > canvas').length,
          canvasFigures: document.querySelectorAll('figure.card[data-chart]:not(.tiles)').length,
          figuresWithoutBody: [...document.querySelectorAll('figure.card[data-chart]')]
            .filter((f) => !f.querySelector('canvas, .tile, .rank-list li, .plain-list li'))
            .map((f) => f.getAttribute('data-chart')),
          untitled: [...document.querySelectorAll('figure.card[data-chart]')]
            .filter((f) => !f.querySelector('.card-title')?.textContent.trim())
            .map((f) => f.getAttribute('data-chart')),
          chartErrors: [...document.querySelectorAll('.chart-error')].map((e) => e.textContent),
        }));
        assert.equal(counts.canvases, drawn);
        assert.ok(counts.canvases >= MIN_CANVASES, `expected at least ${MIN_CANVASES} canvases, found ${counts.canvases}`);
        assert.equal(counts.canvases, counts.canvasFigures,
          `canvases (${counts.canvases}) must equal canvas chart figures (${counts.canvasFigures})`);
        assert.equal(counts.canvasesInFigures, counts.canvases, 'every canvas sits in a chart figure');
        assert.deepEqual(counts.figuresWithoutBody, [], 'figures with neither a canvas, tiles nor a list');
        assert.deepEqual(counts.untitled, [], 'figures without an <h4> title');
        assert.deepEqual(counts.chartErrors, [], 'charts reporting a drawing error');

        const stats = await canvasStats(page);
        const blank = stats.filter((s) => !(s.inkFraction > MIN_INK))
          .map((s) => `${s.chart}: ${(s.inkFraction * 100).toFixed(2)}% non-background`);
        assert.deepEqual(blank, [], `canvases with no more than ${MIN_INK * 100}% drawn pixels`);

        // Backing store = CSS size × devicePixelRatio (rounded), CSS size = the laid-out box.
        // Polled briefly: a resize observed late (e.g. a scrollbar appearing) triggers a redraw.
        const sizeMismatches = () => page.evaluate((ratio) =>
          [...document.querySelectorAll('canvas')].filter((c) => {
            const r = c.getBoundingClientRect();
            return r.width < 1 || r.height < 1 ||
              Math.abs(c.width - r.width * ratio) > 1 || Math.abs(c.height - r.height * ratio) > 1;
          }).map((c) => {
            const r = c.getBoundingClientRect();
            return `${c.closest('figure')?.getAttribute('data-chart')}: backing ${c.width}×${c.height}, ` +
              `css ${r.width}×${r.height}, dpr ${ratio}`;
          }), dpr);
        let badSize = [];
        await until(async () => (badSize = await sizeMismatches()).length === 0, 'canvas sizes', 5_000).catch(() => {});
        assert.deepEqual(badSize, [], 'canvases whose backing store is not css size × devicePixelRatio');
        assert.ok(stats.every((s) => s.width > 0 && s.height > 0));

        // Nothing left of the static boot message.
        assert.equal(await page.locator('#boot').count(), 0, 'the boot message is removed after mount');

        assert.ok(log.requests.length > 0, 'requests were recorded');
        assert.ok(log.requests.some((u) => u.endsWith('.wasm')), 'the wasm module was fetched from the atlas origin');
      });
    });
  }
});
