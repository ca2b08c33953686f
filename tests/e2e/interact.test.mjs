// Interaction: keyboard exploration with live announcements, linked selection across charts and
// tables, metric and sort controls, the DOM legend, the chart menu (PNG, copy image, SVG, CSV,
// JSON, cite) and touch. Bar positions are found by scanning with the pointer, never hard-coded;
// every wait is on a condition.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import {
  SKIP_REASON, TEST_TIMEOUT, gotoAtlas, hoverBand, readTip, scanBands, settle, showChart, tipSel, until, useChromium,
  waitFor,
} from './lib.mjs';

const MINUS = '\u2212';
const fig = (chart) => `figure[data-chart="${chart}"]`;

// Table 3 as printed, in the paper's order: key, zh name, en name, zh tooltip value, en value, growth.
const TABLE_3 = [
  ['usa', '美国', 'United States', '6,644.51', '664.451', -11.6],
  ['japan', '日本', 'Japan', '3,179.99', '317.999', -10.7],
  ['korea', '韩国', 'South Korea', '3,107.37', '310.737', -13.5],
  ['russia', '俄罗斯', 'Russia', '2,401.10', '240.110', 26.3],
  ['vietnam', '越南', 'Vietnam', '2,297.93', '229.793', -0.5],
  ['australia', '澳大利亚', 'Australia', '2,291.96', '229.196', 4.1],
  ['germany', '德国', 'Germany', '2,067.82', '206.782', -8.7],
  ['malaysia', '马来西亚', 'Malaysia', '1,902.44', '190.244', -5.2],
  ['brazil', '巴西', 'Brazil', '1,815.29', '181.529', 6.1],
  ['indonesia', '印尼', 'Indonesia', '1,394.16', '139.416', -5.9],
].map(([key, zh, en, zhValue, enValue, yoy]) => ({ key, zh, en, zhValue, enValue, yoy }));
const TABLE_3_EXPORTS = { usa: 6644.51, japan: 3179.99, korea: 3107.37, russia: 2401.10, vietnam: 2297.93,
  australia: 2291.96, germany: 2067.82, malaysia: 1902.44, brazil: 1815.29, indonesia: 1394.16 };

// Table 1 rows that have a quantity (and so a unit-value change), in the paper's order.
const WITH_QUANTITY = ['Steel products', 'Footwear', 'Refined oil products', 'Electric passenger vehicles',
  'Luggage and similar containers', 'Pulp, paper and paper products', 'Ceramic products',
  'Medicinal materials and medicines', 'Rubber tyres', 'Unwrought aluminium and aluminium products',
  'Wood and wood products', 'Jewellery of or clad with precious metal'];

/** The row name of a tooltip title ("Russia · Exports" → "Russia"). */
const rowName = (title) => title.split(' · ')[0];

/** A chart's canvas as a data URL. */
const image = (page, chart) => page.$eval(`${fig(chart)} canvas`, (c) => c.toDataURL());

/** Look at a chart and wait until its canvas differs from `before` (a data URL); return the new data URL. */
async function imageChange(page, chart, before, what) {
  await showChart(page, chart);
  return until(async () => {
    const now = await image(page, chart);
    return now !== before && now;
  }, `${chart}: the canvas should redraw (${what})`);
}

/** Keep a copy of a chart's pixels in the page, to compare against later with diffBox. */
function keepPixels(page, chart) {
  return page.$eval(`${fig(chart)} canvas`, (c, id) => {
    window.__kept = window.__kept || {};
    window.__kept[id] = { w: c.width, h: c.height, d: c.getContext('2d').getImageData(0, 0, c.width, c.height).data };
  }, chart);
}

/**
 * The box (CSS pixels) of the pixels of a chart's canvas that differ from the kept copy, or null
 * when none does; 'resized' when the canvas changed size.
 */
function diffBox(page, chart) {
  return page.$eval(`${fig(chart)} canvas`, (c, id) => {
    const kept = window.__kept[id];
    if (kept.w !== c.width || kept.h !== c.height) return 'resized';
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let box = null;
    for (let i = 0; i < d.length; i += 4) {
      if (d[i] === kept.d[i] && d[i + 1] === kept.d[i + 1] && d[i + 2] === kept.d[i + 2] && d[i + 3] === kept.d[i + 3]) continue;
      const p = i / 4;
      const x = p % c.width;
      const y = Math.floor(p / c.width);
      if (!box) box = { x0: x, y0: y, x1: x, y1: y };
      else {
        box.x0 = Math.min(box.x0, x); box.x1 = Math.max(box.x1, x);
        box.y0 = Math.min(box.y0, y); box.y1 = Math.max(box.y1, y);
      }
    }
    const k = c.width / c.getBoundingClientRect().width;
    return box && { x0: box.x0 / k, y0: box.y0 / k, x1: box.x1 / k, y1: box.y1 / k };
  }, chart);
}

