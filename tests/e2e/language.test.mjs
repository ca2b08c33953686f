// Language switch: from Chinese (browser locale zh-CN) to English with the toggle; every chart
// title and the page title change, the canvases redraw (those in view at once, the others when
// they come into view), and the choice survives a reload.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  ATLAS_URL, LANGS, SKIP_REASON, TEST_TIMEOUT, canvasImages, expectText, gotoAtlas, settle, showChart, until,
  useChromium, waitForCanvases,
} from './lib.mjs';

const titles = (page) => page.$$eval('figure.card[data-chart]', (fs) =>
  Object.fromEntries(fs.map((f) => [f.getAttribute('data-chart'), f.querySelector('.card-title')?.textContent.trim() ?? ''])));

describe('language', { skip: SKIP_REASON }, () => {
  const chromium = useChromium();

  test('the toggle switches zh → en, redraws the charts and is remembered', { timeout: TEST_TIMEOUT }, async () => {
    await chromium.page({ locale: 'zh-CN' }, async ({ page }) => {
      const canvases = await gotoAtlas(page);
      assert.equal(await page.getAttribute('html', 'lang'), LANGS.zh.htmlLang);
      const zhH1 = (await page.textContent('h1')).trim();
      assert.equal(zhH1, LANGS.zh.h1);
      const zhTitles = await titles(page);
      const zhImages = await canvasImages(page);
      assert.ok(Object.keys(zhTitles).length >= 20, 'chart titles recorded');
      assert.equal(await page.evaluate(() => localStorage.getItem('trade-atlas.lang')), null,
        'no stored language before the toggle');

      await page.click('[data-testid=lang-toggle]');
      await page.waitForSelector('html[lang="en"]');
      assert.equal(await page.evaluate(() => localStorage.getItem('trade-atlas.lang')), 'en');

      // The h1 and every chart title are in English.
      await expectText(page, 'h1', LANGS.en.h1);
      const enTitles = await until(async () => {
        const t = await titles(page);
        return Object.entries(t).every(([id, s]) => s && s !== zhTitles[id]) ? t : null;
      }, 'every figure title should change after switching to English');
      assert.deepEqual(Object.keys(enTitles).sort(), Object.keys(zhTitles).sort(), 'the same charts in both languages');
      for (const [id, en] of Object.entries(enTitles)) {
        assert.ok(!/[\u4e00-\u9fff]/.test(en), `English title of ${id} still has Chinese characters: ${en}`);
      }

      // Canvases redraw where the reader is: the map at the top at once; a chart far down the page
      // keeps its Chinese pixels until it comes into view, then redraws in English.
      assert.equal(await waitForCanvases(page), canvases, 'the same number of canvases after the switch');
      await until(async () => (await canvasImages(page))['map-partners'] !== zhImages['map-partners'],
        'the map at the top of the page should redraw in English');
      const far = Object.keys(zhImages).at(-1);
      await settle(page);
      assert.equal((await canvasImages(page))[far], zhImages[far], `${far}, far off screen, is not redrawn yet`);
      for (const chart of ['partners-exports', far]) {
        await showChart(page, chart);
        await until(async () => (await canvasImages(page))[chart] !== zhImages[chart],
          `${chart} should redraw in English once in view`);
      }

      // The toggle now offers Chinese.
      assert.equal((await page.textContent('[data-testid=lang-toggle]')).trim(), '中文');

      // Reload: the stored choice wins over the zh-CN browser locale.
      await page.reload();
      assert.equal(await waitForCanvases(page), canvases);
      assert.equal(await page.getAttribute('html', 'lang'), LANGS.en.htmlLang);
      assert.equal((await page.textContent('h1')).trim(), LANGS.en.h1);
      assert.deepEqual(await titles(page), enTitles, 'titles after reload are the English ones');

      // And back to Chinese: the original titles return.
      await page.click('[data-testid=lang-toggle]');
      await page.waitForSelector('html[lang="zh-CN"]');
      await expectText(page, 'h1', LANGS.zh.h1);
      await until(async () => JSON.stringify(await titles(page)) === JSON.stringify(zhTitles),
        'the Chinese titles should return after switching back');
      assert.equal(await page.evaluate(() => localStorage.getItem('trade-atlas.lang')), 'zh');
    });
  });

  test('an en-US browser starts in English without a stored choice', { timeout: TEST_TIMEOUT }, async () => {
    await chromium.page({ locale: 'en-US' }, async ({ page }) => {
      await gotoAtlas(page);
      assert.equal(await page.getAttribute('html', 'lang'), LANGS.en.htmlLang);
      assert.equal((await page.textContent('h1')).trim(), LANGS.en.h1);
      assert.equal((await page.textContent('[data-testid=lang-toggle]')).trim(), '中文');
    });
  });

  test('?lang=en&theme=dark in the address wins over the browser; unknown parameters get a notice',
    { timeout: TEST_TIMEOUT }, async () => {
      await chromium.page({ locale: 'zh-CN', colorScheme: 'light' }, async ({ page }) => {
        await gotoAtlas(page, new URL('?lang=en&theme=dark&bogus=1', ATLAS_URL).href);
        assert.equal(await page.getAttribute('html', 'lang'), LANGS.en.htmlLang);
        assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
        assert.equal((await page.textContent('h1')).trim(), LANGS.en.h1);
        const notice = page.locator('[data-testid=url-notice]');
        assert.ok(await notice.isVisible(), 'a notice names the ignored parameter');
        assert.match(await notice.textContent(), /bogus=1/);
      });
    });
});
