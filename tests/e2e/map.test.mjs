// The world map: tooltips on countries and ports (found at the anchor the app puts on each item's
// button, `data-anchor`, then refined by a small local scan), the table alternative, wheel / button /
// drag / keyboard zoom and pan with their bounds and reset, keyboard exploration of the items,
// selection linked with the charts, every layer drawn (with screenshots), and map permalinks.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import {
  ATLAS_ORIGIN, ATLAS_URL, SKIP_REASON, TEST_TIMEOUT, canvasImages, gotoAtlas, outDir, readTip, settle, showChart,
  tipSel, until, useChromium, waitFor, waitForCanvases,
} from './lib.mjs';

const MINUS = '\u2212';
const at = (query) => new URL(query, ATLAS_URL).href;
const LAYERS = ['map-partners', 'map-flows', 'map-warehouses', 'map-economies', 'map-ecommerce', 'map-routes', 'map-ports'];
const CANVAS = '#map canvas';
const card = (layer) => `#map figure.card[data-chart="${layer}"]`;

// Table 4, January–November (万 TEU), in the paper's order.
const PORTS_JAN_NOV = ['4,440', '3,280', '2,689', '2,639', '3,323', '2,108', '1,145', '859', '722', '566',
  '553', '486', '455', '430', '351', '342', '319', '313', '312', '264'];

/**
 * Where the app says an item of the current layer is on the canvas (CSS pixels): the `data-anchor`
 * of its item button (the point its tooltip anchors to), found by the item's label.
 */
async function itemAnchor(page, label) {
  return until(() => page.evaluate((want) => {
    const b = [...document.querySelectorAll('#map .map-item')].find((e) => e.textContent.trim() === want);
    const a = b?.getAttribute('data-anchor');
    return a ? a.split(',').map(Number) : null;
  }, label), `an anchor on the map for "${label}"`, 10_000);
}

/** Scroll the map canvas to the middle of the viewport and return its box. */
async function mapBox(page) {
  const canvas = page.locator(CANVAS);
  await canvas.evaluate((el) => el.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' }));
  const box = await canvas.boundingBox();
  assert.ok(box && box.width > 0 && box.height > 0, 'the map canvas has a box');
  return box;
}

/** The current layer (from the card) and the canvas's zoom attribute. */
function mapState(page) {
  return page.evaluate(() => {
    const c = document.querySelector('#map canvas');
    return {
      layer: c?.closest('figure.card')?.getAttribute('data-chart') ?? null,
      zoom: c?.getAttribute('data-zoom') ?? null,
      drawn: c?.getAttribute('data-drawn') ?? null,
      search: location.search,
      scrollY: window.scrollY,
    };
  });
}

const mapImage = (page) => page.evaluate(() => document.querySelector('#map canvas').toDataURL());

/** The `view=` of the address as numbers, or null. */
function viewParam(search) {
  const v = new URLSearchParams(search).get('view');
  if (!v) return null;
  const [zoom, cx, cy] = v.split(',').map(Number);
  return { zoom, cx, cy };
}

/** Wait until the canvas's data-zoom satisfies `pred` (given the number); return the attribute. */
async function waitZoom(page, pred, message) {
  const s = await until(async () => {
    const st = await mapState(page);
    return st.drawn === '1' && st.zoom !== null && pred(Number(st.zoom)) ? st : null;
  }, message, 10_000);
  return s.zoom;
}

/**
 * Hover the item labelled `label` of `layer` at its anchor and, if the tooltip there is not
 * `title`, scan outwards (rings of `step` px up to `radius`) until it is. Returns { x, y, tip } in
 * page coordinates.
 */
async function hoverPlace(page, layer, label, title = label, { step = 5, radius = 40 } = {}) {
  const box = await mapBox(page);
  const [px, py] = await itemAnchor(page, label);
  const offsets = [[0, 0]];
  for (let r = step; r <= radius; r += step) {
    for (let a = 0; a < 360; a += Math.max(15, 360 / ((2 * Math.PI * r) / step))) {
      offsets.push([Math.round(r * Math.cos((a * Math.PI) / 180)), Math.round(r * Math.sin((a * Math.PI) / 180))]);
    }
  }
  const seen = new Set();
  for (const [dx, dy] of offsets) {
    const x = box.x + px + dx, y = box.y + py + dy;
    if (x <= box.x || y <= box.y || x >= box.x + box.width || y >= box.y + box.height) continue;
    const onCanvas = await page.evaluate(([ex, ey]) => document.elementFromPoint(ex, ey)?.matches('#map canvas'), [x, y]);
    if (!onCanvas) continue;
    await page.mouse.move(x, y);
    const tip = await readTip(page, layer);
    if (tip?.title?.startsWith(title)) {
      // Confirm it holds (no pending update replaces it).
      await settle(page);
      const again = await readTip(page, layer);
      if (again?.title?.startsWith(title)) return { x, y, tip: again, dx, dy };
    }
    if (tip) seen.add(tip.title);
  }
  throw new Error(`${layer}: no tooltip "${title}" within ${radius} px of ${label}'s anchor at canvas ` +
    `(${px.toFixed(0)}, ${py.toFixed(0)}); tooltips seen: ${[...seen].join(' | ') || 'none'}`);
}

/** Move the pointer onto the section heading and wait for the map tooltip to go. */
async function leaveMap(page, layer) {
  const h = await page.locator('#map-h').boundingBox();
  await page.mouse.move(h.x + 2, h.y + h.height / 2);
  await waitFor(page, (sel) => !document.querySelector(sel), tipSel(layer), `${layer}: tooltip hides after leaving`);
}

/** The selection chip's label, or null when nothing is selected. */
const chip = (page) =>
  page.evaluate(() => document.querySelector('[data-testid=selection] strong')?.textContent.trim() ?? null);

async function expectChip(page, want, what) {
  let last;
  try {
    await until(async () => (last = await chip(page)) === want, what, 10_000);
  } catch {
    assert.equal(last, want, what);
  }
}

/** Fraction of canvas pixels that differ from the page colour behind the canvas. */
function inkAgainstPage(page) {
  return page.evaluate(() => {
    const c = document.querySelector('#map canvas');
    let bg = [255, 255, 255];
    for (let e = c; e; e = e.parentElement) {
      const m = getComputedStyle(e).backgroundColor.match(/rgba?\(([^)]+)\)/);
      const p = m ? m[1].split(/[ ,/]+/).filter(Boolean).map(Number) : null;
      if (p && (p.length < 4 || p[3] > 0)) { bg = p.slice(0, 3); break; }
    }
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    for (let i = 0; i < d.length; i += 4) {
      const a = d[i + 3] / 255;
      // Composite over the page colour, as the reader sees it.
      const rgb = [0, 1, 2].map((j) => d[i + j] * a + bg[j] * (1 - a));
      if (rgb.some((v, j) => Math.abs(v - bg[j]) > 6)) ink++;
    }
    return { ink: ink / (d.length / 4), bg };
  });
}

