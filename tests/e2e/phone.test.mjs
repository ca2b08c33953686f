// The map on a phone (390 × 844, DPR 2): the map takes half the screen, each layer opens on the
// view that shows its items (Asia and the Pacific for the partners, the railway from China to
// Europe for the routes, the ports' coast; a layer that ranks its items, with its first), the whole world is one Reset away and the address
// keeps it, and a desktop still opens on the whole world; hints follow the input (gestures on a
// touch screen, keys and wheel with a fine pointer); rows that scroll sideways fade where there
// is more; the map goes full screen and back; the tour's panel folds to one line over the step's
// chart. Screenshots of each layer, full screen and a folded tour step in both languages go to
// the output folder.

import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import {
  ATLAS_URL, SKIP_REASON, TEST_TIMEOUT, gotoAtlas, outDir, problems, readCsv, until, useChromium, waitFor, waitForMount,
} from './lib.mjs';

const PHONE = { width: 390, height: 844, deviceScaleFactor: 2, contextOptions: { hasTouch: true, isMobile: true } };
const at = (query) => new URL(query, ATLAS_URL).href;
const card = (layer) => `#map figure.card[data-chart="${layer}"]`;

/**
 * What each layer's opening view must show (its items' anchors on the canvas) and leave to Reset,
 * by language, and whether it opens closer than the whole extent (null: either).
 */
const OPENINGS = {
  'map-partners': { zoomed: true, en: [['Japan', 'South Korea', 'Vietnam', 'Australia', 'Indonesia'], ['United States', 'Brazil']],
    zh: [['日本', '韩国', '越南', '澳大利亚'], ['美国', '巴西']] },
  'map-flows': { zoomed: true, en: [['Japan', 'South Korea', 'Vietnam', 'Australia'], ['United States']], zh: [['日本', '韩国', '越南'], ['美国']] },
  'map-ecommerce': { zoomed: true, en: [['China', 'Japan', 'Indonesia', 'Vietnam'], ['Argentina']], zh: [['中国', '日本', '印尼', '越南'], ['阿根廷']] },
  // The warehouses rank their countries: the opening view keeps No. 1 in view.
  'map-warehouses': { zoomed: null, en: [['United States'], []], zh: [['美国'], []] },
  'map-routes': { zoomed: true, en: [["Xi'an", 'Chengdu'], []], zh: [['西安', '成都'], []] },
  'map-ports': { zoomed: false, en: [['Shanghai', 'Ningbo-Zhoushan'], []], zh: [['上海港', '宁波舟山港'], []] },
};

/** The map's state: its layer, zoom, canvas box, the map part's height and each item's anchor. */
function mapNow(page) {
  return page.evaluate(() => {
    const c = document.querySelector('#map canvas');
    if (!c) return null;
    const r = c.getBoundingClientRect();
    const anchors = {};
    for (const b of document.querySelectorAll('#map .map-item')) {
      const a = b.getAttribute('data-anchor');
      anchors[b.textContent.trim()] = a ? a.split(',').map(Number) : null;
    }
    return {
      layer: c.closest('figure.card')?.getAttribute('data-chart'),
      zoom: Number(c.getAttribute('data-zoom')),
      drawn: c.getAttribute('data-drawn') === '1',
      width: r.width,
      height: r.height,
      anchors,
      search: location.search,
    };
  });
}

/** Is an anchor inside the canvas, away from its legend (the lowest 60 px)? */
const inside = (a, m) => !!a && a[0] >= 0 && a[0] <= m.width && a[1] >= 0 && a[1] <= m.height - 60;

async function showLayer(page, layer) {
  await page.click(`#map button.layer-tab[data-layer=${layer}]`);
  await waitFor(page, (sel) => document.querySelector(`${sel} canvas`)?.getAttribute('data-drawn') === '1', card(layer),
    `${layer}: its map is drawn`);
}

