// Embeds: ?embed=<chart> shows one chart alone (title, chart, source line, link back), controls=0
// hides the controls and menu; a host page on another origin that iframes two charts with the
// host script gets both drawn and each frame sized to the height its chart posts; the chart
// menu's "Embed" offers the <iframe> snippet and the host script.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { ATLAS_ORIGIN, ATLAS_URL, SKIP_REASON, TEST_TIMEOUT, until, useChromium, waitFor, waitForCanvases } from './lib.mjs';
import {
  FIXTURES, cspViolations, openPageWith, recordCspViolations, startStaticServer, waitForDrawnIn,
} from './publish-lib.mjs';

const at = (query) => new URL(query, ATLAS_URL).href;
const HOST_HTML = path.join(FIXTURES, 'host.html');

/** The host script as copied into the fixture (its last inline script). */
async function fixtureHostScript() {
  const html = await readFile(HOST_HTML, 'utf8');
  const scripts = [...html.matchAll(/<script>[\s\S]*?<\/script>/g)].map((m) => m[0]);
  assert.equal(scripts.length, 1, 'the fixture has exactly one inline script, the host script');
  return scripts[0];
}

/** The parts of an embed page that matter. */
function embedShape(page) {
  return page.evaluate(() => {
    const main = document.querySelector('main.embed');
    const link = main?.querySelector('.embed-link a');
    return {
      embed: main?.getAttribute('data-embed') ?? null,
      figures: [...document.querySelectorAll('figure.card')].map((f) => f.getAttribute('data-chart')),
      canvases: document.querySelectorAll('canvas').length,
      title: main?.querySelector('figure.card .card-title')?.textContent.trim() ?? '',
      source: main?.querySelector('p.source')?.textContent.trim() ?? '',
      link: link ? { href: link.href, text: link.textContent.trim(), target: link.target } : null,
      fullPage: !!document.querySelector('main#main, header.masthead, nav.toc'),
      controls: document.querySelectorAll('select[data-control]').length,
      menus: document.querySelectorAll('details[data-testid=chart-menu], .menu').length,
      notice: !!document.querySelector('[data-testid=url-notice]'),
      lang: document.documentElement.lang,
      search: location.search,
    };
  });
}