/** The map table's rows as [head, values] after opening it. */
async function mapTable(page) {
  await page.evaluate(() => { document.querySelector('#map details[data-testid=map-table]').open = true; });
  return page.evaluate(() =>
    [...document.querySelectorAll('#map details[data-testid=map-table] tbody tr')].map((tr) => [
      tr.querySelector('th')?.textContent.trim() ?? '',
      tr.querySelector('td')?.textContent.trim() ?? '',
    ]));
}

/** Table 4's ports in the paper's order, with their Chinese and English names (from data/ports.csv). */
function table4Ports() {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const rows = readFileSync(path.join(root, 'data/ports.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
  return rows.map((f) => ({ key: f[0], zh: f[1], en: f[2] }));
}

describe('world map', { skip: SKIP_REASON }, () => {
  const chromium = useChromium();

  test('partners layer: hovering the United States and Russia shows Table 3 (zh and en)', {
    timeout: TEST_TIMEOUT,
  }, async () => {
    for (const [locale, us, ru] of [
      ['zh-CN', { title: '美国', value: '6,644.51 亿美元', growth: `同比 ${MINUS}11.6%` },
        { title: '俄罗斯', value: '2,401.10 亿美元', growth: /^同比 \+?26\.3%$/ }],
      ['en-US', { title: 'United States', value: 'US$664.451 billion', growth: `${MINUS}11.6% year on year` },
        { title: 'Russia', value: 'US$240.110 billion', growth: /^\+?26\.3% year on year$/ }],
    ]) {
      await chromium.page({ locale }, async ({ page }) => {
        await gotoAtlas(page);
        assert.equal((await mapState(page)).layer, 'map-partners', 'the partners layer is the default');
        const a = await hoverPlace(page, 'map-partners', us.title);
        assert.equal(a.tip.value, us.value, `${locale}: US value; tooltip: ${a.tip.text}`);
        assert.equal(a.tip.growth, us.growth, `${locale}: US growth (with a true minus)`);
        assert.ok(a.tip.text.includes(us.value.split(' ')[0]) && a.tip.text.includes(`${MINUS}11.6`));
        assert.equal(await page.locator('[data-testid=tooltip]').count(), 1, 'exactly one tooltip on the page');
        const b = await hoverPlace(page, 'map-partners', ru.title);
        assert.equal(b.tip.value, ru.value, `${locale}: Russia value; tooltip: ${b.tip.text}`);
        assert.match(b.tip.growth ?? '', ru.growth, `${locale}: Russia growth`);
        assert.ok(b.tip.text.includes('26.3'), 'Russia tooltip mentions +26.3');
        await leaveMap(page, 'map-partners');
      });
    }
  });

  test('flows layer: ten arcs, each reached at its arrow with Table 3 as printed; the blocs reading swaps members for ASEAN and the EU', {
    timeout: TEST_TIMEOUT,
  }, async () => {
    await chromium.page({ locale: 'zh-CN' }, async ({ page }) => {
      await gotoAtlas(page, at('?layer=map-flows'));
      assert.equal((await mapState(page)).layer, 'map-flows', 'the address opens the flows layer');
      const items = await page.$$eval('#map .map-item', (bs) => bs.map((b) => b.textContent.trim()));
      assert.equal(items.length, 10, `ten arcs: ${items.join(' / ')}`);
      const us = await hoverPlace(page, 'map-flows', '美国');
      assert.equal(us.tip.value, '6,644.51 亿美元', `the US arc: ${us.tip.text}`);
      assert.equal(us.tip.growth, `同比 ${MINUS}11.6%`);
      assert.ok(us.tip.notes.some((n) => /inconsistency/.test(n.cls)), 'the Table 3 data note travels with the arc');
      const ru = await hoverPlace(page, 'map-flows', '俄罗斯');
      assert.equal(ru.tip.value, '2,401.10 亿美元', `the Russia arc: ${ru.tip.text}`);
      assert.match(ru.tip.growth ?? '', /^同比 \+?26\.3%$/);
      // Clicking an arc selects the partner everywhere.
      await page.mouse.click(ru.x, ru.y);
      await expectChip(page, '俄罗斯', 'clicking the Russia arc selects Russia');
      await leaveMap(page, 'map-flows');
      // The table alternative lists the flows.
      const rows = await mapTable(page);
      assert.ok(rows.some(([head, values]) => head === '美国' && values.includes('6,644.51')), 'the table lists the US flow');
      // The blocs reading: ASEAN and the EU in place of their members.
      await page.selectOption('#map select[data-control=metric]', '1');
      await until(async () => {
        const now = await page.$$eval('#map .map-item', (bs) => bs.map((b) => b.textContent.trim()));
        return now.includes('东盟') && now.includes('欧盟') && !now.includes('越南') && !now.includes('德国') ? now : null;
      }, 'the blocs reading lists ASEAN and the EU instead of their members');
    });
  });

  test('centre: the Pacific view for Chinese and the Atlantic for English by default, a switch, pixels that survive a reload, sea in the middle of each ocean', {
    timeout: TEST_TIMEOUT,
  }, async () => {
    await chromium.page({ locale: 'zh-CN' }, async ({ page }) => {
      /** The midpoint of two items' anchors on the canvas, in page coordinates. */
      const between = async (a, b) => {
        const box = await mapBox(page);
        const [ax, ay] = await itemAnchor(page, a);
        const [bx, by] = await itemAnchor(page, b);
        return [box.x + (ax + bx) / 2, box.y + (ay + by) / 2];
      };
      const pressed = () => page.$eval('#map .map-centre [aria-pressed=true]', (b) => b.dataset.centre);

      // Chinese: the Pacific view. Between Japan and the United States lies the North Pacific.
      await gotoAtlas(page, at('?lang=zh'));
      assert.equal(await pressed(), 'pacific', 'a Chinese reader gets the Pacific view');
      const [px, py] = await between('日本', '美国');
      await page.mouse.move(px, py);
      await settle(page);
      assert.equal(await readTip(page, 'map-partners'), null, 'the middle of the Pacific is sea, no smeared polygon');

      // A permalink of the Pacific view of the flows draws the same pixels after a reload.
      await page.click('#map button.layer-tab[data-layer=map-flows]');
      await page.click('#map .map-centre [data-centre=pacific]');
      await until(async () => /[?&]centre=pacific(&|$)/.test((await mapState(page)).search), 'the address names the centre');
      await leaveMap(page, 'map-flows');
      const before = await mapImage(page);
      const address = page.url();
      await page.reload();
      await waitForCanvases(page);
      assert.equal(page.url(), address, 'the reload keeps the address');
      await mapBox(page);
      assert.equal(await mapImage(page), before, 'the same pixels after a reload');

      // The switch: the Atlantic view draws another map and says so in the address.
      await page.click('#map .map-centre [data-centre=atlantic]');
      await until(async () => /[?&]centre=atlantic(&|$)/.test((await mapState(page)).search), 'the address follows the switch');
      await until(async () => (await mapImage(page)) !== before, 'the Atlantic view is drawn');

      // English: the Atlantic view. Between the United States and Germany lies the North Atlantic.
      await gotoAtlas(page, at('?lang=en'));
      assert.equal(await pressed(), 'atlantic', 'an English reader gets the Atlantic view');
      const [ax, ay] = await between('United States', 'Germany');
      await page.mouse.move(ax, ay);
      await settle(page);
      assert.equal(await readTip(page, 'map-partners'), null, 'the middle of the Atlantic is sea');
    });
  });

  test('layer tabs: arrows, Home and End move between the seven layers and choose them; only the chosen tab is in the Tab order', {
    timeout: TEST_TIMEOUT,
  }, async () => {
    await chromium.page({ locale: 'en-US' }, async ({ page }) => {
      await gotoAtlas(page, at('?lang=en'));
      const state = () => page.evaluate(() => ({
        focused: document.activeElement?.dataset.layer ?? null,
        selected: document.querySelector('#map [role=tab][aria-selected=true]')?.dataset.layer ?? null,
        inTabOrder: [...document.querySelectorAll('#map [role=tab]')].filter((t) => t.tabIndex === 0).map((t) => t.dataset.layer),
        panel: document.querySelector('#map [role=tabpanel]')?.getAttribute('aria-labelledby') ?? null,
        card: document.querySelector('#map [role=tabpanel] figure.card')?.dataset.chart ?? null,
      }));
      const expect = async (layer, what) => {
        const want = { focused: layer, selected: layer, inTabOrder: [layer], panel: `tab-${layer}`, card: layer };
        await until(async () => JSON.stringify(await state()) === JSON.stringify(want), what).catch(async () => {
          assert.deepEqual(await state(), want, what);
        });
      };
      await page.focus('#map [role=tab][aria-selected=true]');
      await page.keyboard.press('ArrowRight');
      await expect(LAYERS[1], 'ArrowRight chooses the next layer and focuses its tab');
      await page.keyboard.press('End');
      await expect(LAYERS[6], 'End chooses the last layer');
      await page.keyboard.press('ArrowRight');
      await expect(LAYERS[0], 'ArrowRight on the last wraps to the first');
      await page.keyboard.press('ArrowLeft');
      await expect(LAYERS[6], 'ArrowLeft on the first wraps to the last');
      await page.keyboard.press('Home');
      await expect(LAYERS[0], 'Home chooses the first layer');
      assert.match((await mapState(page)).search, /^(\?lang=en)?$/, 'back on the default layer, the address names no layer');
    });
  });

  test('flows layer: the arcs move only when the reader asks, stop when asked, never under reduced motion', {
    timeout: TEST_TIMEOUT,
  }, async () => {
    const SWITCH = '#map [data-testid=flow-motion]';
    const OVERLAY = '#map [data-testid=flow-motion-layer]';
    const frame = (page) => page.evaluate((s) => Number(document.querySelector(s)?.dataset.frame ?? 0), OVERLAY);
    await chromium.page({ locale: 'en-US', contextOptions: { reducedMotion: 'no-preference' } }, async ({ page }) => {
      await gotoAtlas(page, at('?lang=en&layer=map-flows'));
      assert.equal(await page.$eval(SWITCH, (b) => b.getAttribute('aria-pressed')), 'false', 'off until asked');
      assert.equal(await page.$(OVERLAY), null, 'no overlay while the flows stand still');
      const still = await page.$eval(CANVAS, (c) => c.toDataURL());

      await page.click(SWITCH);
      assert.equal(await page.$eval(SWITCH, (b) => b.getAttribute('aria-pressed')), 'true');
      const f0 = await until(async () => { const f = await frame(page); return f > 2 && f; }, 'the dots are painted frame after frame');
      await until(async () => (await frame(page)) > f0 + 3, 'and keep moving');
      const painted = await page.$eval(OVERLAY, (c) => {
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n += 1;
        return n;
      });
      assert.ok(painted > 40, `dots are drawn on the overlay (${painted} pixels)`);
      await page.$eval(CANVAS, (c) => c.scrollIntoView({ block: 'center', behavior: 'instant' }));
      await settle(page);
      const sizes = await page.evaluate((s) => {
        const [map, over] = [document.querySelector('#map canvas'), document.querySelector(s)];
        const [a, b] = [map.getBoundingClientRect(), over.getBoundingClientRect()];
        const r = (x) => Math.round(x);
        return { same: [a.left, a.top, a.width, a.height].map(r).join() === [b.left, b.top, b.width, b.height].map(r).join(),
          hit: document.elementFromPoint(a.left + a.width / 2, a.top + a.height / 2) === map };
      }, OVERLAY);
      assert.deepEqual(sizes, { same: true, hit: true }, 'the overlay covers the map exactly and leaves it every pointer event');
      assert.equal(await page.$eval(CANVAS, (c) => c.toDataURL()), still, 'the map itself is not redrawn for the animation');

      await page.click(SWITCH);
      await until(async () => (await page.$(OVERLAY)) === null, 'asked again, the flows stop and the overlay goes');
      await page.click(SWITCH);
      await until(async () => (await frame(page)) > 2, 'and start again');
      await page.click('#map button.layer-tab[data-layer=map-partners]');
      await until(async () => (await page.$(SWITCH)) === null && (await page.$(OVERLAY)) === null,
        'a layer without flows has neither the switch nor the overlay');
    });

    // The reader's system asks for reduced motion: the switch says so and cannot start it.
    await chromium.page({ locale: 'zh-CN' }, async ({ page }) => {
      await gotoAtlas(page, at('?lang=zh&layer=map-flows'));
      const sw = await page.$eval(SWITCH, (b) => ({ disabled: b.disabled, pressed: b.getAttribute('aria-pressed'), text: b.textContent }));
      assert.deepEqual(sw, { disabled: true, pressed: 'false', text: '流向动画(按系统“减少动态效果”设置停用)' });
      assert.equal(await page.$(OVERLAY), null);
    });
  });

  test('ports layer: Shanghai\'s circle shows 4,440 万 TEU; the table lists all 20 ports of Table 4', {
    timeout: TEST_TIMEOUT,
  }, async () => {
    await chromium.page({ locale: 'zh-CN' }, async ({ page }) => {
      await gotoAtlas(page);
      await page.click('#map button.layer-tab[data-layer=map-ports]');
      await waitFor(page, () => document.querySelector('#map figure.card[data-chart=map-ports] canvas')
        ?.getAttribute('data-drawn') === '1', null, 'the ports layer draws');
      const ports = table4Ports();
      assert.equal(ports.length, 20, 'Table 4 has 20 ports');
      const hit = await hoverPlace(page, 'map-ports', '上海港', '上海港', { step: 3, radius: 9 });
      assert.equal(hit.tip.value, '4,440 万 TEU', `Shanghai tooltip: ${hit.tip.text}`);

      // The table alternative: every port with its January–November value, in Table 4's order.
      const rows = await mapTable(page);
      for (const [i, p] of ports.entries()) {
        const row = rows.find(([head]) => head === p.zh);
        assert.ok(row, `a table row for ${p.zh}; rows: ${rows.map((r) => r[0]).join(' / ')}`);
        assert.ok(row[1].includes(`1—11 月总吞吐量: ${PORTS_JAN_NOV[i]} 万 TEU`),
          `${p.zh}: January–November ${PORTS_JAN_NOV[i]}; row: ${row[1]}`);
      }
      assert.deepEqual(rows.slice(0, 20).map((r) => r[0]), ports.map((p) => p.zh), 'the ports come in Table 4\'s order');
      await leaveMap(page, 'map-ports');
    });
  });

  // Regression: Layout::hit used to return the first item whose square box (inflated 2 px)
  // contained the pointer, in drawing order (largest first), while smaller circles are drawn on top:
  // Suzhou, Jiaxing, Dongguan and Foshan could not be hovered at all. Circles overlap where ports are
  // close (Foshan sits on Guangzhou's centre, drawn on top), so each port must be hoverable at its
  // centre or somewhere near it, where its own circle shows.
  test('ports layer: every port\'s circle can be hovered', {
    timeout: TEST_TIMEOUT,
  }, async () => {
    await chromium.page({ locale: 'zh-CN' }, async ({ page }) => {
      await gotoAtlas(page, at('?layer=map-ports'));
      const box = await mapBox(page);
      const wrong = [];
      const offsets = [[0, 0]];
      for (const r of [4, 8, 12]) {
        for (let k = 0; k < 8; k++) offsets.push([r * Math.cos(k * Math.PI / 4), r * Math.sin(k * Math.PI / 4)]);
      }
      for (const p of table4Ports()) {
        const [px, py] = await itemAnchor(page, p.zh);
        let seen = null;
        let found = false;
        for (const [dx, dy] of offsets) {
          await page.mouse.move(box.x + px + dx, box.y + py + dy);
          await settle(page);
          const tip = await readTip(page, 'map-ports');
          seen ??= tip?.title ?? 'no tooltip';
          if (tip?.title?.startsWith(p.zh)) { found = true; break; }
        }
        if (!found) wrong.push(`${p.zh} near (${px.toFixed(0)}, ${py.toFixed(0)}) shows ${seen}`);
      }
      assert.deepEqual(wrong, [], 'the pointer on or near a port\'s centre shows that port');
    });
  });

  // Regression: Shenzhen's November figure (28,340 万 TEU, flagged in data/datasets.toml as larger
  // than its own January–November total) is shown in the map's tooltip and table as an extra
  // line, but the tooltip only carries the notes of its main cell (January–November), so the
  // map shows the contradictory figure without the inconsistency note.
  test('ports layer: a flagged figure shown on the map carries its note (Shenzhen, November)', {
    timeout: TEST_TIMEOUT,
  }, async () => {
    await chromium.page({ locale: 'zh-CN' }, async ({ page }) => {
      await gotoAtlas(page, at('?layer=map-ports'));
      await page.focus('#map button.map-item[data-row="2"]');
      await waitFor(page, (sel) => document.querySelector(`${sel} .tt-title`)?.textContent.startsWith('深圳港'),
        tipSel('map-ports'), 'focusing the third item shows Shenzhen');
      const tip = await readTip(page, 'map-ports');
      assert.ok(tip.text.includes('28,340'), `the tooltip shows the November figure: ${tip.text}`);
      assert.ok(tip.notes.some((n) => /inconsistency/.test(n.cls) && n.text.includes('28,340')),
        `the tooltip carries the note on 28,340; notes: ${JSON.stringify(tip.notes)}`);
    });
  });

  test('zoom and pan: wheel, buttons, drag, bounds and reset', { timeout: TEST_TIMEOUT }, async () => {
    await chromium.page({ locale: 'zh-CN' }, async ({ page }) => {
      await gotoAtlas(page);
      const box = await mapBox(page);
      const start = await mapState(page);
      assert.equal(start.zoom, '1.000', 'the default view is zoom 1');
      assert.equal(viewParam(start.search), null, 'no view in the address at first');
      const img0 = await mapImage(page);

      // Wheel over the United States zooms in about the pointer.
      const us = await hoverPlace(page, 'map-partners', '美国');
      await page.mouse.wheel(0, -300);
      const z1 = Number(await waitZoom(page, (z) => z > 1, 'the wheel zooms in'));
      assert.ok(Math.abs(z1 - Math.exp(0.45)) < 0.002, `wheel −300 px zooms by e^0.45, got ${z1}`);
      await until(async () => (await mapImage(page)) !== img0, 'the canvas changes after the wheel');
      let st = await mapState(page);
      assert.equal(st.scrollY, start.scrollY, 'the wheel over the map does not scroll the page');
      assert.equal(viewParam(st.search)?.zoom, Number(z1.toFixed(3)), `the address carries the view: ${st.search}`);
      // The point under the pointer stays put: nudging the pointer still finds the United States.
      await page.mouse.move(us.x + 1, us.y);
      await waitFor(page, (sel) => document.querySelector(`${sel} .tt-title`)?.textContent.startsWith('美国'),
        tipSel('map-partners'), 'the United States is still under the pointer after zooming about it');

      // Buttons: ×1.5 and ÷1.5 about the centre.
      await page.click('#map [data-testid=zoom-in]');
      const z2 = Number(await waitZoom(page, (z) => Math.abs(z - z1 * 1.5) < 0.002, `zoom-in multiplies ${z1} by 1.5`));
      await page.click('#map [data-testid=zoom-out]');
      await waitZoom(page, (z) => Math.abs(z - z2 / 1.5) < 0.002, `zoom-out divides ${z2} by 1.5`);
      st = await mapState(page);
      assert.ok(Math.abs(viewParam(st.search).zoom - z1) < 0.002, `the address follows the buttons: ${st.search}`);

      // Drag pans: pixels and centre change, zoom does not, nothing gets selected.
      const before = await mapImage(page);
      const v0 = viewParam(st.search);
      const [sx, sy] = [box.x + box.width / 2, box.y + box.height / 2];
      await page.mouse.move(sx, sy);
      await page.mouse.down();
      await page.mouse.move(sx + 90, sy + 30, { steps: 6 });
      await page.mouse.up();
      const panned = await until(async () => {
        const s = await mapState(page);
        const v = viewParam(s.search);
        return v && (v.cx !== v0.cx || v.cy !== v0.cy) ? s : null;
      }, 'dragging moves the view centre in the address');
      assert.equal(panned.zoom, st.zoom, 'dragging keeps the zoom');
      const v1 = viewParam(panned.search);
      assert.ok(v1.cx < v0.cx && v1.cy > v0.cy, `dragging right/down moves the centre west/north: ${JSON.stringify([v0, v1])}`);
      assert.notEqual(await mapImage(page), before, 'dragging changes the pixels');
      assert.equal(await chip(page), null, 'a drag is not a click: nothing is selected');

      // Reset restores the default view exactly.
      await page.click('#map [data-testid=zoom-reset]');
      await waitZoom(page, (z) => z === 1, 'reset restores zoom 1');
      await until(async () => (await mapImage(page)) === img0, 'after reset the map is pixel-identical to the first draw');
      assert.equal(viewParam((await mapState(page)).search), null, 'reset removes the view from the address');

      // Zoom is bounded: many wheel-ins stop at 12, and one wheel-out then divides 12 by e^0.75.
      await page.mouse.move(sx, sy);
      for (let i = 0; i < 10; i++) await page.mouse.wheel(0, -500);
      await waitZoom(page, (z) => z === 12, 'many wheel-ins stop at zoom 12.000');
      await page.mouse.wheel(0, 500);
      const zOut = Number(await waitZoom(page, (z) => z < 12, 'a wheel-out after the cap zooms out'));
      assert.ok(Math.abs(zOut - 12 * Math.exp(-0.75)) < 0.002, `zoom stays capped at 12 internally (then ${zOut})`);
      for (let i = 0; i < 10; i++) await page.mouse.wheel(0, 500);
      await waitZoom(page, (z) => z === 1, 'many wheel-outs stop at zoom 1.000');
      assert.equal((await mapState(page)).scrollY, start.scrollY, 'wheeling never scrolled the page');
    });
  });

  test('keyboard: canvas keys zoom, pan and reset; Tab walks the items; Enter selects', {
    timeout: TEST_TIMEOUT,
  }, async () => {
    await chromium.page({ locale: 'zh-CN' }, async ({ page }) => {
      await gotoAtlas(page);
      await mapBox(page);
      const img0 = await mapImage(page);
      await page.focus('#map [data-testid=zoom-reset]');
      // Reset, then full screen, the centre switch (Pacific, Atlantic), then the map itself.
      for (const want of ['[data-testid=full-screen]', '[data-centre=pacific]', '[data-centre=atlantic]', 'canvas']) {
        await page.keyboard.press('Tab');
        assert.ok(await page.evaluate((w) => document.activeElement?.matches(`#map ${w}`), want), `Tab reaches ${want}`);
      }

      await page.keyboard.press('+');
      await waitZoom(page, (z) => z === 1.5, '"+" zooms in by 1.5');
      const v0 = viewParam((await mapState(page)).search);
      await page.keyboard.press('ArrowLeft');
      const v1 = await until(async () => {
        const v = viewParam((await mapState(page)).search);
        return v && v.cx !== v0.cx ? v : null;
      }, 'ArrowLeft pans');
      assert.ok(v1.cx < v0.cx && v1.zoom === 1.5, `ArrowLeft shows more of the west at the same zoom: ${JSON.stringify([v0, v1])}`);
      await page.keyboard.press('-');
      await waitZoom(page, (z) => z === 1, '"−" zooms out');
      await page.keyboard.press('+');
      await waitZoom(page, (z) => z === 1.5, '"+" zooms in again');
      await page.keyboard.press('0');
      await waitZoom(page, (z) => z === 1, '"0" resets');
      await until(async () => (await mapImage(page)) === img0, '"0" restores the first draw exactly');
      assert.equal(viewParam((await mapState(page)).search), null, '"0" removes the view from the address');

      // Tab from the canvas to the first item: the United States, shown and announced.
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const a = document.activeElement;
        const r = a?.getBoundingClientRect();
        return { item: a?.matches('#map button.map-item') ?? false, row: a?.getAttribute('data-row'), text: a?.textContent, w: r?.width, h: r?.height };
      });
      assert.deepEqual([focused.item, focused.row, focused.text], [true, '0', '美国'], 'Tab from the canvas focuses the first item');
      assert.ok(focused.w > 4 && focused.h > 4, `the focused item is visible (${focused.w}×${focused.h})`);
      await waitFor(page, (sel) => document.querySelector(`${sel} .tt-title`)?.textContent.startsWith('美国'),
        tipSel('map-partners'), 'focusing the first item shows the United States\' tooltip');
      const tip = await readTip(page, 'map-partners');
      assert.equal(tip.value, '6,644.51 亿美元');
      await waitFor(page, () => /美国.*6,644\.51/.test(document.querySelector('#map [data-testid=live]')?.textContent ?? ''),
        null, 'the live region announces the United States');

      await page.keyboard.press('Tab');
      await waitFor(page, (sel) => document.querySelector(`${sel} .tt-title`)?.textContent.startsWith('日本'),
        tipSel('map-partners'), 'the next Tab shows Japan (Table 3\'s order)');
      await page.keyboard.press('Shift+Tab');
      await waitFor(page, (sel) => document.querySelector(`${sel} .tt-title`)?.textContent.startsWith('美国'),
        tipSel('map-partners'), 'Shift+Tab goes back to the United States');

      await page.keyboard.press('Enter');
      await expectChip(page, '美国', 'Enter on the item selects the United States');
      assert.match((await mapState(page)).search, /[?&]sel=USA(&|$)/, 'the selection goes into the address');
      assert.ok(await page.evaluate(() => document.querySelector('table#table-partners tr[data-row=usa]')?.classList.contains('selected')),
        'the Table 3 row of the United States is selected');
      await page.keyboard.press('Enter');
      await expectChip(page, null, 'Enter again clears the selection');

      // Escape on the canvas clears a selection.
      await page.keyboard.press('Enter');
      await expectChip(page, '美国', 'selected again');
      await page.focus(CANVAS);
      await page.keyboard.press('Escape');
      await expectChip(page, null, 'Escape on the canvas clears the selection');
    });
  });

  test('clicking Russia selects it everywhere; clicking again clears', { timeout: TEST_TIMEOUT }, async () => {
    await chromium.page({ locale: 'zh-CN' }, async ({ page }) => {
      await gotoAtlas(page);
      const charts0 = await canvasImages(page);
      assert.ok(charts0['partners-exports'], 'the partners-exports chart is drawn');
      await mapBox(page);
      const map0 = await mapImage(page);
      const ru = await hoverPlace(page, 'map-partners', '俄罗斯');
      await page.mouse.click(ru.x, ru.y);
      await expectChip(page, '俄罗斯', 'clicking Russia on the map selects it');
      const rowSel = () => page.evaluate(() => document.querySelector('table#table-partners tr[data-row=russia]')?.className ?? null);
      assert.match(await rowSel() ?? '', /\bselected\b/, 'the Table 3 row of Russia is selected');
      assert.match((await mapState(page)).search, /[?&]sel=RUS(&|$)/, 'the address carries sel=RUS');
      await leaveMap(page, 'map-partners');
      await until(async () => (await mapImage(page)) !== map0, 'the map outlines the selection (pointer away)');
      assert.equal((await mapState(page)).zoom, '1.000', 'a click does not move the map');
      await showChart(page, 'partners-exports');
      await until(async () => (await canvasImages(page))['partners-exports'] !== charts0['partners-exports'],
        'the partners-exports chart redraws with Russia selected');

      // The chip follows the language.
      await page.click('[data-testid=lang-toggle]');
      await expectChip(page, 'Russia', 'in English the chip says Russia');
      await page.click('[data-testid=lang-toggle]');
      await expectChip(page, '俄罗斯', 'back in Chinese');

      await mapBox(page);
      await page.mouse.click(ru.x, ru.y);
      await expectChip(page, null, 'clicking Russia again clears the selection');
      assert.doesNotMatch(await rowSel() ?? '', /\bselected\b/, 'the Table 3 row is no longer selected');
      await showChart(page, 'partners-exports');
      await until(async () => (await canvasImages(page))['partners-exports'] === charts0['partners-exports'],
        'the partners-exports chart returns to its first draw');
      assert.doesNotMatch((await mapState(page)).search, /sel=/, 'the selection leaves the address');
    });
  });

  test('every layer draws, lists its items and stays on the origin (screenshots, en)', {
    timeout: TEST_TIMEOUT,
  }, async () => {
    await chromium.page({ locale: 'en-US', width: 1280, height: 900 }, async ({ page, log }) => {
      await gotoAtlas(page);
      const out = outDir();
      for (const layer of LAYERS) {
        await page.click(`#map button.layer-tab[data-layer=${layer}]`);
        await waitFor(page, (id) => document.querySelector(`#map button.layer-tab[data-layer=${id}]`)?.getAttribute('aria-selected') === 'true'
          && document.querySelector(`#map figure.card[data-chart=${id}] canvas`)?.getAttribute('data-drawn') === '1',
        layer, `${layer}: the tab is selected and its map drawn`);
        const tabs = await page.evaluate(() => [...document.querySelectorAll('#map button.layer-tab[aria-selected=true]')].map((b) => b.dataset.layer));
        assert.deepEqual(tabs, [layer], 'exactly one tab is selected');
        const st = await mapState(page);
        assert.equal(st.zoom, '1.000', `${layer}: a new layer opens at its default view`);
        const layerParam = new URLSearchParams(st.search).get('layer');
        assert.equal(layerParam, layer === 'map-partners' ? null : layer, `${layer}: the address names non-default layers`);
        await mapBox(page);
        const { ink, bg } = await inkAgainstPage(page);
        assert.ok(ink > 0.2, `${layer}: ${(ink * 100).toFixed(1)}% of pixels differ from the page colour ${bg}`);
        const items = await page.locator('#map ul.map-items button.map-item').count();
        const rows = await mapTable(page);
        assert.ok(items > 0, `${layer}: some items to Tab through`);
        assert.equal(rows.length, items, `${layer}: the table has one row per item`);
        await page.evaluate(() => { document.querySelector('#map details[data-testid=map-table]').open = false; });
        await page.mouse.move(0, 0);
        await page.locator(card(layer)).screenshot({ path: path.join(out, `${layer}-en.png`) });
      }
      assert.deepEqual(log.foreign, [], 'no request leaves the origin');
      assert.ok(log.requests.every((u) => u.startsWith('data:') || u.startsWith('blob:') || new URL(u).origin === ATLAS_ORIGIN),
        'every request is to the atlas origin');
    });
  });

  // App bugs: (1) the routes layer's "Asia–Europe via Suez" item is built from the red_sea_delay
  // row without its cell (views/map/ routes(): `vec![]` + RowRef), so it falls back to
  // row_facts(): the tooltip is titled "Extra voyage time … Cape of Good Hope" with an empty value
  // and the status "Named in the paper (no figure)", the announcement reads "… Cape of Good Hope.
  // . As printed …", and its table row has no values and no paper section. (2) MapTable takes the
  // paper section only from a row's first cell, so the six "fastest-growing markets" rows of
  // map-ecommerce (RowRef rows) have an empty section column though their tooltips name one.
  test('every item of every layer has a value in its tooltip, announcement and table row (en)', {
    timeout: TEST_TIMEOUT,
  }, async () => {
    await chromium.page({ locale: 'en-US' }, async ({ page }) => {
      await gotoAtlas(page, at('?lang=en'));
      const empty = [];
      for (const layer of LAYERS) {
        await page.click(`#map button.layer-tab[data-layer=${layer}]`);
        await waitFor(page, (id) => document.querySelector(`#map figure.card[data-chart=${id}] canvas`)
          ?.getAttribute('data-drawn') === '1', layer, `${layer} draws`);
        await page.evaluate(() => { document.querySelector('#map details[data-testid=map-table]').open = true; });
        const rows = await page.evaluate(() =>
          [...document.querySelectorAll('#map details[data-testid=map-table] tbody tr')]
            .map((tr) => [...tr.children].map((c) => c.textContent.trim())));
        for (const [head, values, section] of rows) {
          if (!values || !section) empty.push(`${layer} table: "${head}" → values "${values}", section "${section}"`);
        }
        const n = await page.locator('#map button.map-item').count();
        for (let i = 0; i < n; i++) {
          await page.focus(`#map button.map-item[data-row="${i}"]`);
          const got = await page.evaluate(() => ({
            item: document.activeElement?.textContent.trim(),
            value: document.querySelector('#map [data-testid=tooltip] .tt-value')?.textContent.trim() ?? null,
            live: document.querySelector('#map [data-testid=live]')?.textContent.trim() ?? '',
          }));
          if (!got.value) empty.push(`${layer} item ${i} "${got.item}": tooltip value ${JSON.stringify(got.value)}`);
          if (!got.live || /\.\s+\./.test(got.live)) empty.push(`${layer} item ${i} "${got.item}": announcement "${got.live}"`);
        }
        await page.evaluate(() => document.activeElement?.blur());
      }
      assert.deepEqual(empty, [], 'map items without a value');
    });
  });

  test('a 390 px screen (partners, ports, zh) and the dark theme (routes, en)', { timeout: TEST_TIMEOUT }, async () => {
    const out = outDir();
    for (const layer of ['map-partners', 'map-ports']) {
      await chromium.page({ locale: 'zh-CN', width: 390, height: 844 }, async ({ page }) => {
        await gotoAtlas(page, layer === 'map-partners' ? ATLAS_URL : at(`?layer=${layer}`));
        assert.equal((await mapState(page)).layer, layer);
        const box = await mapBox(page);
        assert.ok(box.x >= 0 && box.x + box.width <= 390, `${layer}: the canvas fits the screen (${box.x}+${box.width})`);
        assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), 'no sideways scrolling');
        const { ink } = await inkAgainstPage(page);
        assert.ok(ink > 0.2, `${layer} at 390 px: ${(ink * 100).toFixed(1)}% ink`);
        await page.locator(card(layer)).screenshot({ path: path.join(out, `${layer}-390-zh.png`) });
      });
    }
    await chromium.page({ locale: 'en-US' }, async ({ page }) => {
      await gotoAtlas(page, at('?lang=en&theme=dark&layer=map-routes'));
      assert.equal(await page.evaluate(() => document.documentElement.getAttribute('data-theme')), 'dark');
      assert.equal((await mapState(page)).layer, 'map-routes');
      await mapBox(page);
      const { ink, bg } = await inkAgainstPage(page);
      assert.ok(ink > 0.2, `dark routes: ${(ink * 100).toFixed(1)}% ink against ${bg}`);
      await page.mouse.move(0, 0);
      await page.locator(card('map-routes')).screenshot({ path: path.join(out, 'map-routes-dark-en.png') });
    });
  });

  test('permalinks: layer and view are restored; bad values are ignored with a notice', {
    timeout: TEST_TIMEOUT,
  }, async () => {
    await chromium.page({ locale: 'zh-CN' }, async ({ page }) => {
      // Zoom the ports layer in once; its address gives the centre to link to.
      await gotoAtlas(page, at('?lang=en&layer=map-ports'));
      await page.click('#map [data-testid=zoom-in]');
      await waitZoom(page, (z) => z === 1.5, 'zoom-in on the ports layer');
      const v = viewParam((await mapState(page)).search);
      assert.ok(v, 'the address carries the view');
      await page.click('#map [data-testid=zoom-in]');
      await waitZoom(page, (z) => z === 2.25, 'a second zoom-in on the ports layer');
      const v2 = viewParam((await mapState(page)).search);
      assert.ok(Math.abs(v.cx - v2.cx) < 0.002 && Math.abs(v.cy - v2.cy) < 0.002,
        `zooming about the middle keeps the centre: (${v.cx}, ${v.cy}) then (${v2.cx}, ${v2.cy})`);

      const query = `?lang=en&layer=map-ports&view=2,${v.cx},${v.cy}`;
      await gotoAtlas(page, at(query));
      const st = await mapState(page);
      assert.equal(st.layer, 'map-ports', 'the permalink opens the ports layer');
      assert.equal(st.zoom, '2.000', 'at zoom 2');
      assert.equal(st.search, query, 'a complete permalink is kept as it is');
      assert.equal(await page.getAttribute('#map button.layer-tab[data-layer=map-ports]', 'aria-selected'), 'true');
      assert.equal(await page.locator('[data-testid=url-notice]').count(), 0, 'no notice');
      // The view is really applied: Shanghai is where zoom 2 about that centre puts it.
      const hit = await hoverPlace(page, 'map-ports', 'Shanghai', 'Shanghai', { step: 3, radius: 9 });
      assert.equal(hit.tip.value, '44.40 million TEU');

      // Unknown layer and out-of-range view: ignored, with a notice; the default map.
      await gotoAtlas(page, at('?layer=nope&view=99,0,0'));
      const bad = await mapState(page);
      assert.equal(bad.layer, 'map-partners', 'an unknown layer falls back to the partners layer');
      assert.equal(bad.zoom, '1.000', 'an out-of-range view is ignored');
      const notice = await page.textContent('[data-testid=url-notice]');
      assert.ok(notice.includes('layer=nope') && notice.includes('view=99,0,0'), `the notice names both: ${notice}`);
      assert.doesNotMatch(bad.search, /layer=|view=/, `the address drops what was ignored: ${bad.search}`);
    });
  });
});