/** Move the pointer onto a chart's title (off its canvas) and wait for the tooltip to go. */
async function leave(page, chart) {
  const tb = await page.locator(`${fig(chart)} h4`).boundingBox();
  await page.mouse.move(tb.x + 2, tb.y + tb.height / 2);
  await waitFor(page, (sel) => !document.querySelector(sel), tipSel(chart), `${chart}: the tooltip should go`);
  await settle(page);
}

/** Keys of the table rows marked selected. */
const selectedRows = (page, table) =>
  page.$$eval(`table#table-${table} tbody tr.selected`, (trs) => trs.map((t) => t.getAttribute('data-row')));

/** The selection chip's text, or null when there is none. */
const chipText = (page) =>
  page.evaluate(() => document.querySelector('[data-testid=selection]')?.textContent.replace('✕', '').trim() ?? null);

async function expectChip(page, expected) {
  let last;
  await until(async () => (last = await chipText(page)) === expected, `selection chip should read ${JSON.stringify(expected)}`)
    .catch(() => assert.equal(last, expected, 'selection chip'));
}

/** The aria-pressed states of a chart's legend buttons. */
const pressed = (page, chart) =>
  page.$$eval(`${fig(chart)} ul.legend button.legend-item`, (bs) => bs.map((b) => b.getAttribute('aria-pressed')));

async function expectPressed(page, chart, expected, what) {
  let last;
  await until(async () => JSON.stringify(last = await pressed(page, chart)) === JSON.stringify(expected), what)
    .catch(() => assert.deepEqual(last, expected, `${chart} legend: ${what}`));
}

/** Open a chart's menu (click its summary). */
async function openMenu(page, chart) {
  await page.locator(`${fig(chart)} details[data-testid=chart-menu] > summary`).click();
  await page.waitForSelector(`${fig(chart)} details[data-testid=chart-menu][open] [data-action=csv]`, { state: 'visible' });
}

/** Click a menu action, wait for the download, and return { name, bytes }. */
async function download(page, chart, action) {
  const [dl] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`${fig(chart)} [data-action=${action}]`).click(),
  ]);
  const failure = await dl.failure();
  assert.equal(failure, null, `${action} download failed`);
  return { name: dl.suggestedFilename(), bytes: await readFile(await dl.path()) };
}

/** Wait for a chart menu's status line to read `expected`. */
async function expectStatus(page, chart, expected) {
  let last;
  await until(async () => (last = await page.textContent(`${fig(chart)} .menu-status`)) === expected,
    `${chart} menu status should read ${expected}`).catch(() => assert.equal(last, expected, 'menu status'));
}

/** Width and height from a PNG's IHDR chunk (after checking the signature). */
function pngSize(buf) {
  assert.ok(buf.length >= 24, 'PNG has a header');
  assert.deepEqual([...buf.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
  assert.equal(buf.toString('latin1', 12, 16), 'IHDR', 'first chunk is IHDR');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** RFC 4180 CSV (quoted fields, CRLF) to rows of fields. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += ch;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

/** Data rows of a chart CSV: { header, rows: [{col → value}], comments }. */
function readCsv(text) {
  const lines = text.replace(/^\uFEFF/, '');
  const comments = lines.split(/\r?\n/).filter((l) => l.startsWith('#'));
  const body = lines.split(/\r?\n/).filter((l) => !l.startsWith('#')).join('\r\n');
  const [header, ...rest] = parseCsv(body).filter((r) => r.length > 1);
  return { header, comments, rows: rest.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]]))) };
}

/** Parse SVG text in the page: { ok, root, width, texts } (texts: every <text>'s content). */
function parseSvg(page, text) {
  return page.evaluate((src) => {
    const doc = new DOMParser().parseFromString(src, 'image/svg+xml');
    const err = doc.querySelector('parsererror');
    return {
      ok: !err,
      error: err?.textContent ?? null,
      root: doc.documentElement.localName,
      width: doc.documentElement.getAttribute('width'),
      height: doc.documentElement.getAttribute('height'),
      texts: [...doc.querySelectorAll("text")].map((t) => t.textContent.trim()),
    };
  }, text);
}