describe('the map on a phone', { skip: SKIP_REASON }, () => {
  const chromium = useChromium();

  test('the map takes half the screen and each layer opens on its items, in both languages (screenshots)', {
    timeout: TEST_TIMEOUT * 2,
  }, async () => {
    for (const [lang, locale] of [['zh', 'zh-CN'], ['en', 'en-US']]) {
      await chromium.page({ locale, ...PHONE }, async ({ page }) => {
        await gotoAtlas(page);
        for (const [layer, want] of Object.entries(OPENINGS)) {
          await showLayer(page, layer);
          const m = await until(async () => {
            const s = await mapNow(page);
            return s?.layer === layer && s.drawn && Object.values(s.anchors).some((a) => a) ? s : null;
          }, `${lang} ${layer}: drawn with its items' anchors`, 10_000);
          assert.ok(m.height >= 0.5 * 844, `${lang} ${layer}: the canvas is ${m.height} px of 844`);
          assert.ok(m.height <= 0.75 * 844, `${lang} ${layer}: and leaves room for the page (${m.height} px)`);
          if (want.zoomed) assert.ok(m.zoom > 1.5, `${lang} ${layer}: opens closer than the world (zoom ${m.zoom})`);
          else if (want.zoomed === false) assert.equal(m.zoom, 1, `${lang} ${layer}: opens on its own extent`);
          const [shown, left] = want[lang];
          for (const item of shown) assert.ok(inside(m.anchors[item], m), `${lang} ${layer}: ${item} is in view (${m.anchors[item]})`);
          for (const item of left) assert.ok(item in m.anchors && !inside(m.anchors[item], m), `${lang} ${layer}: ${item} is left to Reset`);
          assert.equal(new URLSearchParams(m.search).get('view'), null, `${lang} ${layer}: the opening view is not written in the address`);
          await page.locator(card(layer)).evaluate((el) => el.scrollIntoView({ block: 'start', behavior: 'instant' }));
          await page.screenshot({ path: path.join(outDir(), `phone-${layer}-${lang}.png`) });
        }
      });
    }
  });

  test('Reset shows the whole world, the address keeps it, and a new layer opens on its items again', {
    timeout: TEST_TIMEOUT,
  }, async () => {
    await chromium.page({ locale: 'en-US', ...PHONE }, async ({ page, log }) => {
      await gotoAtlas(page, at('?lang=en'));
      await until(async () => (await mapNow(page))?.zoom > 1.5 || null, 'the partners open closer than the world', 10_000);
      await page.click('#map [data-testid=zoom-reset]');
      const whole = await until(async () => {
        const s = await mapNow(page);
        return s?.zoom === 1 && new URLSearchParams(s.search).get('view') ? s : null;
      }, 'Reset shows the whole world and writes it in the address', 10_000);
      assert.ok(inside(whole.anchors['United States'], whole) && inside(whole.anchors.Brazil, whole), 'the Americas are in view');
      await page.goto(at(whole.search), { waitUntil: 'load' });
      await until(async () => { const s = await mapNow(page); return s?.drawn && s.zoom === 1 || null; },
        'the address opens on the whole world', 10_000);
      await showLayer(page, 'map-routes');
      await until(async () => (await mapNow(page))?.zoom > 1.5 || null, 'another layer opens on its items', 10_000);
      assert.deepEqual(problems(log), []);
    });
  });

  test('a desktop opens every layer on its whole extent', { timeout: TEST_TIMEOUT }, async () => {
    await chromium.page({ locale: 'en-US', width: 1280, height: 900 }, async ({ page }) => {
      await gotoAtlas(page, at('?lang=en'));
      for (const layer of Object.keys(OPENINGS)) {
        await showLayer(page, layer);
        const m = await mapNow(page);
        assert.equal(m.zoom, 1, `${layer}: the whole extent`);
        assert.ok(m.height < 0.8 * m.width, `${layer}: the world's own shape (${m.width} × ${m.height})`);
      }
    });
  });

  test('hints follow the input: gestures on a touch screen, keys and wheel with a mouse', { timeout: TEST_TIMEOUT }, async () => {
    const hints = (page) => page.evaluate(() => ({
      coarse: matchMedia('(pointer: coarse)').matches,
      shown: [...document.querySelectorAll('#map .map-tools .map-hint')].filter((h) => h.checkVisibility()).map((h) => h.textContent),
    }));
    await chromium.page({ locale: 'en-US', ...PHONE }, async ({ page }) => {
      await gotoAtlas(page, at('?lang=en'));
      const h = await hints(page);
      assert.ok(h.coarse, 'a touch screen: the pointer is coarse');
      assert.equal(h.shown.length, 1, `one hint: ${h.shown}`);
      assert.match(h.shown[0], /^Pinch to zoom, drag to pan, tap/);
      assert.doesNotMatch(h.shown[0], /Wheel|arrows/);
    });
    await chromium.page({ locale: 'zh-CN', width: 1280, height: 900 }, async ({ page }) => {
      await gotoAtlas(page);
      const h = await hints(page);
      assert.ok(!h.coarse);
      assert.deepEqual(h.shown.length, 1, `one hint: ${h.shown}`);
      assert.match(h.shown[0], /^滚轮或双指缩放/, 'keys and wheel with a mouse');
    });
  });

  test('rows that scroll sideways fade where there is more, and every item is still reached by Tab', { timeout: TEST_TIMEOUT }, async () => {
    // The sides each row fades at: those its fade widths (animated by its scroll position) are open on.
    const more = (page) => page.evaluate(() => Object.fromEntries(['.switches', '.toc ol', '#map .layer-tabs'].map((sel) => {
      const s = getComputedStyle(document.querySelector(sel));
      const [start, end] = ['--more-start', '--more-end'].map((p) => parseFloat(s.getPropertyValue(p)) > 0);
      return [sel, start && end ? 'both' : start ? 'start' : end ? 'end' : null];
    })));
    await chromium.page({ locale: 'zh-CN', ...PHONE }, async ({ page }) => {
      await gotoAtlas(page);
      const m = await until(async () => { const v = await more(page); return v['.switches'] ? v : null; }, 'the rows are marked', 10_000);
      assert.deepEqual(m, { '.switches': 'end', '.toc ol': 'end', '#map .layer-tabs': 'end' }, 'each row has more at its end');
      const mask = await page.evaluate(() => getComputedStyle(document.querySelector('.switches')).maskImage);
      assert.match(mask, /linear-gradient/, `the edge fades: ${mask}`);
      // Tab to the last switch: the row scrolls to it and now has more at its start.
      const last = page.locator('.switches > :last-child');
      await last.focus();
      await until(async () => (await more(page))['.switches'] === 'start' || null, 'scrolled to its end, the row has more at its start', 10_000);
      const box = await last.boundingBox();
      assert.ok(box.x >= 0 && box.x + box.width <= 390 + 0.5, `the focused switch is in view: ${JSON.stringify(box)}`);
      await page.locator('#map .layer-tabs').evaluate((el) => { el.scrollLeft = 60; });
      await until(async () => (await more(page))['#map .layer-tabs'] === 'both' || null, 'in the middle, more on both sides', 10_000);
      await page.locator('.switches').screenshot({ path: path.join(outDir(), 'phone-switches-zh.png') });
    });
    await chromium.page({ locale: 'en-US', width: 1280, height: 900 }, async ({ page }) => {
      await gotoAtlas(page, at('?lang=en'));
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const m = await more(page);
      assert.equal(m['.switches'], null, 'a desktop\'s switches fit');
      assert.equal(m['#map .layer-tabs'], null, 'and its layer tabs wrap');
    });
  });

  test('full screen: the map fills the phone\'s screen; Escape and Back leave it, the address unchanged (screenshots)', {
    timeout: TEST_TIMEOUT * 2,
  }, async () => {
    const full = (page) => page.evaluate(() => {
      const holder = document.querySelector('#map .layer-card');
      const r = holder.getBoundingClientRect();
      const c = holder.querySelector('canvas').getBoundingClientRect();
      return { on: holder.hasAttribute('data-full'), box: [r.x, r.y, r.width, r.height], canvas: [c.y, c.height],
        search: location.search, entries: history.length };
    });
    for (const [lang, locale] of [['zh', 'zh-CN'], ['en', 'en-US']]) {
      await chromium.page({ locale, ...PHONE }, async ({ page, log }) => {
        await gotoAtlas(page);
        const before = await full(page);
        assert.equal(before.on, false);
        await page.click('#map [data-testid=full-screen]');
        await until(async () => { const f = await full(page); return f.on && f.canvas[1] > 500 || null; }, 'full screen, the map drawn tall', 10_000);
        const f = await full(page);
        assert.deepEqual(f.box, [0, 0, 390, 844], `${lang}: the card covers the screen`);
        assert.ok(f.canvas[0] + f.canvas[1] <= 844 + 0.5 && f.canvas[1] >= 0.6 * 844, `${lang}: the map fills what is left (${f.canvas})`);
        assert.equal(f.search, before.search, 'the address is the same');
        assert.equal(f.entries, before.entries + 1, 'a history entry that Back leaves');
        const leave = { zh: '退出全屏', en: 'Leave full screen' }[lang];
        assert.equal(await page.locator('#map [data-testid=full-screen]').innerText(), leave, 'the button says it leaves');
        await page.screenshot({ path: path.join(outDir(), `phone-full-screen-${lang}.png`) });
        await page.keyboard.press('Escape');
        await until(async () => (await full(page)).on === false || null, 'Escape leaves full screen', 10_000);
        assert.equal((await full(page)).search, before.search);
        await page.click('#map [data-testid=full-screen]');
        await until(async () => (await full(page)).on || null, 'full screen again', 10_000);
        await page.goBack();
        await until(async () => (await full(page)).on === false || null, 'Back leaves full screen', 10_000);
        assert.equal((await full(page)).search, before.search, 'Back leaves the page where it was');
        assert.deepEqual(problems(log), []);
      });
    }
  });

  test('the tour\'s panel folds to one line with the step, its title and the arrows, and the chart shows above it (screenshots)', {
    timeout: TEST_TIMEOUT * 2,
  }, async () => {
    const steps = readCsv('data/tour.csv');
    const look = (page) => page.evaluate((chart) => {
      const panel = document.querySelector('[data-testid=tour]');
      const seen = (sel) => panel.querySelector(sel)?.checkVisibility() ?? false;
      const p = panel.getBoundingClientRect();
      const c = document.querySelector(`figure.card[data-chart="${chart}"] canvas`)?.getBoundingClientRect();
      const next = panel.querySelector('[data-testid=tour-next]');
      return {
        step: Number(panel.getAttribute('data-step')), folded: panel.hasAttribute('data-folded'), top: p.top, height: p.height,
        title: seen('.tour-title'), text: seen('[data-testid=tour-text]'), arrows: seen('[data-testid=tour-prev]') && seen('[data-testid=tour-next]'),
        count: seen('[data-testid=tour-count]'), nextName: next.textContent.trim(), canvas: c ? [c.top, c.bottom] : null,
      };
    }, steps[1].chart);
    for (const [lang, locale] of [['zh', 'zh-CN'], ['en', 'en-US']]) {
      await chromium.page({ locale, ...PHONE }, async ({ page }) => {
        await page.goto(at(`?lang=${lang}&tour=2`));
        await waitForMount(page);
        await waitFor(page, () => document.querySelector('[data-testid=tour][data-step="2"]'), null, 'step 2 shows');
        const open = await look(page);
        assert.ok(open.text && !open.folded, 'unfolded, the step\'s text shows');
        await page.click('[data-testid=tour-fold]');
        const f = await until(async () => { const v = await look(page); return v.folded && v.canvas ? v : null; }, 'folded', 10_000);
        assert.ok(f.height <= 60, `${lang}: one line (${f.height} px, unfolded ${open.height})`);
        assert.ok(f.title && f.arrows && f.count && !f.text, `${lang}: the step, its title and the arrows: ${JSON.stringify(f)}`);
        assert.ok(f.nextName.length > 2, `the arrow keeps its name for screen readers: "${f.nextName}"`);
        assert.equal(await page.locator('[data-testid=tour-fold]').getAttribute('aria-expanded'), 'false');
        assert.ok(f.canvas[0] >= -1 && f.canvas[1] <= f.top + 1, `${lang}: the step's chart shows whole above the bar (${f.canvas}, bar at ${f.top})`);
        await page.screenshot({ path: path.join(outDir(), `phone-tour-folded-${lang}.png`) });
        await page.click('[data-testid=tour-next]');
        const n = await until(async () => { const v = await look(page); return v.step === 3 ? v : null; }, 'the arrow steps', 10_000);
        assert.ok(n.folded, 'the next step stays folded');
        await page.click('[data-testid=tour-fold]');
        await until(async () => (await look(page)).text || null, 'unfolds again', 10_000);
      });
    }
  });
});

