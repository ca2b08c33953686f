// Tooltips: hovering each bar of the Table 3 and Table 4 charts shows the printed value, unit and
// growth; leaving the canvas hides the tooltip. Bar positions are found by scanning the canvas
// with the pointer, never hard-coded.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SKIP_REASON, TEST_TIMEOUT, gotoAtlas, hoverBand, scanBands, tipSel, useChromium, waitFor } from './lib.mjs';

const MINUS = '\u2212';

// Table 3 as printed (亿美元, %): Chinese name, value, growth.
const PARTNERS = [
  ['美国', '6,644.51', '-11.6'], ['日本', '3,179.99', '-10.7'], ['韩国', '3,107.37', '-13.5'],
  ['俄罗斯', '2,401.10', '26.3'], ['越南', '2,297.93', '-0.5'], ['澳大利亚', '2,291.96', '4.1'],
  ['德国', '2,067.82', '-8.7'], ['马来西亚', '1,902.44', '-5.2'], ['巴西', '1,815.29', '6.1'],
  ['印尼', '1,394.16', '-5.9'],
];

// Table 4, January–November (万 TEU), in the paper's order.
const PORTS_JAN_NOV = ['4,440', '3,280', '2,689', '2,639', '3,323', '2,108', '1,145', '859', '722', '566',
  '553', '486', '455', '430', '351', '342', '319', '313', '312', '264'];

const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The growth line expected for a printed rate: a true minus for negatives, optional + for positives. */
function growthPattern(prefix, rate, suffix) {
  const body = rate.startsWith('-') ? `${MINUS}${esc(rate.slice(1))}` : `\\+?${esc(rate)}`;
  return new RegExp(`^${esc(prefix)}${body}${esc(suffix)}$`);
}

/** The tooltip's box against the viewport, and whether its text spills out of the box. */
function tipGeometry(page, chart) {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return {
      left: r.left, right: r.right, viewport: document.documentElement.clientWidth,
      spills: el.scrollWidth > el.clientWidth + 1,
      title: el.querySelector('.tt-title')?.textContent.trim(),
    };
  }, tipSel(chart));
}

/** Assert the chart's current tooltip lies within the viewport horizontally. */
async function assertTipOnScreen(page, chart) {
  const g = await tipGeometry(page, chart);
  assert.ok(g, `${chart}: a tooltip is shown`);
  assert.ok(g.left >= 0 && g.right <= g.viewport + 0.5,
    `${chart}: tooltip "${g.title}" spans ${g.left.toFixed(0)}–${g.right.toFixed(0)} px, outside the ${g.viewport} px viewport`);
  assert.ok(!g.spills, `${chart}: the text of tooltip "${g.title}" overflows its box`);
}

/** Move the pointer off the canvas (above it, onto the card title) and wait for the tooltip to go. */
async function leaveAndExpectNoTip(page, chart) {
  const title = page.locator(`figure[data-chart="${chart}"] h4`);
  const tb = await title.boundingBox();
  await page.mouse.move(tb.x + 2, tb.y + tb.height / 2);
  await waitFor(page, (sel) => !document.querySelector(sel), tipSel(chart),
    `${chart}: the tooltip should disappear when the pointer leaves the canvas`);
  assert.equal(await page.locator('[data-testid=tooltip]').count(), 0, 'no tooltip anywhere on the page');
}

