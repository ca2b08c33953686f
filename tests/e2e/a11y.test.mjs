// Accessibility: axe-core finds no violation, at any impact level, on the full page (every part
// built) and on an embed, in both languages. axe is injected into the page, so this run's browser
// context bypasses the page's Content-Security-Policy (which blocks injected scripts).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, test } from 'node:test';
import { ATLAS_URL, SKIP_REASON, TEST_TIMEOUT, useChromium, waitForCanvases } from './lib.mjs';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Run axe on the page; the violations as "rule (impact): target — help" lines. */
async function violations(page) {
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
      count: v.nodes.length,
    }));
  });
  return result.map((v) => `${v.id} (${v.impact}, ${v.count}×): ${v.help} — e.g. ${v.nodes.join(' | ')}`);
}

describe('accessibility (axe-core)', { skip: SKIP_REASON }, () => {
  const chromium = useChromium();

  for (const [lang, locale] of [['zh', 'zh-CN'], ['en', 'en-US']]) {
    test(`the full page has no axe violation (${lang})`, { timeout: TEST_TIMEOUT }, async () => {
      await chromium.page({ locale, contextOptions: { bypassCSP: true } }, async ({ page }) => {
        await page.goto(new URL(`?lang=${lang}`, ATLAS_URL).href);
        await waitForCanvases(page);
        assert.deepEqual(await violations(page), []);
      });
    });

    test(`an embed has no axe violation (${lang})`, { timeout: TEST_TIMEOUT }, async () => {
      await chromium.page({ locale, contextOptions: { bypassCSP: true } }, async ({ page }) => {
        await page.goto(new URL(`?embed=partners-exports&lang=${lang}`, ATLAS_URL).href);
        await page.waitForFunction(() => document.querySelector('main.embed canvas[data-drawn="1"]'));
        assert.deepEqual(await violations(page), []);
      });
    });
  }
});
