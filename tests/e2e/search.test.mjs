// The search in the header: typing finds the figures in Chinese or English whatever the page's language;
// choosing a figure scrolls to its chart, selects its entity everywhere (chip, table, map) and shows the
// datum's tooltip; choosing a place selects it and shows the map; ?q= opens the search; Up/Down/Enter/Escape,
// `/` and Ctrl+K work as the WAI-ARIA combobox pattern says; a query pasted past the limit is cut there and
// the reader is told. The page is not built in advance: the search builds what it needs.

import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  ATLAS_URL, SEARCH, SKIP_REASON, TEST_TIMEOUT, launch, openPage, outDir, problems, searchFor, searchOptions, settle,
  tipSel, until, waitFor, waitForMount,
} from './lib.mjs';

const at = (query) => new URL(query, ATLAS_URL).href;

/** The search field's combobox state. */
function combobox(page) {
  return page.evaluate((sel) => {
    const input = document.querySelector(sel);
    const list = document.getElementById(input.getAttribute('aria-controls'));
    return {
      role: input.getAttribute('role'),
      expanded: input.getAttribute('aria-expanded'),
      active: input.getAttribute('aria-activedescendant'),
      value: input.value,
      listRole: list?.getAttribute('role') ?? null,
      listShown: !!list && !list.hidden,
      focused: document.activeElement === input,
      live: document.querySelector('[data-testid=search-live]')?.textContent.trim() ?? '',
    };
  }, SEARCH);
}

/** The selection chip's label, or null. */
const chip = (page) => page.evaluate(() => document.querySelector('[data-testid=selection] strong')?.textContent.trim() ?? null);

/** The map's canvas as a data URL. */
const mapImage = (page) => page.$eval('#map canvas', (c) => c.toDataURL());

/** Whether an element is entirely inside the viewport. */
const inView = (page, sel) => page.$eval(sel, (el) => {
  const r = el.getBoundingClientRect();
  return r.top >= 0 && r.bottom <= innerHeight;
});

