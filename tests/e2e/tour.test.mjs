// The guided tour: every step of data/tour.csv loads from its own address (?tour=N) with its chart
// or map layer drawn and in view above the step panel and no console error; the header button starts
// it; ←/→, the buttons and a swipe step; Escape leaves it where the reader is; Back and Forward step
// through it; ?embed=tour shows the step's chart alone with its text and navigation, and a host
// page's frame takes the height it posts; printing gives one step a page; the panel fits a phone, and axe finds no violation.

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { FIXTURES, openPageWith, startStaticServer } from './publish-lib.mjs';
import {
  ATLAS_ORIGIN, ATLAS_URL, SKIP_REASON, TEST_TIMEOUT, axeViolations, outDir, readCsv, settle, until, useChromium,
  waitFor, waitForMount,
} from './lib.mjs';

const at = (query) => new URL(query, ATLAS_URL).href;
const STEPS = readCsv('data/tour.csv');
const step = (chart) => STEPS.find((s) => s.chart === chart);

/** What the page shows of the tour. */
function tourState(page) {
  return page.evaluate(() => {
    const panel = document.querySelector('[data-testid=tour]');
    const text = (sel) => panel?.querySelector(sel)?.textContent.trim() ?? null;
    const active = document.activeElement;
    return {
      search: location.search,
      step: panel ? Number(panel.getAttribute('data-step')) : null,
      title: text('.tour-title'),
      text: text('[data-testid=tour-text]'),
      count: text('[data-testid=tour-count]'),
      live: text('[data-testid=tour-live]'),
      touring: document.documentElement.hasAttribute('data-tour'),
      selection: document.querySelector('[data-testid=selection] strong')?.textContent.trim() ?? null,
      layer: document.querySelector('.layer-tab[aria-selected=true]')?.getAttribute('data-layer') ?? null,
      focus: active?.id || active?.getAttribute('data-testid') || active?.tagName || null,
      scrollY: Math.round(scrollY),
      history: history.length,
    };
  });
}

/** Wait until the panel shows step `n`. */
function waitStep(page, n) {
  return waitFor(page, (k) => document.querySelector(`[data-testid=tour][data-step="${k}"]`), n,
    `the tour should show step ${n}`);
}

/** Wait until the step's chart is drawn and starts in view above the panel. */
function expectInView(page, s) {
  return until(() => page.evaluate((chart) => {
    const canvas = document.querySelector(`figure.card[data-chart="${chart}"] canvas`);
    if (!canvas || canvas.getAttribute('data-drawn') !== '1') return false;
    const panel = document.querySelector('[data-testid=tour]');
    const fixed = panel && getComputedStyle(panel).position === 'fixed';
    const limit = fixed ? panel.getBoundingClientRect().top : innerHeight;
    const r = canvas.getBoundingClientRect();
    return r.top >= -1 && r.top < limit - 80 ? { top: r.top, limit } : false;
  }, s.chart), `step ${s.step}: ${s.chart} drawn and in view above the panel`);
}

/** Wait until the tour state has every field of `want`; fail with the last state seen. */
async function expectTour(page, want, what) {
  let last;
  try {
    await until(async () => {
      last = await tourState(page);
      return Object.entries(want).every(([k, v]) => last[k] === v);
    }, what, 10_000);
  } catch {
    assert.deepEqual(Object.fromEntries(Object.keys(want).map((k) => [k, last[k]])), want, what);
  }
  return last;
}

/** Dispatch a touch swipe across the panel, `dx` pixels sideways. */
function swipe(page, dx) {
  return page.evaluate((d) => {
    const p = document.querySelector('[data-testid=tour]');
    const r = p.getBoundingClientRect();
    const y = r.top + 30;
    const x = r.left + r.width / 2;
    const fire = (type, cx) => p.dispatchEvent(new PointerEvent(type, {
      pointerId: 7, pointerType: 'touch', isPrimary: true, clientX: cx, clientY: y, bubbles: true,
    }));
    fire('pointerdown', x);
    fire('pointerup', x + d);
  }, dx);
}

