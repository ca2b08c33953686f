// Start-up order: the map on the first screen is drawn before the sections below it are built;
// a part built as the reader nears it is built once (asking for the whole page later, as find in
// page does, builds only what is missing, and what the reader set there stays set).

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ATLAS_URL, SKIP_REASON, TEST_TIMEOUT, buildEverything, useChromium, waitFor } from './lib.mjs';

describe('start-up', { skip: SKIP_REASON }, () => {
  const chromium = useChromium();

  test('the map is drawn before the sections below it are built, and each part is built once', { timeout: TEST_TIMEOUT }, async () => {
    await chromium.page({ locale: 'en-US', width: 412, height: 823 }, async ({ page }) => {
      // When the map's canvas is first drawn and when the first section appears, as they happen.
      await page.addInitScript(() => {
        window.__order = [];
        new MutationObserver(() => {
          const seen = (what, found) => { if (found && !window.__order.includes(what)) window.__order.push(what); };
          seen('map drawn', document.querySelector('#map canvas[data-drawn="1"]'));
          seen('sections built', document.querySelector('main#main section.paper-section:not(#map)'));
        }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-drawn'] });
      });
      await page.goto(ATLAS_URL, { waitUntil: 'load' });
      await waitFor(page, () => window.__order.length === 2, null, 'the map should be drawn and the sections built');
      assert.deepEqual(await page.evaluate(() => window.__order), ['map drawn', 'sections built']);

      // Near the first section: its first dataset block is built. Mark it, and the note on sources.
      await page.evaluate(() => document.querySelector('main#main section.paper-section:not(#map)').scrollIntoView());
      await waitFor(page, () => document.querySelector('main#main section.paper-section:not(#map) .deferred[data-built=true] .dataset'),
        null, 'the first section\'s first dataset should be built once near the view');
      await page.evaluate(() => {
        document.querySelector('.deferred[data-built=true] .dataset').dataset.mark = 'kept';
        document.querySelector('#about').dataset.mark = 'kept';
      });
      // The reader hides a series of the first chart with a legend.
      const item = page.locator('main#main section.paper-section:not(#map) .legend-item').nth(1);
      await item.click();
      assert.equal(await item.getAttribute('aria-pressed'), 'false', 'the series is hidden');

      // Find in page asks for everything: the rest is built, what was built is kept as it was.
      await buildEverything(page);
      await waitFor(page, () => !document.querySelector('.deferred[data-built=false]'), null, 'every part should be built');
      const kept = await page.evaluate(() => document.querySelectorAll('[data-mark=kept]').length);
      assert.equal(kept, 2, 'the parts built before (a dataset block, the note on sources) are the same elements after');
      assert.equal(await item.getAttribute('aria-pressed'), 'false', 'the hidden series stays hidden: its chart was not built anew');
    });
  });
});