describe('search', { skip: SKIP_REASON }, () => {
  let browser;
  before(async () => { browser = await launch(); });
  after(async () => { await browser?.close(); });

  for (const [locale, lang] of [['zh-CN', 'zh'], ['en-US', 'en']]) {
    test(`typing 俄罗斯 or russia finds the Russia figures on the ${lang} page`, { timeout: TEST_TIMEOUT }, async () => {
      const { context, page, log } = await openPage(browser, { locale });
      try {
        await page.goto(ATLAS_URL, { waitUntil: 'load' });
        await waitForMount(page);
        const exports = lang === 'zh' ? '2,401.10 亿美元' : 'US$240.110 billion';
        for (const q of ['俄罗斯', 'russia', 'RUSSIA']) {
          const options = await searchFor(page, q);
          const figures = options.filter((o) => o.group === (lang === 'zh' ? '数字' : 'Figures'));
          assert.ok(figures.length >= 3, `${q}: Russia's Table 3 figures: ${options.map((o) => o.text).join(' | ')}`);
          assert.ok(figures[0].text.includes(exports), `${q}: the first figure is Table 3's Russia exports: ${figures[0].text}`);
          assert.ok(figures.slice(0, 3).every((o) => /俄罗斯|Russia/.test(o.text)), `${q}: ${figures.map((o) => o.text).join(' | ')}`);
          assert.ok(figures[0].marks.some((m) => /^(俄罗斯|Russia)$/.test(m)), `${q}: the name is marked: ${figures[0].marks}`);
          assert.ok(options.some((o) => o.group === (lang === 'zh' ? '地点' : 'Places') && /俄罗斯|Russia/.test(o.text)),
            `${q}: Russia is among the places`);
          const state = await combobox(page);
          assert.deepEqual([state.role, state.expanded, state.listRole, state.listShown], ['combobox', 'true', 'listbox', true]);
          assert.match(state.live, lang === 'zh' ? /^找到 \d+ 项/ : /^\d+ results?: /, 'the results are announced');
        }
        await page.screenshot({ path: path.join(outDir(), `search-${lang}-1280.png`) });
        assert.deepEqual(problems(log), []);
      } finally {
        await context.close();
      }
    });
  }

  test('choosing the Table 3 Russia export value scrolls to its chart, selects Russia and shows its tooltip',
    { timeout: TEST_TIMEOUT }, async () => {
      const { context, page, log } = await openPage(browser, { locale: 'zh-CN' });
      try {
        await page.goto(ATLAS_URL, { waitUntil: 'load' });
        await waitForMount(page);
        await page.waitForFunction(() => document.querySelector('#map canvas')?.getAttribute('data-drawn') === '1');
        const map0 = await mapImage(page);
        assert.equal(await page.locator('figure[data-chart=partners-exports]').count(), 0, 'Table 3 is not built yet');

        const options = await searchFor(page, '俄罗斯');
        const i = options.findIndex((o) => o.text.includes('2,401.10 亿美元'));
        assert.ok(i >= 0, `the Russia export value is offered: ${options.map((o) => o.text).join(' | ')}`);
        for (let k = 0; k <= i; k++) await page.keyboard.press('ArrowDown');
        assert.equal((await combobox(page)).active, options[i].id, 'the arrow keys reach the option');
        await page.keyboard.press('Enter');

        const fig = 'figure[data-chart=partners-exports]';
        await waitFor(page, (sel) => document.querySelector(`${sel} .tt-title`)?.textContent.trim() === '俄罗斯 · 出口总额',
          tipSel('partners-exports'), 'the tooltip of Russia\'s bar shows');
        const tip = await page.textContent(tipSel('partners-exports'));
        assert.match(tip, /2,401\.10 亿美元/, tip);
        assert.match(tip, /\+26\.3%/, tip);
        await until(() => inView(page, `${fig} canvas`), 'the chart is scrolled into view');
        assert.ok(await page.evaluate((sel) => document.activeElement === document.querySelector(`${sel} canvas`), fig),
          'the chart has the keyboard focus');
        await waitFor(page, (sel) => /俄罗斯/.test(document.querySelector(`${sel} [data-testid=live]`)?.textContent ?? ''), fig,
          'the chart announces the figure');
        assert.equal(await chip(page), '俄罗斯', 'Russia is selected');
        assert.match(await page.evaluate(() => location.search), /[?&]sel=RUS(&|$)/, 'the address carries the selection');
        await page.click('[data-testid=table-box-partners] summary');
        assert.match(await page.getAttribute('table#table-partners tr[data-row=russia]', 'class') ?? '', /\bselected\b/,
          'the Table 3 row of Russia is selected');
        assert.equal((await combobox(page)).listShown, false, 'the results close');

        // The map lights Russia up too (it redraws once it is back in view).
        await page.$eval('#map', (el) => el.scrollIntoView({ behavior: 'instant' }));
        await settle(page);
        await until(async () => (await mapImage(page)) !== map0, 'the map outlines Russia');
        assert.deepEqual(problems(log), []);
      } finally {
        await context.close();
      }
    });

  test('choosing a place selects it everywhere and shows the map layer that has it', { timeout: TEST_TIMEOUT }, async () => {
    const { context, page, log } = await openPage(browser, { locale: 'en-US' });
    try {
      await page.goto(ATLAS_URL, { waitUntil: 'load' });
      await waitForMount(page);
      const options = await searchFor(page, 'Shanghai');
      const i = options.findIndex((o) => o.group === 'Places' && /^Shanghai/.test(o.text) && /Port/.test(o.text));
      assert.ok(i >= 0, `the port of Shanghai is offered: ${options.map((o) => `${o.group}: ${o.text}`).join(' | ')}`);
      await page.click(`#${options[i].id}`);
      await until(async () => (await chip(page)) === 'Shanghai', 'the port of Shanghai is selected');
      await waitFor(page, () => document.querySelector('#map button.layer-tab[data-layer=map-ports]')?.getAttribute('aria-selected') === 'true',
        null, 'the ports layer is shown');
      assert.match(await page.evaluate(() => location.search), /[?&]sel=port:shanghai(&|$)/);
      assert.deepEqual(problems(log), []);
    } finally {
      await context.close();
    }
  });

  test('?q=TEU opens the search with its results and leaves the address', { timeout: TEST_TIMEOUT }, async () => {
    const { context, page, log } = await openPage(browser, { locale: 'en-US' });
    try {
      await page.goto(at('?lang=en&q=TEU'), { waitUntil: 'load' });
      await waitForMount(page);
      await waitFor(page, () => document.querySelectorAll('#search-list:not([hidden]) [role=option]').length > 0, null,
        '?q=TEU opens the results');
      const state = await combobox(page);
      assert.equal(state.value, 'TEU');
      assert.equal(state.expanded, 'true');
      const options = await searchOptions(page);
      assert.ok(options.some((o) => o.group === 'Figures' && /TEU/.test(o.text)), options.map((o) => o.text).join(' | '));
      assert.equal(await page.evaluate(() => location.search), '?lang=en', 'a search is not a view the address keeps');
      assert.equal(await page.locator('[data-testid=url-notice]').count(), 0, 'q is understood: no notice');
      // Full-width input finds the same.
      const wide = await searchFor(page, 'ＴＥＵ');
      assert.deepEqual(wide.map((o) => o.text), options.map((o) => o.text));
      assert.deepEqual(problems(log), []);
    } finally {
      await context.close();
    }
  });

  test('pasting a long query keeps the first 100 characters and says the query was shortened', { timeout: TEST_TIMEOUT },
    async () => {
      const { context, page, log } = await openPage(browser, { locale: 'en-US' });
      try {
        await page.goto(ATLAS_URL, { waitUntil: 'load' });
        await waitForMount(page);
        const notice = '[data-testid=search-cut]';
        const shown = () => page.evaluate((sel) => {
          const el = document.querySelector(sel);
          return el && !el.hidden && el.getBoundingClientRect().height > 0 ? el.textContent : null;
        }, notice);
        await page.click(SEARCH);
        await page.keyboard.type('russia');
        await until(async () => (await searchOptions(page)).length > 0, 'results for russia');
        assert.equal(await shown(), null, 'a short query has no notice');

        // A paragraph pasted: one input event with 2,000 characters of Russia and combining marks.
        const pasted = `russia ${'e\u0301'.repeat(1000)}`;
        await page.fill(SEARCH, '');
        await page.keyboard.insertText(pasted);
        await until(async () => (await combobox(page)).value.length === 100, 'the field holds the limit');
        const kept = (await combobox(page)).value;
        assert.equal(kept, [...pasted].slice(0, 100).join(''), 'the first 100 characters are kept');
        const said = 'Too long for the search: only its first 100 characters are kept.';
        await until(async () => (await shown()) === said, 'the notice shows beside the field');
        assert.equal(await page.getAttribute(SEARCH, 'aria-describedby'), 'search-cut', 'the field is described by the notice');
        await until(async () => (await combobox(page)).live.startsWith(said), 'the notice is announced with the results');
        const box = await page.locator(notice).boundingBox();
        const field = await page.locator(SEARCH).boundingBox();
        assert.ok(box.y >= field.y + field.height && box.y - (field.y + field.height) < 40, 'right under the field');
        await page.screenshot({ path: path.join(outDir(), 'search-shortened-en-1280.png') });

        // Switching the language (the results closed first: they cover the switch) says it in Chinese.
        await page.keyboard.press('Escape');
        await page.click('[data-testid=lang-toggle]');
        await page.click(SEARCH);
        await until(async () => (await shown()) === '搜索内容过长,只保留了前 100 个字符。', 'the notice in Chinese');

        // Deleting a character: the query fits, and the notice goes.
        await page.keyboard.press('End');
        await page.keyboard.press('Backspace');
        await until(async () => (await shown()) === null, 'the notice goes once the query fits');
        assert.equal((await combobox(page)).value.length, 99);
        assert.equal(await page.getAttribute(SEARCH, 'aria-describedby'), null);

        // The address holds the same limit, and says so alike.
        await page.goto(at(`?lang=en&q=${encodeURIComponent('russia '.repeat(30))}`), { waitUntil: 'load' });
        await waitForMount(page);
        await until(async () => (await combobox(page)).value === 'russia '.repeat(30).slice(0, 100), '?q= is cut to 100 characters');
        await until(async () => (await shown()) === said, 'and the reader is told');
        assert.deepEqual(problems(log), []);
      } finally {
        await context.close();
      }
    });

  test('Up, Down, Enter and Escape work as in the WAI-ARIA combobox; / and Ctrl+K reach the search from anywhere',
    { timeout: TEST_TIMEOUT }, async () => {
      const { context, page, log } = await openPage(browser, { locale: 'en-US', width: 390, height: 844 });
      try {
        await page.goto(ATLAS_URL, { waitUntil: 'load' });
        await waitForMount(page);
        const box = await page.locator(SEARCH).boundingBox();
        assert.ok(box.x >= 0 && box.x + box.width <= 390, `the field fits a 390 px screen: ${JSON.stringify(box)}`);
        const options = await searchFor(page, 'russia');
        const n = options.length;
        assert.ok(n >= 3);
        assert.equal((await combobox(page)).active, null, 'typing reaches no option yet');
        const active = async () => {
          const s = await combobox(page);
          const sel = (await searchOptions(page)).filter((o) => o.selected).map((o) => o.id);
          assert.deepEqual(sel, s.active ? [s.active] : [], 'exactly the active option is aria-selected');
          return s.active;
        };
        await page.keyboard.press('ArrowDown');
        assert.equal(await active(), options[0].id);
        await page.keyboard.press('ArrowDown');
        assert.equal(await active(), options[1].id);
        await page.keyboard.press('ArrowUp');
        await page.keyboard.press('ArrowUp');
        assert.equal(await active(), options[n - 1].id, 'Up from the first option wraps to the last');
        await page.screenshot({ path: path.join(outDir(), 'search-en-390.png') });
        await page.keyboard.press('Escape');
        let s = await combobox(page);
        assert.deepEqual([s.expanded, s.listShown, s.active, s.value, s.focused], ['false', false, null, 'russia', true],
          'Escape closes the list and keeps the text');
        await page.keyboard.press('ArrowDown');
        assert.equal((await combobox(page)).expanded, 'true', 'Down opens it again');
        await page.keyboard.press('Escape');
        await page.keyboard.press('Escape');
        assert.equal((await combobox(page)).value, '', 'a second Escape clears the field');

        // From far down the page, `/` brings the field to the top of the window.
        await page.keyboard.press('Tab');
        await page.evaluate(() => window.scrollTo(0, 3000));
        await page.evaluate(() => document.activeElement?.blur());
        await page.keyboard.press('/');
        s = await combobox(page);
        assert.ok(s.focused, '/ focuses the search');
        assert.ok(await inView(page, SEARCH), 'the field is in view where the reader is');
        assert.ok(await page.evaluate(() => window.scrollY > 2000), 'the page did not jump to the top');
        await page.keyboard.type('EU');
        await until(async () => (await searchOptions(page)).length > 0, 'results for EU');
        await page.keyboard.press('Escape');
        await page.keyboard.press('Tab');
        await page.keyboard.press('Control+k');
        assert.ok((await combobox(page)).focused, 'Ctrl+K focuses the search');
        assert.deepEqual(problems(log), []);
      } finally {
        await context.close();
      }
    });
});