describe('guided tour', { skip: SKIP_REASON }, () => {
  const chromium = useChromium();

  test('the tour file has 8 to 13 steps numbered from 1', () => {
    assert.ok(STEPS.length >= 8 && STEPS.length <= 13, `${STEPS.length} steps`);
    assert.deepEqual(STEPS.map((s) => Number(s.step)), STEPS.map((_, i) => i + 1));
  });

  test('every step loads from its address with its chart or map layer in view and no console error',
    { timeout: 5 * TEST_TIMEOUT }, async () => {
      await chromium.page({ locale: 'zh-CN' }, async ({ page }) => {
        for (const s of STEPS) {
          const lang = Number(s.step) % 2 ? 'en' : 'zh';
          await page.goto(at(`?lang=${lang}&tour=${s.step}`));
          await waitForMount(page);
          await waitStep(page, s.step);
          await expectInView(page, s);
          const st = await tourState(page);
          assert.equal(st.search, `?lang=${lang}&tour=${s.step}`, `step ${s.step}: the address is the step's own`);
          assert.equal(st.title, s[`title_${lang}`]);
          assert.equal(st.text, s[`text_${lang}`]);
          assert.equal(st.count, `${s.step} / ${STEPS.length}`);
          assert.ok(st.touring, 'the root is marked while touring');
          if (s.chart.startsWith('map-')) assert.equal(st.layer, s.chart, `step ${s.step}: the map shows its layer`);
          assert.equal(st.selection !== null, Boolean(s.select), `step ${s.step}: selection ${s.select || 'none'}`);
        }
      });
    });

  test('←/→ step through the tour and Escape leaves it where the reader is', { timeout: TEST_TIMEOUT }, async () => {
    await chromium.page({ locale: 'en-US' }, async ({ page }) => {
      const commodities = step('commodities');
      const n = Number(commodities.step);
      await page.goto(at(`?lang=en&tour=${n - 1}`));
      await waitForMount(page);
      await waitStep(page, n - 1);
      await page.keyboard.press('ArrowRight');
      await waitStep(page, n);
      await expectInView(page, commodities);
      await expectTour(page, { search: `?lang=en&tour=${n}`, title: commodities.title_en }, '→ goes on');
      // The step's reading: the implied unit-value change, by value.
      const reading = () => page.evaluate(() => {
        const sel = (c) => document.querySelector(`figure[data-chart=commodities] select[data-control=${c}]`);
        return { metric: sel('metric')?.value, sort: sel('sort')?.selectedOptions[0]?.textContent.trim() };
      });
      assert.deepEqual(await reading(), { metric: '3', sort: 'By value' });
      await page.keyboard.press('ArrowLeft');
      await waitStep(page, n - 1);
      await expectTour(page, { search: `?lang=en&tour=${n - 1}` }, '← goes back');
      await page.keyboard.press('ArrowRight');
      await waitStep(page, n);
      await expectInView(page, commodities);

      // A chart's arrow keys are its own.
      await page.focus('figure[data-chart=commodities] canvas');
      await page.keyboard.press('ArrowRight');
      await settle(page);
      assert.equal((await tourState(page)).step, n, 'ArrowRight on a chart steps through its bars, not the tour');

      // Escape leaves the tour where the reader is: same place, same view, now written out.
      await page.focus('#tour-title');
      await settle(page);
      const before = await tourState(page);
      await page.keyboard.press('Escape');
      const left = await expectTour(page, { step: null, touring: false, search: '?lang=en&chart=commodities:3:value' },
        'Escape leaves the tour; the address keeps the view');
      assert.ok(Math.abs(left.scrollY - before.scrollY) <= 2, `the page stays where it was (${before.scrollY} → ${left.scrollY})`);
      // The header button takes the focus in the task after the panel goes (src/ui/tour.rs).
      await expectTour(page, { focus: 'tour-start' }, 'the focus returns to the header button');
      assert.deepEqual(await reading(), { metric: '3', sort: 'By value' }, 'the reading stays');
      await page.keyboard.press('ArrowRight');
      await settle(page);
      assert.equal((await tourState(page)).step, null, 'outside the tour ← → do nothing to it');
    });
  });

  test('the header button starts the tour; the buttons step; Back and Forward step through it',
    { timeout: TEST_TIMEOUT }, async () => {
      await chromium.page({ locale: 'en-US' }, async ({ page }) => {
        await page.goto(at('?lang=en'));
        await waitForMount(page);
        const h0 = (await tourState(page)).history;
        await page.click('[data-testid=tour-start]');
        await waitStep(page, 1);
        const first = await expectTour(page, { search: '?lang=en&tour=1', focus: 'tour-title', touring: true },
          'the button starts at step 1 and moves the focus to its title');
        assert.equal(first.live, `Tour step 1 of ${STEPS.length}: ${STEPS[0].title_en}`, 'announced');
        assert.equal(await page.getByRole('region', { name: STEPS[0].title_en, exact: true }).count(), 1, 'a labelled region');
        assert.equal(await page.getAttribute('[role=progressbar]', 'aria-valuenow'), '1');
        assert.equal(await page.getAttribute('[data-testid=tour-start]', 'aria-pressed'), 'true');
        await expectInView(page, STEPS[0]);

        await page.click('[data-testid=tour-next]');
        await waitStep(page, 2);
        await page.click('[data-testid=tour-next]');
        await waitStep(page, 3);
        await expectInView(page, STEPS[2]);
        const third = await expectTour(page, { search: '?lang=en&tour=3', history: h0 + 3 }, 'each step is an entry');
        assert.equal(third.selection !== null, Boolean(STEPS[2].select));

        await page.goBack();
        await waitStep(page, 2);
        await expectInView(page, STEPS[1]);
        const second = await expectTour(page, { search: '?lang=en&tour=2' }, 'Back returns to step 2');
        assert.equal(second.selection !== null, Boolean(STEPS[1].select), 'and to its selection');
        await page.goBack();
        await waitStep(page, 1);
        await page.goForward();
        await waitStep(page, 2);
        await expectTour(page, { search: '?lang=en&tour=2' }, 'Forward re-enters step 2');
        await page.goBack();
        await page.goBack();
        await expectTour(page, { step: null, touring: false, search: '?lang=en' }, 'Back before the tour leaves it');
        await page.goForward();
        await waitStep(page, 1);
        assert.equal(await page.isDisabled('[data-testid=tour-prev]'), true, 'no step before the first');
        await page.click('[data-testid=tour-close]');
        await expectTour(page, { step: null, touring: false }, 'the close button leaves the tour');
      });
    });

  test('on a phone the panel is fixed to the bottom, the chart stays in view and a swipe steps',
    { timeout: TEST_TIMEOUT }, async () => {
      await chromium.page({
        locale: 'zh-CN', width: 390, height: 844, contextOptions: { hasTouch: true, isMobile: true },
      }, async ({ page }) => {
        await page.goto(at('?lang=zh&tour=2'));
        await waitForMount(page);
        await waitStep(page, 2);
        await expectInView(page, STEPS[1]);
        const box = await page.locator('[data-testid=tour]').boundingBox();
        assert.ok(box.x >= 0 && box.x + box.width <= 390 + 0.5, `the panel fits the width: ${JSON.stringify(box)}`);
        assert.ok(Math.abs(box.y + box.height - 844) <= 1, `the panel sits on the bottom edge: ${JSON.stringify(box)}`);
        assert.ok(box.height < 844 * 0.5, `the panel leaves most of the screen to the chart (${box.height}px)`);
        assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no sideways scrolling');
        await swipe(page, -120);
        await waitStep(page, 3);
        await expectInView(page, STEPS[2]);
        await swipe(page, 120);
        await waitStep(page, 2);
        await swipe(page, -20);
        await settle(page);
        assert.equal((await tourState(page)).step, 2, 'a short move is not a swipe');
      });
    });

  test('?embed=tour shows the step chart alone with its text and navigation',
    { timeout: TEST_TIMEOUT }, async () => {
      await chromium.page({ locale: 'zh-CN' }, async ({ page }) => {
        await page.goto(at('?embed=tour&lang=en'));
        const shape = () => page.evaluate(() => ({
          figures: [...document.querySelectorAll('figure.card')].map((f) => f.getAttribute('data-chart')),
          drawn: !!document.querySelector('main.embed[data-embed=tour] canvas[data-drawn="1"]'),
          fullPage: !!document.querySelector('main#main, header.masthead, nav.toc'),
          position: getComputedStyle(document.querySelector('[data-testid=tour]')).position,
          link: document.querySelector('.embed-link a')?.getAttribute('href') ?? null,
          search: location.search,
        }));
        await waitStep(page, 1);
        await until(async () => (await shape()).drawn, 'the embedded step is drawn');
        let s = await shape();
        assert.deepEqual(s.figures, [STEPS[0].chart], 'the step chart alone');
        assert.equal(s.fullPage, false);
        assert.equal(s.position, 'static', 'the step text sits under the chart');
        assert.equal(s.search, '?embed=tour&lang=en&tour=1');
        await page.keyboard.press('ArrowRight');
        await waitStep(page, 2);
        await until(async () => (await shape()).figures[0] === STEPS[1].chart && (await shape()).drawn,
          'the next step shows its chart');
        s = await shape();
        assert.equal(s.search, '?embed=tour&lang=en&tour=2');
        assert.match(s.link, /\?lang=en&tour=2$/, 'the link back opens the same step in the full atlas');
        await page.keyboard.press('Escape');
        await settle(page);
        assert.equal((await tourState(page)).step, 2, 'an embedded tour has nothing to leave');
      });
    });

  test('an embedded tour in a host page on another origin gets its frame sized to its height',
    { timeout: TEST_TIMEOUT }, async () => {
      // The embeds' host fixture, its first frame showing step 4 of the tour.
      const host = await startStaticServer({
        root: FIXTURES,
        rewrite: (rel, text) => (rel === 'host.html'
          ? text.replaceAll('__ATLAS_URL__', ATLAS_URL)
            .replace('?embed=partners-exports&amp;lang=zh', '?embed=tour&amp;lang=zh&amp;tour=4')
          : text),
      });
      try {
        await chromium.pageWith(openPageWith, {
          allow: (url) => [host.origin, ATLAS_ORIGIN].includes(new URL(url).origin), width: 900, height: 900,
        }, async ({ page, log }) => {
          await page.goto(`${host.url}host.html`);
          const frame = page.frameLocator('#frame-zh');
          await frame.locator('main.embed[data-embed=tour] [data-testid=tour][data-step="4"]').waitFor();
          await frame.locator('main.embed canvas[data-drawn="1"]').waitFor({ state: 'attached' });
          const fit = await until(async () => {
            const h = await page.$eval('#frame-zh', (f) => f.style.height);
            const body = await (await (await page.$('#frame-zh')).contentFrame())
              .evaluate(() => Math.max(document.body.scrollHeight, document.body.offsetHeight));
            return h !== '560px' && Math.abs(parseFloat(h) - body) <= 3 ? { h, body } : null;
          }, 'the frame should take the height the embedded tour posts');
          assert.ok(parseFloat(fit.h) > 400, `a plausible height: ${fit.h}`);
          assert.deepEqual(log.consoleErrors, []);
          assert.deepEqual(log.pageErrors, []);
        });
      } finally {
        await host.close();
      }
    });

  test('printing the tour gives every step, its text and its chart, one a page', { timeout: 2 * TEST_TIMEOUT }, async (t) => {
    await chromium.page({ locale: 'en-US' }, async ({ page }) => {
      const printed = () => page.evaluate(() => ({
        pages: [...document.querySelectorAll('.tour-print .tour-page')].map((p) => ({
          title: p.querySelector('.tour-title')?.textContent.trim(),
          svg: !!p.querySelector('.tour-figure svg'),
        })),
        shown: getComputedStyle(document.querySelector('.tour-print') ?? document.body).display,
        main: getComputedStyle(document.querySelector('main')).display,
      }));
      // The embedded tour.
      await page.goto(at('?embed=tour&lang=en&tour=4'));
      await waitStep(page, 4);
      await page.emulateMedia({ media: 'print' });
      await until(async () => (await printed()).pages.length === STEPS.length, 'every step printed');
      let p = await printed();
      assert.deepEqual(p.pages.map((x) => x.title), STEPS.map((s) => s.title_en));
      assert.ok(p.pages.every((x) => x.svg), 'each step with its chart');
      assert.deepEqual([p.shown, p.main], ['block', 'none'], 'only the printed tour is on paper');
      if (spawnSync('pdfinfo', ['-v'], { stdio: 'ignore' }).error) {
        t.diagnostic('pdfinfo not found (poppler-utils): the page count is not checked');
      } else {
        const pdf = path.join(mkdtempSync(path.join(tmpdir(), 'tour-')), 'tour.pdf');
        await page.pdf({ path: pdf, printBackground: true });
        const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))[1]);
        assert.equal(pages, STEPS.length, 'one page a step');
      }
      await page.emulateMedia({ media: 'screen' });
      await until(async () => (await printed()).pages.length === 0, 'the printed tour goes after printing');

      // Printing while in the tour on the full page.
      await page.goto(at('?lang=en&tour=3'));
      await waitForMount(page);
      await waitStep(page, 3);
      await page.emulateMedia({ media: 'print' });
      await until(async () => (await printed()).pages.length === STEPS.length, 'every step printed from the page');
      p = await printed();
      assert.deepEqual([p.shown, p.main], ['block', 'none']);
      await page.emulateMedia({ media: 'screen' });
    });
  });

  for (const [lang, locale] of [['zh', 'zh-CN'], ['en', 'en-US']]) {
    test(`a tour step at 1280 and 390 px has no axe violation, with screenshots (${lang})`,
      { timeout: 2 * TEST_TIMEOUT }, async () => {
        const flows = step('map-flows');
        for (const [width, height] of [[1280, 900], [390, 844]]) {
          await chromium.page({ locale, width, height, contextOptions: { bypassCSP: true } }, async ({ page }) => {
            await page.goto(at(`?lang=${lang}&tour=${flows.step}`));
            await waitForMount(page);
            await waitStep(page, flows.step);
            await expectInView(page, flows);
            await page.waitForTimeout(500); // the scroll settles
            await page.screenshot({ path: path.join(outDir(), `tour-step${flows.step}-${lang}-${width}.png`) });
            assert.deepEqual(await axeViolations(page), []);
          });
        }
      });
  }
});