describe('tooltips', { skip: SKIP_REASON }, () => {
  const chromium = useChromium();

  test('Table 3 bars show every partner\'s value and growth (zh)', { timeout: TEST_TIMEOUT }, async () => {
    await chromium.page({ locale: 'zh-CN', height: 1000 }, async ({ page }) => {
      await gotoAtlas(page);
      const chart = 'partners-exports';
      const scan = await scanBands(page, chart);
      const seen = scan.bands.map((b) => b.title);
      assert.equal(scan.bands.length, PARTNERS.length, `one band per partner, found: ${seen.join(' / ')}`);
      for (const [name, value, rate] of PARTNERS) {
        const band = scan.bands.find((b) => b.title === name || b.title.startsWith(`${name} · `));
        assert.ok(band, `a bar for ${name}; tooltips seen: ${seen.join(' / ')}`);
        const tip = await hoverBand(page, chart, scan, band);
        assert.equal(tip.value, `${value} 亿美元`, `${name} value`);
        assert.match(tip.growth ?? '', growthPattern('同比 ', rate, '%'), `${name} growth`);
        assert.equal(await page.locator('[data-testid=tooltip]').count(), 1, 'exactly one tooltip on the page');
        await assertTipOnScreen(page, chart);
      }
      // The US tooltip also carries the data note about the table's title.
      const us = scan.bands.find((b) => b.title.startsWith('美国'));
      await hoverBand(page, chart, scan, us);
      const usNote = await page.locator(`${tipSel(chart)} .note.inconsistency`).count();
      assert.ok(usNote >= 1, 'the US tooltip shows the inconsistency note');

      await leaveAndExpectNoTip(page, chart);
    });
  });

  test('Table 4 bars show all 20 ports\' January–November throughput (zh)', { timeout: TEST_TIMEOUT }, async () => {
    await chromium.page({ locale: 'zh-CN', height: 1000 }, async ({ page }) => {
      await gotoAtlas(page);
      const chart = 'ports-jan-nov';
      const scan = await scanBands(page, chart);
      const seen = scan.bands.map((b) => b.title);
      assert.equal(scan.bands.length, PORTS_JAN_NOV.length, `one band per port, found: ${seen.join(' / ')}`);
      const values = [];
      let shanghai = null;
      for (const band of scan.bands) {
        const tip = await hoverBand(page, chart, scan, band);
        values.push(tip.value);
        if (band.title.startsWith('上海港')) shanghai = tip;
      }
      assert.ok(shanghai, `a bar for 上海港; tooltips seen: ${seen.join(' / ')}`);
      assert.equal(shanghai.value, '4,440 万 TEU', 'Shanghai January–November');
      const num = (s) => Number(s.replace(/,/g, ''));
      assert.deepEqual(
        [...values].sort((a, b) => num(a) - num(b)),
        PORTS_JAN_NOV.map((v) => `${v} 万 TEU`).sort((a, b) => num(a) - num(b)),
        'every port\'s January–November value appears in a tooltip',
      );
      await leaveAndExpectNoTip(page, chart);
    });
  });

  test('tooltips in English move the decimal point without rounding', { timeout: TEST_TIMEOUT }, async () => {
    await chromium.page({ locale: 'en-US', height: 1000 }, async ({ page }) => {
      await gotoAtlas(page);
      const partners = await scanBands(page, 'partners-exports');
      const us = partners.bands.find((b) => b.title.startsWith('United States'));
      assert.ok(us, `a bar for the United States; seen: ${partners.bands.map((b) => b.title).join(' / ')}`);
      const tip = await hoverBand(page, 'partners-exports', partners, us);
      assert.equal(tip.value, 'US$664.451 billion');
      assert.match(tip.growth ?? '', growthPattern('', '-11.6', '% year on year'));
      await leaveAndExpectNoTip(page, 'partners-exports');

      const ports = await scanBands(page, 'ports-jan-nov');
      const sh = ports.bands.find((b) => b.title.startsWith('Shanghai'));
      assert.ok(sh, `a bar for Shanghai; seen: ${ports.bands.map((b) => b.title).join(' / ')}`);
      const shTip = await hoverBand(page, 'ports-jan-nov', ports, sh);
      assert.equal(shTip.value, '44.40 million TEU');
      await leaveAndExpectNoTip(page, 'ports-jan-nov');
    });
  });

  // Regression: on a 390 px screen the tooltip of a supplementary value carries an unbreakable
  // source URL; it used to grow to its max-width and run past the left edge of the screen.
  test('tooltips stay on a 390 px screen (warehouse-found, supplementary sources)', {
    timeout: TEST_TIMEOUT,
  }, async () => {
    await chromium.page({ locale: 'zh-CN', width: 390, height: 844 }, async ({ page }) => {
      await gotoAtlas(page);
      const chart = 'warehouse-found';
      const offenders = new Set();
      let hovered = 0;
      for (const xFrac of [0.3, 0.6, 0.9]) {
        const scan = await scanBands(page, chart, { xFrac, step: 6 });
        for (const band of scan.bands) {
          await hoverBand(page, chart, scan, band);
          hovered++;
          const g = await tipGeometry(page, chart);
          if (g.left < 0 || g.right > g.viewport + 0.5 || g.spills) {
            offenders.add(`${g.title} at x=${Math.round(xFrac * 100)}%: ${g.left.toFixed(0)}–${g.right.toFixed(0)} px` +
              `${g.spills ? ', text spills out of the box' : ''}`);
          }
        }
      }
      assert.ok(hovered > 0, 'some tooltips were shown');
      assert.deepEqual([...offenders], [], 'tooltips outside the 390 px viewport');
    });
  });
});
