// Permalinks: the address carries the view (language, theme, selection, chart readings); a
// permalink restores it, changes push history entries that Back and Forward restore, "Copy link"
// copies the address; unknown, malformed or very long queries get a notice and never break the page.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  ATLAS_URL, SKIP_REASON, TEST_TIMEOUT, canvasImages, gotoAtlas, hoverBand, scanBands, until, useChromium,
  waitForCanvases,
} from './lib.mjs';

const at = (query) => new URL(query, ATLAS_URL).href;
const COMMODITIES = 'figure[data-chart=commodities]';

/** The parts of the view the address is about, as the page shows them. */
function view(page) {
  return page.evaluate((fig) => {
    const sel = (c) => document.querySelector(`${fig} select[data-control=${c}]`);
    return {
      search: location.search,
      lang: document.documentElement.getAttribute('lang'),
      theme: document.documentElement.getAttribute('data-theme'),
      selection: document.querySelector('[data-testid=selection] strong')?.textContent.trim() ?? null,
      metric: sel('metric')?.value ?? null,
      sort: sel('sort')?.selectedOptions[0]?.textContent.trim() ?? null,
      history: history.length,
    };
  }, COMMODITIES);
}

/** Wait until the view matches every field of `want`; fail with the last view seen. */
async function expectView(page, want, what) {
  let last;
  try {
    await until(async () => {
      last = await view(page);
      return Object.entries(want).every(([k, v]) => last[k] === v);
    }, what, 10_000);
  } catch {
    assert.deepEqual(Object.fromEntries(Object.keys(want).map((k) => [k, last[k]])), want, what);
  }
  return last;
}

/** A deterministic string of `n` characters from a junk alphabet (no '#', which would end the query). */
function junk(n, seed = 0x9e3779b9) {
  const alphabet = 'abcXYZ0189=&&%%+-_.:;,~!$\'()*@/?[]{}|\\^`"<> 中文é€\u00a0\u200b';
  let s = seed >>> 0;
  let out = '';
  for (let i = 0; i < n; i++) {
    s ^= s << 13; s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5; s >>>= 0;
    out += alphabet[s % alphabet.length];
  }
  return out;
}