describe('embeds', { skip: SKIP_REASON }, () => {
  const chromium = useChromium();

  test('?embed=partners-exports shows that chart alone with its source and a link back', { timeout: TEST_TIMEOUT }, async () => {
    await chromium.page({ locale: 'zh-CN' }, async ({ page }) => {
      await page.goto(at('?embed=partners-exports&lang=en'));
      assert.equal(await waitForDrawnIn(page, 'main.embed'), 1, 'one canvas, drawn');
      const s = await embedShape(page);
      assert.equal(s.embed, 'partners-exports');
      assert.deepEqual(s.figures, ['partners-exports'], 'exactly one chart card');
      assert.equal(s.canvases, 1);
      assert.equal(s.fullPage, false, 'no masthead, contents or sections of the full atlas');
      assert.equal(s.lang, 'en');
      assert.equal(s.title, "Table 3: China's ten main trading partners");
      assert.ok(s.source.length > 10, `a source line: "${s.source}"`);
      assert.match(s.source, /Customs|Source/i, `the source line names a source: "${s.source}"`);
      assert.ok(s.controls >= 1, 'the reading controls are there by default');
      assert.equal(s.menus, 1, 'the chart menu is there by default');
      assert.equal(s.notice, false);
      assert.ok(s.link, 'a link back to the full atlas');
      assert.equal(s.link.text, 'See the full Trade Atlas ↗');
      const back = new URL(s.link.href);
      assert.equal(back.origin + back.pathname, new URL(ATLAS_URL).href, 'the link goes to the atlas itself');
      assert.equal(back.search, '?lang=en');
      assert.equal(back.hash, '#chart-partners-exports');

      // Following it opens the full atlas at that chart.
      await page.goto(s.link.href);
      await waitForCanvases(page);
      assert.ok((await page.locator('figure.card').count()) > 20, 'the full atlas');
      assert.equal(await page.locator('#chart-partners-exports').count(), 1);
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      await waitFor(page, () => {
        const top = document.getElementById('chart-partners-exports').getBoundingClientRect().top;
        return top >= 0 && top < innerHeight;
      }, null, 'the linked chart is scrolled into view');
    });
  });

  test('controls=0 hides the reading controls and the menu', { timeout: TEST_TIMEOUT }, async () => {
    await chromium.page({ locale: 'en-US' }, async ({ page }) => {
      await page.goto(at('?embed=partners-exports&lang=en&controls=0'));
      assert.equal(await waitForDrawnIn(page, 'main.embed'), 1);
      const s = await embedShape(page);
      assert.deepEqual(s.figures, ['partners-exports']);
      assert.equal(s.controls, 0, 'no select[data-control]');
      assert.equal(s.menus, 0, 'no chart menu');
      assert.ok(s.source && s.link, 'source line and link back are kept');
      assert.ok(new URLSearchParams(s.search).get('controls') === '0', `controls=0 stays in the address: ${s.search}`);
    });
  });

  test('a host page on another origin gets both frames drawn and sized to their content', { timeout: TEST_TIMEOUT }, async (t) => {
    const host = await startStaticServer({
      root: FIXTURES,
      rewrite: (rel, text) => (rel === 'host.html' ? text.replaceAll('__ATLAS_URL__', ATLAS_URL) : text),
    });
    try {
      await chromium.pageWith(openPageWith, {
        allow: (url) => [host.origin, ATLAS_ORIGIN].includes(new URL(url).origin),
        width: 900,
        height: 900,
      }, async ({ page, log }) => {
        assert.notEqual(host.origin, ATLAS_ORIGIN, 'the host page is on another origin than the atlas');
        await page.goto(`${host.url}host.html`);
        const frames = { zh: ['#frame-zh', 'partners-exports', 'zh-CN'], en: ['#frame-en', 'penetration-slope', 'en'] };
        for (const [name, [sel, chart]] of Object.entries(frames)) {
          // Frame locators: the embed's canvas gets drawn once the reader scrolls to it (charts draw
          // near the view, and a cross-origin frame only knows the host's viewport; the first frame
          // growing to its posted height can push the second below it).
          await page.$eval(sel, (f) => f.scrollIntoView({ block: 'center', behavior: 'instant' }));
          await page.frameLocator(sel).locator(`main.embed[data-embed="${chart}"] canvas[data-drawn="1"]`)
            .waitFor({ state: 'attached' });
          assert.equal(await page.frameLocator(sel).locator('figure.card').count(), 1, `${name}: one chart in the frame`);
        }
        for (const [name, [sel, chart, lang]] of Object.entries(frames)) {
          const frame = await (await page.$(sel)).contentFrame();
          assert.ok(frame, `${name}: the frame has a document`);
          assert.equal(await frame.evaluate(() => document.documentElement.lang), lang, `${name}: language from its address`);
          // The host script sets the posted height; it must match the frame's content.
          const fit = await until(async () => {
            const h = await page.$eval(sel, (f) => f.style.height);
            if (h === '560px') return null;
            const body = await frame.evaluate(() => ({ scroll: document.body.scrollHeight, offset: document.body.offsetHeight }));
            const px = parseFloat(h);
            return Math.abs(px - Math.max(body.scroll, body.offset)) <= 3 ? { h, px, body } : null;
          }, `${name} (${chart}): the iframe's height should become its content's posted height`);
          t.diagnostic(`${name} (${chart}): iframe height 560px → ${fit.h}; frame body scrollHeight ${fit.body.scroll}px`);
          assert.ok(fit.px > 100, `${name}: a plausible height (${fit.h})`);
          const box = await page.$eval(sel, (f) => f.getBoundingClientRect().height);
          assert.ok(Math.abs(box - fit.px) <= 1, `${name}: the frame's box is ${box}px, style says ${fit.h}`);
          // The frame shows its whole content: no inner scrolling needed.
          const inner = await frame.evaluate(() => ({ sh: document.documentElement.scrollHeight, ih: innerHeight }));
          assert.ok(inner.sh <= inner.ih + 1, `${name}: the frame's document (${inner.sh}px) fits its ${inner.ih}px height`);
          assert.deepEqual(await cspViolations(frame), [], `${name}: no CSP violation in the frame`);
        }
        assert.deepEqual(await cspViolations(page), []);
        assert.deepEqual(log.foreign, []);
        assert.deepEqual(log.pageErrors, []);
        assert.deepEqual(log.consoleErrors, []);
        assert.deepEqual(log.failed, []);
        assert.deepEqual(log.httpErrors, []);
      });
    } finally {
      await host.close();
    }
  });

  test('the chart menu offers the <iframe> snippet and the host script', { timeout: TEST_TIMEOUT }, async () => {
    await chromium.page({ locale: 'en-US' }, async ({ page, context }) => {
      await recordCspViolations(context);
      await page.goto(at('?lang=en'));
      await waitForCanvases(page);
      const fig = page.locator('figure[data-chart="partners-exports"]');
      await fig.locator('details[data-testid=chart-menu] summary').click();
      await fig.locator('[data-action=embed]').click();
      const code = fig.locator('[data-testid=embed-code]');
      await code.waitFor();
      const snippet = (await code.inputValue()).trim();
      const base = new URL(ATLAS_URL);
      const m = snippet.match(/^<iframe src="([^"]+)" title="([^"]*)" data-trade-atlas style="([^"]*)"[^>]*><\/iframe>$/);
      assert.ok(m, `an <iframe> snippet: ${snippet}`);
      assert.ok(snippet.startsWith(`<iframe src="${base.origin}${base.pathname}?embed=partners-exports`), snippet);
      const src = new URL(m[1]);
      assert.equal(src.searchParams.get('embed'), 'partners-exports');
      assert.equal(src.searchParams.get('lang'), 'en');
      assert.equal(m[2], "Table 3: China's ten main trading partners");
      assert.match(m[3], /height:560px/);
      const script = (await fig.locator('[data-testid=embed-script]').inputValue()).trim();
      assert.equal(script, await fixtureHostScript(),
        'tests/e2e/fixtures/host.html carries the same host script as the menu offers (update the fixture)');

      // The snippet's address shows that chart.
      await page.goto(src.href);
      assert.equal(await waitForDrawnIn(page, 'main.embed[data-embed="partners-exports"]'), 1);
      assert.deepEqual(await cspViolations(page), []);
    });
  });
});