describe('interaction', { skip: SKIP_REASON }, () => {
  const chromium = useChromium();

  for (const lang of ['zh', 'en']) {
    test(`keyboard: arrows walk Table 3 with live announcements, Enter/Space select, Escape clears (${lang})`, {
      timeout: TEST_TIMEOUT,
    }, async () => {
      await chromium.page({ locale: lang === 'zh' ? 'zh-CN' : 'en-US', height: 1000 }, async ({ page }) => {
        await gotoAtlas(page);
        const chart = 'partners-exports';
        const name = (r) => r[lang];
        const value = (r) => (lang === 'zh' ? r.zhValue : r.enValue);
        const live = `${fig(chart)} [data-testid=live]`;
        const selectedLabel = (r) => (lang === 'zh' ? `已选中:${r.zh}` : `Selected: ${r.en}`);

        // Tab from the last control of the card reaches the canvas.
        await page.focus(`${fig(chart)} select[data-control=sort]`);
        await page.keyboard.press('Tab');
        assert.ok(await page.$eval(`${fig(chart)} canvas`, (c) => document.activeElement === c),
          'Tab from the sort control focuses the chart canvas');
        assert.equal(await page.locator(tipSel(chart)).count(), 0, 'no tooltip before a key is pressed');

        /** Press `key`, then wait until the live region and the tooltip name `row`. */
        const press = async (key, row) => {
          await page.keyboard.press(key);
          await waitFor(page, ([sel, tip, n]) => {
            const t = document.querySelector(`${tip} .tt-title`)?.textContent ?? '';
            return document.querySelector(sel)?.textContent.startsWith(n) && t.startsWith(n);
          }, [live, tipSel(chart), name(row)], `${key}: the live region and tooltip should name ${name(row)}`);
        };
        /** Press `key` at an end of the list: after the page settles, focus is still on `row`. */
        const stay = async (key, row) => {
          await page.keyboard.press(key);
          await settle(page);
          const now = await page.textContent(live);
          assert.ok(now.startsWith(name(row)), `${key} at an end keeps ${name(row)} focused: ${now}`);
        };
        for (const row of TABLE_3.slice(0, 4)) await press('ArrowDown', row);
        const russia = TABLE_3[3];
        const said = await page.textContent(live);
        assert.ok(said.includes(name(russia)) && said.includes(value(russia)),
          `the live region announces ${name(russia)} ${value(russia)}: ${said}`);
        const tip = await readTip(page, chart);
        assert.ok(tip.value.includes(value(russia)), `the tooltip shows ${value(russia)}: ${tip.value}`);
        assert.equal(await page.locator('[data-testid=tooltip]').count(), 1, 'exactly one tooltip on the page');

        await press('ArrowUp', TABLE_3[2]);
        await press('ArrowRight', russia);
        await press('ArrowLeft', TABLE_3[2]);
        await press('ArrowDown', russia);

        // Enter selects the focused row's country page-wide, Space toggles it off, Enter again on.
        await page.keyboard.press('Enter');
        await expectChip(page, selectedLabel(russia));
        assert.deepEqual(await selectedRows(page, 'partners'), ['russia'], 'the Russia row of Table 3 is selected');
        const canvasTop = () => page.$eval(`${fig(chart)} canvas`, (c) => c.getBoundingClientRect().top);
        const top = await canvasTop();
        await page.keyboard.press(' ');
        await expectChip(page, null);
        assert.deepEqual(await selectedRows(page, 'partners'), [], 'Space toggled the selection off');
        // (The chip leaving the sticky bar may shift the page by its height; a scroll would be ~ a screen.)
        const moved = Math.abs((await canvasTop()) - top);
        assert.ok(moved < 100, `Space on the chart must not scroll the page (the canvas moved ${moved} px)`);
        assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'CANVAS', 'focus stays on the canvas');
        await page.keyboard.press('Enter');
        await expectChip(page, selectedLabel(russia));

        const last = TABLE_3.at(-1);
        await press('End', last);
        assert.ok((await page.textContent(live)).includes(value(last)), `End announces ${name(last)} ${value(last)}`);
        await stay('ArrowDown', last);
        await press('Home', TABLE_3[0]);
        await stay('ArrowUp', TABLE_3[0]);

        // Escape clears focus, tooltip and selection.
        await page.keyboard.press('Escape');
        await waitFor(page, ([sel, tip]) => !document.querySelector(tip) && document.querySelector(sel)?.textContent === '',
          [live, tipSel(chart)], 'Escape should remove the tooltip and empty the live region');
        await expectChip(page, null);
        assert.deepEqual(await selectedRows(page, 'partners'), [], 'Escape cleared the selection');
      });
    });
  }

  test('linked selection: a Table 3 bar selects the country in other charts and tables', {
    timeout: TEST_TIMEOUT,
  }, async () => {
    await chromium.page({ locale: 'en-US', height: 1000 }, async ({ page }) => {
      await gotoAtlas(page);
      // Where the US is in the economies chart, and where the partners are in Table 3.
      const eco = await scanBands(page, 'economies-change', { step: 6 });
      const ecoUs = eco.bands.find((b) => rowName(b.title) === 'United States');
      assert.ok(ecoUs, `economies-change has a US bar; seen: ${eco.bands.map((b) => b.title).join(' / ')}`);
      assert.ok(!eco.bands.some((b) => rowName(b.title) === 'Russia'), 'Russia is not in economies-change');
      await leave(page, 'economies-change');
      const scan = await scanBands(page, 'partners-exports', { step: 6 });
      const band = (n) => {
        const b = scan.bands.find((x) => rowName(x.title) === n);
        assert.ok(b, `a Table 3 bar for ${n}; seen: ${scan.bands.map((x) => x.title).join(' / ')}`);
        return b;
      };
      await leave(page, 'partners-exports');
      await keepPixels(page, 'economies-change');
      await keepPixels(page, 'commodities'); // has no country: must never change
      assert.equal(await chipText(page), null, 'nothing selected at first');

      /** Hover a Table 3 bar, return the picture with it hovered, then click it. */
      const click = async (n) => {
        const b = band(n);
        // Back to where the scan saw the chart (looking at another chart scrolls the page).
        await page.$eval(`${fig('partners-exports')} canvas`, (el) => el.scrollIntoView({ block: 'center', behavior: 'instant' }));
        await hoverBand(page, 'partners-exports', scan, b);
        await settle(page);
        const hovered = await image(page, 'partners-exports');
        await page.mouse.click(scan.x, scan.box.y + (b.y0 + b.y1) / 2);
        return hovered;
      };

      // Click the US bar: chip, both tables, and the US bar of economies-change emphasised.
      await click('United States');
      await expectChip(page, 'Selected: United States');
      assert.deepEqual(await selectedRows(page, 'partners'), ['usa']);
      assert.deepEqual(await selectedRows(page, 'economies'), ['usa']);
      await showChart(page, 'economies-change');
      const box = await until(() => diffBox(page, 'economies-change'),
        'economies-change should redraw with the US emphasised');
      assert.notEqual(box, 'resized', 'economies-change keeps its size');
      const slack = 8; // the scan's step plus the 2 px outline
      assert.ok(box.y0 >= ecoUs.y0 - slack && box.y1 <= ecoUs.y1 + slack,
        `only the US row of economies-change changes: changed y ${box.y0.toFixed(1)}–${box.y1.toFixed(1)}, ` +
        `US band y ${ecoUs.y0}–${ecoUs.y1}`);
      await settle(page);
      assert.equal(await diffBox(page, 'commodities'), null, 'commodities (no countries) is unchanged');

      // Clicking the same bar again clears the selection and the emphasis.
      await click('United States');
      await expectChip(page, null);
      await showChart(page, 'economies-change');
      await until(async () => (await diffBox(page, 'economies-change')) === null,
        'economies-change should return to its unselected picture');
      assert.deepEqual(await selectedRows(page, 'economies'), []);

      // Russia is in Table 3 but not among the economies: their chart and table stay as they are.
      const hovered = await click('Russia');
      await expectChip(page, 'Selected: Russia');
      await imageChange(page, 'partners-exports', hovered, 'the selected Russia bar is emphasised in Table 3 itself');
      assert.deepEqual(await selectedRows(page, 'partners'), ['russia']);
      await showChart(page, 'economies-change');
      await settle(page);
      assert.equal(await diffBox(page, 'economies-change'), null, 'economies-change (in view) has no Russia row to emphasise');
      assert.deepEqual(await selectedRows(page, 'economies'), []);

      // The chip's ✕ clears it.
      await page.click('[data-testid=selection] button');
      await expectChip(page, null);
      assert.deepEqual(await selectedRows(page, 'partners'), []);
    });
  });

  test('controls: Table 3 sorted by growth and by name', { timeout: TEST_TIMEOUT }, async () => {
    await chromium.page({ locale: 'en-US', height: 1000 }, async ({ page }) => {
      await gotoAtlas(page);
      const chart = 'partners-exports';
      const sort = `${fig(chart)} select[data-control=sort]`;
      const paper = await scanBands(page, chart, { step: 6 });
      assert.deepEqual(paper.bands.map((b) => rowName(b.title)), TABLE_3.map((r) => r.en), 'paper order at first');
      await leave(page, chart);

      let before = await image(page, chart);
      await page.selectOption(sort, { label: 'By growth' });
      before = await imageChange(page, chart, before, 'sorted by growth');
      const byGrowth = await scanBands(page, chart, { step: 6 });
      const expected = [...TABLE_3].sort((a, b) => b.yoy - a.yoy);
      assert.deepEqual(byGrowth.bands.map((b) => rowName(b.title)), expected.map((r) => r.en),
        'rows in descending order of growth');
      const growth = [];
      for (const b of byGrowth.bands) {
        const tip = await hoverBand(page, chart, byGrowth, b);
        const m = /^([+\u2212]?)(\d+\.\d)% year on year$/.exec(tip.growth ?? '');
        assert.ok(m, `${b.title}: growth line "${tip.growth}"`);
        growth.push((m[1] === MINUS ? -1 : 1) * Number(m[2]));
      }
      assert.deepEqual(growth, expected.map((r) => r.yoy), 'tooltips show each partner\'s growth');
      const first = await hoverBand(page, chart, byGrowth, byGrowth.bands[0]);
      assert.equal(first.growth, '+26.3% year on year', 'Russia first, +26.3%');
      const lastTip = await hoverBand(page, chart, byGrowth, byGrowth.bands.at(-1));
      assert.ok(lastTip.title.startsWith('South Korea'), `South Korea last: ${lastTip.title}`);
      assert.equal(lastTip.growth, `${MINUS}13.5% year on year`, 'South Korea −13.5%');
      await leave(page, chart);

      await page.selectOption(sort, { label: 'By name (A–Z)' });
      await imageChange(page, chart, before, 'sorted by name');
      const byName = await scanBands(page, chart, { step: 6 });
      assert.deepEqual(byName.bands.map((b) => rowName(b.title)), TABLE_3.map((r) => r.en).sort(),
        'rows in alphabetical order');
    });
  });

  test('controls: Table 1 by implied unit-value change keeps the 12 rows with a quantity', {
    timeout: TEST_TIMEOUT,
  }, async () => {
    await chromium.page({ locale: 'en-US', height: 1000 }, async ({ page }) => {
      await gotoAtlas(page);
      const chart = 'commodities';
      const metric = `${fig(chart)} select[data-control=metric]`;
      const before = await image(page, chart);
      const cssHeight = await page.$eval(`${fig(chart)} canvas`, (c) => c.getBoundingClientRect().height);
      await page.selectOption(metric, '3');
      assert.match(await page.$eval(metric, (s) => s.selectedOptions[0].textContent), /^Implied unit-value change \(derived\)$/);
      await imageChange(page, chart, before, 'implied unit-value change');
      await until(async () => (await page.$eval(`${fig(chart)} canvas`, (c) => c.getBoundingClientRect().height)) < cssHeight,
        'the chart should shrink to fewer rows');
      const scan = await scanBands(page, chart, { step: 6 });
      assert.deepEqual(scan.bands.map((b) => rowName(b.title)), WITH_QUANTITY,
        '12 rows (those with a quantity), in the paper\'s order');
      const tips = {};
      for (const b of scan.bands) tips[rowName(b.title)] = await hoverBand(page, chart, scan, b);
      assert.equal(tips['Steel products'].value, `${MINUS}32.7%`, 'steel');
      // Positive changes are printed without a sign in this chart (as in the paper's Table 1).
      assert.match(tips['Electric passenger vehicles'].value, /^\+?3\.8%$/, 'electric passenger vehicles');
      for (const [n, t] of Object.entries(tips)) {
        assert.ok(t.title.endsWith('Implied unit-value change'), `${n}: tooltip names the metric: ${t.title}`);
        assert.ok(t.derived, `${n}: the value is marked derived`);
      }
    });
  });

  test('controls: Table 4\'s November metric shows Shenzhen\'s printed 28,340 with its note', {
    timeout: TEST_TIMEOUT,
  }, async () => {
    await chromium.page({ locale: 'zh-CN', height: 1000 }, async ({ page }) => {
      await gotoAtlas(page);
      const chart = 'ports-jan-nov';
      const before = await image(page, chart);
      await page.selectOption(`${fig(chart)} select[data-control=metric]`, '1');
      await imageChange(page, chart, before, 'November');
      const scan = await scanBands(page, chart, { step: 6 });
      assert.equal(scan.bands.length, 20, `20 ports; seen: ${scan.bands.map((b) => b.title).join(' / ')}`);
      const find = (n) => scan.bands.find((b) => rowName(b.title) === n);
      const sz = await hoverBand(page, chart, scan, find('深圳港'));
      assert.equal(sz.value, '28,340 万 TEU', 'Shenzhen November as printed');
      const note = sz.notes.find((n) => n.cls.includes('inconsistency'));
      assert.ok(note && note.text.includes('28,340') && note.text.includes('2,689'),
        `the Shenzhen tooltip carries the shenzhen-nov note: ${JSON.stringify(sz.notes)}`);
      const sh = await hoverBand(page, chart, scan, find('上海港'));
      assert.equal(sh.value, '421 万 TEU', 'Shanghai November');
      assert.ok(!sh.notes.some((n) => n.text.includes('28,340')), 'the note is only on Shenzhen');
    });
  });

  test('legend: a click hides a series, Alt-click isolates, the last visible series stays', {
    timeout: TEST_TIMEOUT,
  }, async () => {
    await chromium.page({ locale: 'en-US', height: 1000 }, async ({ page }) => {
      await gotoAtlas(page);
      const item = (chart, i) => page.locator(`${fig(chart)} ul.legend button.legend-item[data-series="${i}"]`);

      // Two series: hide one, the other cannot be hidden, show it again.
      let chart = 'regions-value';
      assert.deepEqual(await page.$$eval(`${fig(chart)} .legend-item`, (bs) => bs.map((b) => b.textContent.trim())),
        ['Exports (Table 2)', 'Trade (text)']);
      await expectPressed(page, chart, ['true', 'true'], 'both shown at first');
      const all = await image(page, chart);
      await item(chart, 0).click();
      await expectPressed(page, chart, ['false', 'true'], 'a click hides series 0');
      const onlyTrade = await imageChange(page, chart, all, 'series 0 hidden');
      // The visible series still answers the pointer for every region.
      const scan = await scanBands(page, chart, { xFrac: 0.3, step: 6 });
      const titles = scan.bands.map((b) => b.title);
      for (const region of ['ASEAN', 'European Union', 'Belt and Road countries']) {
        assert.ok(titles.includes(`${region} · Trade (text)`), `${region}'s trade bar has a tooltip; seen ${titles.join(' / ')}`);
      }
      await leave(page, chart);
      await item(chart, 1).click(); // the last visible series: nothing happens
      await settle(page);
      assert.deepEqual(await pressed(page, chart), ['false', 'true'], 'the last visible series stays shown');
      assert.equal(await image(page, chart), onlyTrade, 'the canvas is unchanged');
      await item(chart, 0).click();
      await expectPressed(page, chart, ['true', 'true'], 'a second click shows series 0 again');
      await until(async () => (await image(page, chart)) === all, 'the picture returns to both series');

      // Three series: Alt-click isolates, Alt-click again shows all.
      chart = 'commodities-price';
      await expectPressed(page, chart, ['true', 'true', 'true'], 'all shown at first');
      const three = await image(page, chart);
      await item(chart, 1).click({ modifiers: ['Alt'] });
      await expectPressed(page, chart, ['false', 'true', 'false'], 'Alt-click isolates series 1');
      await imageChange(page, chart, three, 'series 1 isolated');
      await item(chart, 1).click({ modifiers: ['Alt'] });
      await expectPressed(page, chart, ['true', 'true', 'true'], 'Alt-click on the isolated series shows all');
      await until(async () => (await image(page, chart)) === three, 'the picture returns to three series');
      await item(chart, 2).click({ modifiers: ['Alt'] });
      await expectPressed(page, chart, ['false', 'false', 'true'], 'Alt-click isolates series 2');
      await item(chart, 2).click();
      await settle(page);
      assert.deepEqual(await pressed(page, chart), ['false', 'false', 'true'], 'the only visible series stays');
      await item(chart, 0).click();
      await expectPressed(page, chart, ['true', 'false', 'true'], 'a click shows series 0 again');
    });
  });

  // Regression: a hidden series used to show in tooltips (band hover fell back to the row's first
  // cell, extras listed every cell) and in keyboard announcements.
  test('legend: a hidden series no longer appears in tooltips or announcements', {
    timeout: TEST_TIMEOUT,
  }, async () => {
    await chromium.page({ locale: 'en-US', height: 1000 }, async ({ page }) => {
      await gotoAtlas(page);
      const chart = 'regions-value';
      const hiddenName = 'Exports (Table 2)';
      await page.locator(`${fig(chart)} button.legend-item[data-series="0"]`).click();
      await expectPressed(page, chart, ['false', 'true'], 'series 0 hidden');
      const offenders = [];
      for (const xFrac of [0.1, 0.8]) {
        const scan = await scanBands(page, chart, { xFrac, step: 6 });
        for (const b of scan.bands) {
          const tip = await hoverBand(page, chart, scan, b);
          if (tip.title.includes(hiddenName) || tip.extra.some((e) => e.includes(hiddenName))) {
            offenders.push(`x ${Math.round(xFrac * 100)}%, y ${b.y0}–${b.y1}: ${tip.title} | ${tip.extra.join(' | ')}`);
          }
        }
      }
      await leave(page, chart);
      await page.focus(`${fig(chart)} canvas`);
      await page.keyboard.press('ArrowDown');
      await waitFor(page, (sel) => document.querySelector(sel)?.textContent, `${fig(chart)} [data-testid=live]`,
        'ArrowDown should announce the first row');
      const said = await page.textContent(`${fig(chart)} [data-testid=live]`);
      if (said.includes(hiddenName)) offenders.push(`live region: ${said}`);
      assert.deepEqual(offenders, [], `"${hiddenName}" is hidden but still shown`);
    });
  });

  test('menu: PNG at 2×, SVG, CSV and JSON of Table 3, and the citation (zh, then en)', {
    timeout: TEST_TIMEOUT,
  }, async () => {
    await chromium.page({ locale: 'zh-CN', contextOptions: { acceptDownloads: true } }, async ({ page }) => {
      await gotoAtlas(page);
      const chart = 'partners-exports';
      const titleZh = '表 3:中国十大对外主要贸易伙伴';
      const titleEn = 'Table 3: China\'s ten main trading partners';
      await openMenu(page, chart);

      const png = await download(page, chart, 'png');
      assert.equal(png.name, 'trade-atlas-partners-exports-zh.png');
      await expectStatus(page, chart, '已下载。');
      const size = pngSize(png.bytes);
      assert.equal(size.width, 1520, 'PNG is 760 CSS px at 2×');
      assert.ok(size.height > 400, `PNG height ${size.height}`);

      const svgFile = await download(page, chart, 'svg');
      assert.equal(svgFile.name, 'trade-atlas-partners-exports-zh.svg');
      const svgText = svgFile.bytes.toString('utf8');
      assert.ok(svgText.startsWith('<svg'), 'SVG starts with <svg');
      const svg = await parseSvg(page, svgText);
      assert.ok(svg.ok, `SVG parses: ${svg.error}`);
      assert.equal(svg.root, 'svg');
      assert.equal(svg.width, '760');
      assert.equal(size.height, 2 * Number(svg.height), 'PNG and SVG come from the same layout (PNG at 2×)');
      assert.ok(svg.texts.includes(titleZh), `SVG has the Chinese title: ${svg.texts.slice(0, 3).join(' | ')}`);
      assert.ok(svg.texts.some((t) => t.startsWith('来源')), 'SVG has a 来源 line');
      assert.ok(svg.texts.join('').includes('海关总署'), 'SVG names the agency');

      const csvFile = await download(page, chart, 'csv');
      assert.equal(csvFile.name, 'trade-atlas-partners-exports-zh.csv');
      const csvText = csvFile.bytes.toString('utf8');
      assert.equal(csvText.charCodeAt(0), 0xfeff, 'CSV starts with a UTF-8 BOM');
      assert.deepEqual([...csvFile.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'BOM bytes');
      const csv = readCsv(csvText);
      assert.equal(csv.comments[0], `# ${titleZh}`, 'first comment line is the title');
      assert.ok(csv.comments.length >= 3 && csv.comments.some((c) => c.includes('海关总署')),
        `provenance comment lines: ${csv.comments.join(' / ')}`);
      assert.ok(csv.header.includes('key') && csv.header.includes('exports'), `CSV header: ${csv.header}`);
      assert.deepEqual(Object.fromEntries(csv.rows.map((r) => [r.key, Number(r.exports)])), TABLE_3_EXPORTS,
        'CSV round-trips to the paper\'s Table 3');
      assert.deepEqual(csv.rows.map((r) => r.key), TABLE_3.map((r) => r.key), 'CSV rows in the chart\'s order');

      const jsonFile = await download(page, chart, 'json');
      assert.equal(jsonFile.name, 'trade-atlas-partners-exports-zh.json');
      const json = JSON.parse(jsonFile.bytes.toString('utf8'));
      assert.equal(json.chart, chart);
      assert.equal(json.title, titleZh);
      const exp = json.values.filter((v) => v.column === 'exports');
      assert.equal(exp.length, 10, 'ten exports values');
      assert.deepEqual(
        (({ row, printed, value }) => ({ row, printed, value }))(exp.find((v) => v.row === 'usa')),
        { row: 'usa', printed: '6644.51', value: 6644.51 },
      );
      assert.deepEqual(Object.fromEntries(exp.map((v) => [v.row, v.value])), TABLE_3_EXPORTS, 'JSON values');
      assert.equal(exp.find((v) => v.row === 'russia').printed, '2401.10', 'printed text keeps the trailing zero');

      await page.click(`${fig(chart)} [data-action=cite]`);
      const cite = page.locator(`${fig(chart)} [data-testid=cite-text]`);
      await cite.waitFor({ state: 'visible' });
      const citeZh = await cite.textContent();
      for (const s of [titleZh, '外贸新质生产力', '中华人民共和国海关总署', '#chart-partners-exports']) {
        assert.ok(citeZh.includes(s), `citation includes ${s}: ${citeZh}`);
      }
      // The formats researchers use, each with the view's permalink and today's date.
      const format = (name) => page.textContent(`${fig(chart)} [data-format="${name}"]`);
      const today = await page.evaluate(() => { const d = new Date(); return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`; });
      const gbt = await format('GB/T 7714-2015');
      assert.ok(gbt.includes(`[EB/OL]. [${today}]. `) && gbt.includes('#chart-partners-exports'), `GB/T 7714: ${gbt}`);
      assert.match(await format('APA'), /\[数据可视化\]\. 检索于 \d{4} 年 \d{1,2} 月 \d{1,2} 日, 来自 http/);
      const bibtex = await format('BibTeX');
      assert.ok(bibtex.startsWith('@misc{tradeatlas-partners-exports,') && bibtex.includes(`urldate = {${today}}`), bibtex);

      // The exports follow the reading: sorted by growth, the CSV lists Russia first.
      await page.selectOption(`${fig(chart)} select[data-control=sort]`, '2');
      const sorted = readCsv((await download(page, chart, 'csv')).bytes.toString('utf8'));
      assert.equal(sorted.rows[0].key, 'russia', 'sorted by growth, Russia comes first');
      assert.equal(sorted.rows.at(-1).key, 'korea', 'and South Korea last');

      // In English: the SVG title, source line and citation follow the language.
      await page.click('[data-testid=lang-toggle]');
      await page.waitForSelector('html[lang="en"]');
      await until(async () => (await cite.textContent()).startsWith(titleEn), 'the citation should switch to English');
      const citeEn = await cite.textContent();
      assert.ok(citeEn.includes('外贸新质生产力') && citeEn.includes('General Administration of Customs of the PRC'),
        `English citation: ${citeEn}`);
      const svgEn = await download(page, chart, 'svg');
      assert.equal(svgEn.name, 'trade-atlas-partners-exports-en.svg');
      const parsedEn = await parseSvg(page, svgEn.bytes.toString('utf8'));
      assert.ok(parsedEn.ok, `English SVG parses: ${parsedEn.error}`);
      assert.ok(parsedEn.texts.includes(titleEn), `SVG has the English title: ${parsedEn.texts.slice(0, 3).join(' | ')}`);
      assert.ok(parsedEn.texts.some((t) => t.startsWith('Source:')), 'SVG has a Source: line');
      await expectStatus(page, chart, 'Downloaded.');
    });
  });

  test('menu: copy image puts a 2× PNG on the clipboard; without ClipboardItem a clear message', {
    timeout: TEST_TIMEOUT,
  }, async () => {
    const chart = 'partners-exports';
    {
      await chromium.page({
        locale: 'en-US', contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] },
      }, async ({ page }) => {
        await gotoAtlas(page);
        await openMenu(page, chart);
        await page.click(`${fig(chart)} [data-action=copy-png]`);
        await expectStatus(page, chart, 'Copied.');
        const clip = await page.evaluate(async () => {
          const items = await navigator.clipboard.read();
          const item = items.find((i) => i.types.includes('image/png'));
          if (!item) return { types: items.map((i) => i.types) };
          const bytes = new Uint8Array(await (await item.getType('image/png')).arrayBuffer());
          return { types: item.types, head: [...bytes.subarray(0, 24)] };
        });
        assert.ok(clip.head, `the clipboard holds a PNG: ${JSON.stringify(clip.types)}`);
        assert.equal(pngSize(Buffer.from(clip.head)).width, 1520, 'the copied image is 760 CSS px at 2×');
      });
    }
    {
      // A browser without ClipboardItem: the menu says so instead of failing silently.
      await chromium.page({ locale: 'en-US' }, async ({ page, context }) => {
        await context.addInitScript(() => { delete window.ClipboardItem; });
        await gotoAtlas(page);
        assert.equal(await page.evaluate(() => typeof window.ClipboardItem), 'undefined');
        await openMenu(page, chart);
        await page.click(`${fig(chart)} [data-action=copy-png]`);
        await expectStatus(page, chart, 'Could not do that: this browser cannot copy images');
      });
    }
  });

  test('touch: a tap shows a bar\'s tooltip, a tap elsewhere hides it (390 × 844)', {
    timeout: TEST_TIMEOUT,
  }, async () => {
    await chromium.page({
      locale: 'zh-CN', width: 390, height: 844, deviceScaleFactor: 2, contextOptions: { hasTouch: true, isMobile: true },
    }, async ({ page }) => {
      await gotoAtlas(page);
      const chart = 'partners-exports';
      const scan = await scanBands(page, chart, { xFrac: 0.3, step: 6 });
      assert.equal(scan.bands.length, 10, `ten bars; seen: ${scan.bands.map((b) => b.title).join(' / ')}`);
      await leave(page, chart);
      const centre = (n) => {
        const b = scan.bands.find((x) => rowName(x.title) === n);
        assert.ok(b, `a bar for ${n}`);
        return { x: scan.x, y: scan.box.y + (b.y0 + b.y1) / 2 };
      };
      const tapAndExpect = async (n, value) => {
        const p = centre(n);
        await page.touchscreen.tap(p.x, p.y);
        await waitFor(page, ([sel, t]) => document.querySelector(`${sel} .tt-title`)?.textContent.startsWith(t),
          [tipSel(chart), n], `tapping ${n} should show its tooltip`);
        const tip = await readTip(page, chart);
        assert.equal(tip.value, `${value} 亿美元`, `${n} value`);
        const g = await page.$eval(tipSel(chart), (el) => {
          const r = el.getBoundingClientRect();
          return { left: r.left, right: r.right, vw: document.documentElement.clientWidth };
        });
        assert.ok(g.left >= 0 && g.right <= g.vw + 0.5, `${n} tooltip on screen: ${g.left}–${g.right} of ${g.vw}`);
      };
      await tapAndExpect('俄罗斯', '2,401.10');
      await tapAndExpect('巴西', '1,815.29');

      // Tap the section heading: the tooltip goes.
      await page.locator(`section:has(${fig(chart)}) h2`).first().tap();
      await waitFor(page, (sel) => !document.querySelector(sel), tipSel(chart),
        'tapping the section heading should hide the tooltip');
      assert.equal(await page.locator('[data-testid=tooltip]').count(), 0, 'no tooltip anywhere');
    });
  });
});