describe('permalinks', { skip: SKIP_REASON }, () => {
  const chromium = useChromium();

  test('a permalink restores language, theme, selection and a chart reading', { timeout: TEST_TIMEOUT }, async () => {
    // A Chinese, light-scheme browser: everything that differs comes from the address.
    await chromium.page({ locale: 'zh-CN', colorScheme: 'light' }, async ({ page }) => {
      const query = '?lang=en&theme=dark&sel=RUS&chart=commodities:3:value';
      await gotoAtlas(page, at(query));
      await expectView(page, { lang: 'en', theme: 'dark', selection: 'Russia', metric: '3', sort: 'By value' },
        'the view named by the permalink');
      assert.match(await page.textContent('[data-testid=selection]'), /Russia/);
      assert.equal(await page.evaluate(() => location.search), query, 'a complete permalink is kept as it is');
      assert.equal(await page.locator('[data-testid=url-notice]').count(), 0, 'no notice: every parameter was understood');

      // Implied unit-value change sorted by value: electric passenger vehicles first, +3.8%.
      const scan = await scanBands(page, 'commodities', { step: 8 });
      assert.ok(scan.bands.length >= 10, `bars found by scanning: ${scan.bands.map((b) => b.title).join(' | ')}`);
      assert.ok(scan.bands.every((b) => /Implied unit-value change$/.test(b.title)),
        `every bar shows the implied unit-value change: ${scan.bands.map((b) => b.title).join(' | ')}`);
      assert.match(scan.bands[0].title, /^Electric passenger vehicles · /);
      const tip = await hoverBand(page, 'commodities', scan, scan.bands[0]);
      assert.match(tip.value, /^\+?3\.8%$/, `EV tooltip: ${tip.text}`);
      assert.ok(tip.derived, 'the implied unit-value change is marked as derived');
      // ... and the bars descend: the next ones are below +3.8%.
      const second = await hoverBand(page, 'commodities', scan, scan.bands[1]);
      const num = (s) => Number(s.replace('\u2212', '-').replace(/[^\d.-]/g, ''));
      assert.ok(num(second.value) <= 3.8, `second bar ${second.title} = ${second.value} should not exceed 3.8%`);
    });
  });

  test('changes push history entries; Back and Forward restore and re-apply them', { timeout: TEST_TIMEOUT }, async () => {
    await chromium.page({ locale: 'zh-CN' }, async ({ page }) => {
      await gotoAtlas(page, at('?lang=en&chart=commodities:3:value'));
      const start = await expectView(page, { search: '?lang=en&chart=commodities:3:value', lang: 'en', metric: '3', sort: 'By value' },
        'the starting view');
      const h0 = start.history;
      const startImage = (await canvasImages(page)).commodities;

      // 1. Sort in the paper's order: a new entry.
      await page.selectOption(`${COMMODITIES} select[data-control=sort]`, { label: "Paper's order" });
      await expectView(page, { search: '?lang=en&chart=commodities:3:paper', sort: "Paper's order", history: h0 + 1 },
        'changing the sort pushes an entry with the new reading');
      // 2. Switch to Chinese: another entry.
      await page.click('[data-testid=lang-toggle]');
      await expectView(page, { search: '?lang=zh&chart=commodities:3:paper', lang: 'zh-CN', metric: '3', history: h0 + 2 },
        'switching the language pushes an entry');
      // 3. Back to the default metric: the chart leaves the address.
      await page.selectOption(`${COMMODITIES} select[data-control=metric]`, '0');
      await expectView(page, { search: '?lang=zh', metric: '0', history: h0 + 3 },
        'the default reading is not written into the address');

      // Back, step by step.
      await page.goBack();
      await expectView(page, { search: '?lang=zh&chart=commodities:3:paper', lang: 'zh-CN', metric: '3' },
        'Back restores the metric');
      await page.goBack();
      await expectView(page, { search: '?lang=en&chart=commodities:3:paper', lang: 'en', metric: '3', sort: "Paper's order" },
        'Back restores the language');
      await page.goBack();
      await expectView(page, { search: '?lang=en&chart=commodities:3:value', lang: 'en', metric: '3', sort: 'By value' },
        'Back restores the sort');
      assert.equal((await view(page)).history, h0 + 3, 'going back keeps the forward entries');
      await waitForCanvases(page);
      await until(async () => (await canvasImages(page)).commodities === startImage,
        'after Back the commodities chart is drawn exactly as at the start', 5_000);

      // Forward re-applies.
      await page.goForward();
      await expectView(page, { search: '?lang=en&chart=commodities:3:paper', lang: 'en', sort: "Paper's order" },
        'Forward re-applies the sort');
      await page.goForward();
      await expectView(page, { search: '?lang=zh&chart=commodities:3:paper', lang: 'zh-CN', metric: '3' },
        'Forward re-applies the language');

      // A change after Back/Forward is a new entry again (not a silent replacement of this one).
      await page.click('[data-testid=theme-toggle]');
      await expectView(page, { search: '?lang=zh&theme=dark&chart=commodities:3:paper', theme: 'dark', history: h0 + 3 },
        'a change after navigating the history pushes an entry (dropping the forward one)');
      await page.goBack();
      await expectView(page, { search: '?lang=zh&chart=commodities:3:paper', theme: 'light', lang: 'zh-CN', metric: '3' },
        'Back from the new entry returns to the entry it was made from');
    });
  });

  test('selection, theme and contrast are written to the address and survive a reload', { timeout: TEST_TIMEOUT }, async () => {
    await chromium.page({ locale: 'en-US' }, async ({ page }) => {
      await gotoAtlas(page, at('?lang=en&hc=1'));
      assert.equal(await page.getAttribute('html', 'data-contrast'), 'more', 'hc=1 turns high contrast on');
      const start = await expectView(page, { search: '?lang=en&hc=1', theme: 'light', selection: null }, 'hc=1 is kept');

      // Select the United States by clicking its bar.
      const scan = await scanBands(page, 'partners-exports', { step: 8 });
      const us = scan.bands.find((b) => /^United States/.test(b.title));
      assert.ok(us, `a United States bar: ${scan.bands.map((b) => b.title).join(' | ')}`);
      await page.mouse.click(scan.x, scan.box.y + (us.y0 + us.y1) / 2);
      await expectView(page, { search: '?lang=en&hc=1&sel=USA', selection: 'United States', history: start.history + 1 },
        'selecting a country writes sel=USA');
      await page.click('[data-testid=contrast-toggle]');
      await expectView(page, { search: '?lang=en&sel=USA', history: start.history + 2 }, 'high contrast off drops hc=1');
      assert.equal(await page.getAttribute('html', 'data-contrast'), 'normal');
      await page.click('[data-testid=theme-toggle]');
      await expectView(page, { search: '?lang=en&theme=dark&sel=USA', theme: 'dark', history: start.history + 3 },
        'the dark theme writes theme=dark');

      // Clearing the selection from its chip drops sel; Back brings it back.
      await page.click('[data-testid=selection] button');
      await expectView(page, { search: '?lang=en&theme=dark', selection: null }, 'clearing the selection drops sel');
      await page.goBack();
      await expectView(page, { search: '?lang=en&theme=dark&sel=USA', selection: 'United States', theme: 'dark' },
        'Back restores the selection');

      // The address alone restores the view.
      await page.reload();
      await waitForCanvases(page);
      await expectView(page, { search: '?lang=en&theme=dark&sel=USA', selection: 'United States', theme: 'dark', lang: 'en' },
        'a reload shows the same view');
      assert.equal(await page.getAttribute('html', 'data-contrast'), 'normal');
    });
  });

  test('"Copy link" copies the address of the current view', { timeout: TEST_TIMEOUT }, async () => {
    await chromium.page({
      locale: 'en-US',
      contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] },
    }, async ({ page }) => {
      await gotoAtlas(page, at('?lang=en'));
      // Make the view differ from the default so the link has something to carry.
      await page.selectOption(`${COMMODITIES} select[data-control=sort]`, { label: 'By value' });
      await expectView(page, { search: '?lang=en&chart=commodities:0:value' }, 'the sort is in the address');
      const button = page.locator('[data-testid=copy-link]');
      assert.equal((await button.textContent()).trim(), 'Copy link');
      await page.evaluate(() => navigator.clipboard.writeText('(nothing copied yet)'));
      await button.click();
      const message = await until(async () => {
        const t = (await button.textContent()).trim();
        return t !== 'Copy link' ? t : null;
      }, 'the button should report the outcome of copying');
      if (message === 'Copied.') {
        const copied = await page.evaluate(() => navigator.clipboard.readText());
        assert.equal(copied, page.url(), 'the clipboard holds the address');
        assert.equal(new URL(copied).search, '?lang=en&chart=commodities:0:value');
      } else {
        // Headless Chromium refused the clipboard: the button must say so, not crash.
        assert.match(message, /^Could not do that: /, `unexpected message from "Copy link": ${message}`);
      }
    });
  });

  test('unknown and malformed parameters get a notice; every chart still renders', { timeout: TEST_TIMEOUT }, async () => {
    await chromium.page({ locale: 'zh-CN' }, async ({ page }) => {
      const canvases = await gotoAtlas(page, at('?lang=xx&sel=NOPE&chart=bogus:1:paper&%E4%B8%AD=1&%zz'));
      assert.ok(canvases >= 20, `every chart drawn (${canvases} canvases)`);
      const notice = page.locator('[data-testid=url-notice]');
      assert.ok(await notice.isVisible(), 'the notice is shown');
      const code = (await notice.locator('code').textContent()).trim();
      const listed = code.split(' & ');
      for (const p of ['lang=xx', 'sel=NOPE', 'chart=bogus:1:paper', '中=1', '%zz=']) {
        assert.ok(listed.includes(p), `the notice lists ${p}: ${code}`);
      }
      assert.equal(listed.length, 5, `exactly the five ignored parameters: ${code}`);
      // Nothing was applied from them: browser language, no selection; the address is normalised.
      const v = await view(page);
      assert.equal(v.lang, 'zh-CN');
      assert.equal(v.selection, null);
      assert.equal(v.search, '?lang=zh', 'the address keeps only what the page understood');
    });
  });

  test('a 5,000-character junk query does not break the page', { timeout: TEST_TIMEOUT }, async () => {
    await chromium.page({ locale: 'en-US' }, async ({ page }) => {
      const q = junk(5000);
      const url = `${ATLAS_URL}?${q}&lang=en`; // raw: stray '%' escapes stay malformed
      assert.ok(new URL(url).search.length > 5000);
      const canvases = await gotoAtlas(page, url);
      assert.ok(canvases >= 20, `every chart drawn (${canvases} canvases)`);
      assert.equal(await page.getAttribute('html', 'lang'), 'en', 'a valid parameter after the junk still applies');
      const notice = page.locator('[data-testid=url-notice]');
      assert.ok(await notice.isVisible(), 'the junk is mentioned in a notice');
      const layout = await page.evaluate(() => {
        const n = document.querySelector('[data-testid=url-notice]').getBoundingClientRect();
        return { scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth, right: n.right };
      });
      assert.ok(layout.scrollWidth <= layout.clientWidth, `the page does not scroll sideways: ${JSON.stringify(layout)}`);
      assert.ok(layout.right <= layout.clientWidth, `the notice fits the viewport: ${JSON.stringify(layout)}`);
      assert.equal(await page.evaluate(() => location.search), '?lang=en', 'the address is normalised');
    });
  });
});
