// Memory: WebAssembly memory stays flat while a reader switches the language back and forth,
// steps Back/Forward between two entries of the same address (popstates that change nothing), and
// goes round the map's layers.
// Memory grows by whole 64 KiB pages and never shrinks, so a leak shows as steady growth: after the
// first 10 actions (allocator warm-up), 190 more may add at most 1 MiB.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  SKIP_REASON, gotoAtlas, problems, settle, switchLanguage, trackWasmMemory, useChromium, waitFor, wasmMemoryBytes,
} from './lib.mjs';

const SWITCHES = 100;
const POPSTATES = 100;
const WARM_UP = 10;
const MAX_GROWTH = 1024 * 1024;

const mb = (b) => (b / (1024 * 1024)).toFixed(2);

/** Go Back (odd steps) or Forward (even steps) once and wait for its popstate and a frame. */
async function popstate(page, step) {
  const count = await page.evaluate(() => window.__pops);
  await page.evaluate((back) => (back ? history.back() : history.forward()), step % 2 === 1);
  await waitFor(page, (n) => window.__pops > n, count, `popstate ${step} should fire`);
  await settle(page);
}

describe('memory', { skip: SKIP_REASON }, () => {
  const chromium = useChromium();

  test('WebAssembly memory stays flat over 100 language switches and 100 unchanged popstates', { timeout: 300_000 }, async () => {
    await chromium.page({ locale: 'zh-CN' }, async ({ page, log, context }) => {
      await trackWasmMemory(context);
      await gotoAtlas(page);
      const readings = [['at load', await wasmMemoryBytes(page)]];
      assert.ok(readings[0][1] > 0, `the app's WebAssembly memory was read (got ${readings[0][1]})`);

      const langs = [];
      for (let i = 1; i <= SWITCHES; i++) {
        langs.push(await switchLanguage(page));
        if ([WARM_UP, 50, SWITCHES].includes(i)) readings.push([`after ${i} language switches`, await wasmMemoryBytes(page)]);
      }
      assert.deepEqual(new Set(langs), new Set(['en', 'zh-CN']), 'the switches alternated between both languages');
      assert.ok(langs.every((l, i) => i === 0 || l !== langs[i - 1]), 'every click switched the language');

      // Two history entries with the same address: Back and Forward between them change nothing.
      const address = await page.evaluate(() => {
        window.__pops = 0;
        addEventListener('popstate', () => { window.__pops++; });
        history.pushState(null, '', location.href);
        return location.href;
      });
      const lang = await page.getAttribute('html', 'lang');
      for (let i = 1; i <= POPSTATES; i++) {
        await popstate(page, i);
        if (i === 50 || i === POPSTATES) readings.push([`and ${i} popstates`, await wasmMemoryBytes(page)]);
      }
      assert.equal(await page.evaluate(() => window.__pops), POPSTATES, 'every Back/Forward fired a popstate');
      assert.equal(await page.evaluate(() => location.href), address, 'the address did not change');
      assert.equal(await page.getAttribute('html', 'lang'), lang, 'the view did not change');
      assert.deepEqual(problems(log), []);

      const warm = readings.find(([what]) => what === `after ${WARM_UP} language switches`)[1];
      const last = readings.at(-1)[1];
      const growth = last - warm;
      const actions = SWITCHES - WARM_UP + POPSTATES;
      const table = readings.map(([what, b]) => `  ${what.padEnd(30)} ${mb(b).padStart(7)} MiB`).join('\n');
      assert.ok(
        growth <= MAX_GROWTH,
        `WebAssembly memory grew by ${mb(growth)} MiB over the ${actions} actions after the first ${WARM_UP} ` +
          `(limit ${mb(MAX_GROWTH)} MiB; ${(growth / actions / 1024).toFixed(1)} KiB per action):\n${table}`,
      );
    });
  });

  test('WebAssembly memory stays flat going round the map\'s seven layers 30 times', { timeout: 300_000 }, async () => {
    await chromium.page({ locale: 'en-US' }, async ({ page, context }) => {
      await trackWasmMemory(context);
      await gotoAtlas(page);
      const layers = await page.$$eval('#map button.layer-tab', (bs) => bs.map((b) => b.dataset.layer));
      assert.equal(layers.length, 7, 'seven layers');
      const choose = async (layer) => {
        await page.click(`#map button.layer-tab[data-layer=${layer}]`);
        await waitFor(page, (l) => document.querySelector(`#map figure.card[data-chart="${l}"] canvas`)?.dataset.drawn === '1',
          layer, `the ${layer} layer is drawn`);
      };
      for (const l of layers) await choose(l); // every layer once: each card is built the first time
      const warm = await wasmMemoryBytes(page);
      const ROUNDS = 30;
      for (let r = 0; r < ROUNDS; r++) for (const l of layers) await choose(l);
      const growth = (await wasmMemoryBytes(page)) - warm;
      // A rebuilt card left ~3.5 KB behind per switch (0.7 MiB over these 210 switches); kept cards leave nothing.
      assert.ok(growth <= 192 * 1024, `WebAssembly memory grew by ${mb(growth)} MiB over ${ROUNDS * layers.length} layer switches`);
    });
  });
});
