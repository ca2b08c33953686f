// Descriptions: under every chart and map layer the sentences that say what it shows, which are
// also its canvas's accessible description (aria-describedby). Every canvas's description holds a
// number the chart shows (one in its data table or the map's table), and the description follows
// a metric switch, the selection, a hidden series and the language; an embed carries it too.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  ATLAS_URL, SKIP_REASON, TEST_TIMEOUT, gotoAtlas, settle, showChart, switchLanguage, until, useChromium,
} from './lib.mjs';
import { waitForDrawnIn } from './publish-lib.mjs';

const fig = (chart) => `figure[data-chart="${chart}"]`;
const at = (query) => new URL(query, ATLAS_URL).href;

/** The numbers in a text, without signs or thousands separators ("−1,394.16" → "1394.16"). */
const numbers = (text) => [...text.matchAll(/\d[\d,]*(?:\.\d+)?/g)].map((m) => m[0].replace(/,/g, ''));

/**
 * Per canvas: its chart, the text of the element its aria-describedby names (null when none),
 * whether that element is in the chart's card, and the text of the tables that show its data.
 */
function canvasDescriptions(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('figure.card[data-chart] canvas')].map((c) => {
      const card = c.closest('figure.card');
      const id = c.getAttribute('aria-describedby');
      const el = id ? document.getElementById(id) : null;
      const block = card.closest('.dataset') || card;
      return {
        chart: card.getAttribute('data-chart'),
        id,
        text: el?.textContent.trim() ?? null,
        inCard: !!el && card.contains(el),
        tables: [...block.querySelectorAll('table th, table td')].map((t) => t.textContent).join(' '),
      };
    }));
}

/** The description shown under a chart. */
const descOf = (page, chart) => page.$eval(`${fig(chart)} [data-testid=chart-desc]`, (p) => p.textContent.trim());

/** Wait until a chart's description differs from `before` and return it. */
function descChange(page, chart, before, what) {
  return until(async () => {
    const now = await descOf(page, chart);
    return now !== before && now;
  }, `${chart}: the description should change (${what})`);
}

describe('descriptions', { skip: SKIP_REASON }, () => {
  const chromium = useChromium();

  for (const lang of ['zh', 'en']) {
    test(`every canvas (${lang}) is described by the sentences under it, which hold a number the chart shows`, {
      timeout: TEST_TIMEOUT,
    }, async () => {
      await chromium.page({ locale: lang === 'zh' ? 'zh-CN' : 'en-US' }, async ({ page }) => {
        const canvases = await gotoAtlas(page);
        const views = await canvasDescriptions(page);
        assert.equal(views.length, canvases, 'every canvas is in a chart card');
        const bad = [];
        for (const v of views) {
          if (!v.text) { bad.push(`${v.chart}: no accessible description (aria-describedby=${v.id})`); continue; }
          if (!v.inCard) bad.push(`${v.chart}: its description is not under it`);
          const shown = new Set(numbers(v.tables));
          if (!numbers(v.text).some((n) => shown.has(n))) bad.push(`${v.chart}: no number of its table in "${v.text}"`);
          if (lang === 'en' && /[\u4e00-\u9fff]/.test(v.text)) bad.push(`${v.chart}: Chinese in "${v.text}"`);
        }
        assert.deepEqual(bad, []);
        // The sentences are shown open, and fold away.
        const d = page.locator(`${fig('partners-exports')} details.chart-desc`);
        assert.equal(await d.getAttribute('open'), '');
        await d.locator('summary').click();
        assert.equal(await d.getAttribute('open'), null, 'a click folds the description');
      });
    });
  }

  test('the description follows the metric, the map layer\'s reading, the selection, hidden series and the language', {
    timeout: TEST_TIMEOUT,
  }, async () => {
    await chromium.page({ locale: 'en-US', height: 1000 }, async ({ page }) => {
      await gotoAtlas(page);
      // A metric switch: Table 1 by its derived unit-value change.
      let chart = 'commodities';
      await showChart(page, chart);
      const value = await descOf(page, chart);
      assert.ok(value.startsWith('Value: mechanical and electrical products (1,978,660,513 thousand US$) include some of the others; of the other twenty-four commodities, the largest is high-tech products'), value);
      await page.selectOption(`${fig(chart)} select[data-control=metric]`, '3');
      const unit = await descChange(page, chart, value, 'metric switched to the unit-value change');
      assert.ok(unit.startsWith('Implied unit-value change: ') && unit.includes('steel products fell most (\u221232.7%)'), unit);
      assert.equal(await page.$eval(`${fig(chart)} canvas`, (c) => document.getElementById(c.getAttribute('aria-describedby')).textContent.trim()),
        unit, 'the canvas is described by the new sentences');

      // The map layer's reading.
      chart = 'map-partners';
      await showChart(page, chart);
      const exports = await descOf(page, chart);
      await page.selectOption(`${fig(chart)} select[data-control=metric]`, '1');
      const growth = await descChange(page, chart, exports, 'map metric switched to growth');
      assert.ok(growth.includes('Russia grew fastest (+26.3%) and South Korea fell most (\u221213.5%); three rose and seven fell'), growth);

      // A selection made anywhere (here with the keyboard, on the map's item list) is named where
      // the chart shows it.
      chart = 'partners-exports';
      await showChart(page, chart);
      const plain = await descOf(page, chart);
      await page.locator('#map .map-item', { hasText: /^Russia$/ }).focus();
      await page.keyboard.press('Enter');
      // A focused map item is shown in the flow; leave it before clicking elsewhere, or the page
      // shifts between press and release.
      await page.evaluate(() => document.activeElement?.blur());
      await settle(page);
      const selected = await descChange(page, chart, plain, 'Russia selected');
      assert.ok(selected.includes('Russia (selected): US$240.110 billion, fourth of the ten partners.'), selected);

      // A hidden series is no longer described.
      chart = 'regions-value';
      await showChart(page, chart);
      const both = await descOf(page, chart);
      assert.ok(both.includes('Exports (Table 2):') && both.includes('Trade (text):'), both);
      await page.locator(`${fig(chart)} button.legend-item[data-series="0"]`).click();
      const one = await descChange(page, chart, both, 'exports hidden');
      assert.ok(!one.includes('Exports (Table 2)') && one.startsWith('Trade (text):'), one);

      // The language.
      await switchLanguage(page);
      await settle(page);
      const zh = await descChange(page, 'partners-exports', selected, 'the language switched');
      assert.ok(zh.includes('选中的俄罗斯:2,401.10 亿美元,在十个贸易伙伴中居第四。'), zh);
    });
  });

  test('an embedded chart carries its description', { timeout: TEST_TIMEOUT }, async () => {
    await chromium.page({ locale: 'zh-CN' }, async ({ page }) => {
      await page.goto(at('?embed=partners-exports&lang=en&controls=0'));
      assert.equal(await waitForDrawnIn(page, 'main.embed'), 1, 'one canvas, drawn');
      const [v] = await canvasDescriptions(page);
      assert.equal(v.chart, 'partners-exports');
      assert.ok(v.inCard && v.text.includes('the largest is the United States (US$664.451 billion)'), v.text);
      assert.ok(await page.locator('main.embed details.chart-desc[open]').isVisible(), 'shown under the chart');
    });
  });
});
