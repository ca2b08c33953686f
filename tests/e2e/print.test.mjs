// The print edition: "Print / save as PDF" in either language gives an A4 document of at most 24
// pages — a cover (title, the atlas's citations, the permalink of the view, the date printed, the
// contents), the sections with every chart a numbered figure (1, 2, 3… in page order, none
// missing) drawn as vectors, the data tables in an appendix — with no page under half full except
// one a forced break ends; "Print this chart" gives one page with the chart's title and source.
//
// The page prints what `views::print` decides once it knows it prints (`beforeprint`, or
// `matchMedia('print')`, which emulating print media sets off): the test stubs `window.print`,
// clicks the page's own print action, then emulates print media and prints with page.pdf.
//
// The edition's cover and appendix are not in the first load: `cargo xtask dist` writes them
// into print/<lang>.html, which the page reads only when it prints the whole atlas (and the
// single file carries in a <template>).

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import { ATLAS_URL, TEST_TIMEOUT, outDir, useChromium, waitForCanvases } from './lib.mjs';
import { cspViolations, inkFraction, needEnv, needPrograms, openPageWith, readPgm, skipIf } from './publish-lib.mjs';

const chromium = useChromium();
const A4 = { format: 'A4', printBackground: true, preferCSSPageSize: true };
const MAX_PAGES = 24;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December'];
/** The date printed as the cover writes it. */
const printedOn = ({ y, m, d }, lang) => (lang === 'zh' ? `${y} 年 ${m} 月 ${d} 日` : `${d} ${MONTHS[m - 1]} ${y}`);

const EDITION = {
  zh: { title: '外贸新质生产力:2023 年中国外贸图集', figure: /^图 (\d+)$/, appendix: '附录:数据表' },
  en: { title: "Trade Atlas: China's foreign trade in 2023", figure: /^Figure (\d+)$/, appendix: 'Appendix: data tables' },
};

/** Stub the print dialog and click an action that prints; resolve once it asked for the dialog. */
async function askToPrint(page, click) {
  await page.evaluate(() => {
    window.__printCalls = 0;
    window.print = () => { window.__printCalls += 1; };
  });
  await click();
  await page.waitForFunction(() => window.__printCalls === 1);
}

/** Emulate print media (the page builds what prints) and wait until every printed figure is drawn. */
async function emulatePrint(page, ready, arg = null) {
  await page.emulateMedia({ media: 'print' });
  await page.waitForFunction(ready, arg, { polling: 'raf' });
}

/** The words of each page of a PDF with their boxes, and each page's size (pdftotext -bbox). */
function pagesOf(pdf) {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map(([, w, h, body]) => ({
    width: Number(w),
    height: Number(h),
    words: [...body.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)]
      .map(([, , y0, , y1, text]) => ({ y0: Number(y0), y1: Number(y1), text: text.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'") })),
  }));
}

/** A text without its white space. */
const squash = (t) => t.replace(/\s+/g, '');
/** A page's words inside its margins: not the running head and foot (whose boxes end above 36 pt
 * from the top, start below 36 pt from the bottom; the margins are 15 mm, 42.5 pt, and more). */
const inside = (p) => p.words.filter((w) => w.y1 > 36 && w.y0 < p.height - 36);
/** The first 40 characters a page prints inside its margins, without white space. */
const top = (p) => squash(inside(p).map((w) => w.text).join('')).slice(0, 40);

/** A page's lines inside its margins: words that share a top, their text without white space. */
function lines(p) {
  const by = new Map();
  for (const w of inside(p)) {
    const key = Math.round(w.y0);
    const line = by.get(key) ?? { y1: 0, text: '' };
    by.set(key, { y1: Math.max(line.y1, w.y1), text: line.text + squash(w.text) });
  }
  return [...by.values()];
}

/** The text of one page of a PDF, as laid out. */
const pageText = (pdf, n) => execFileSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), pdf, '-'],
  { encoding: 'utf8', maxBuffer: 16 << 20 });

/** Render pages of a PDF as PNGs into the output directory, for review. */
function keep(pdf, name, pages) {
  for (const n of pages) {
    execFileSync('pdftoppm', ['-r', '50', '-png', '-f', String(n), '-l', String(n), '-singlefile', pdf, path.join(outDir(), `${name}-${n}`)]);
  }
}

describe('print', { skip: skipIf(needEnv('ATLAS_URL'), needPrograms('pdfinfo', 'pdftotext', 'pdftoppm', 'pdfimages')) }, () => {
  for (const [lang, ed] of Object.entries(EDITION)) {
    test(`${lang}: the whole page prints as an edition of at most ${MAX_PAGES} A4 pages — cover, numbered figures, appendix`, {
      timeout: TEST_TIMEOUT * 2,
    }, async () => {
      await chromium.page({ locale: lang === 'zh' ? 'zh-CN' : 'en-US' }, async ({ page }) => {
        await page.goto(new URL(`?lang=${lang}`, ATLAS_URL).href);
        await waitForCanvases(page);
        await askToPrint(page, () => page.locator('[data-testid=print]').click());
        await emulatePrint(page, () => document.querySelector('[data-testid=print-cover]')
          && document.querySelector('[data-testid=print-appendix] table')
          && [...document.querySelectorAll('.card:has(canvas)')].every((c) => c.querySelector('.print-fig svg')));
        const dom = await page.evaluate(() => ({
          link: location.href,
          figures: [...document.querySelectorAll('.card-title:has(.fig-num)')].map((t) => [t.querySelector('.fig-num').textContent, t.textContent]),
          tables: document.querySelectorAll('[data-testid=print-appendix] table').length,
          boxes: document.querySelectorAll('main .dataset details.table-box').length,
          heads: [...document.querySelectorAll('.paper-section .section-head h2, .glossary h2, .about h2, .print-appendix h2')]
            .map((h) => h.textContent),
          canvasCards: document.querySelectorAll('.card:has(canvas)').length,
          day: (() => { const t = new Date(); return { y: t.getFullYear(), m: t.getMonth() + 1, d: t.getDate() }; })(),
        }));
        const pdf = path.join(outDir(), `print-${lang}.pdf`);
        await page.pdf({ path: pdf, ...A4 });
        await page.emulateMedia({ media: 'screen' });
        await page.waitForFunction(() => !document.querySelector('[data-testid=print-cover]'));

        const pages = pagesOf(pdf);
        keep(pdf, `print-${lang}`, pages.map((_, i) => i + 1));
        assert.ok(pages.length <= MAX_PAGES, `${pages.length} pages, at most ${MAX_PAGES}`);
        for (const p of pages) {
          assert.ok(Math.abs(p.width - 595.3) < 1 && Math.abs(p.height - 841.9) < 1, `A4: ${p.width}×${p.height} pt`);
        }

        // The cover: the title, the citations, the permalink of the view and the date printed.
        const cover = pageText(pdf, 1);
        const flat = squash(cover);
        assert.ok(flat.includes(squash(ed.title)), 'the title is on the cover');
        assert.match(cover, /GB\/T 7714-2015/);
        assert.match(cover, /APA/);
        assert.ok(flat.includes(squash(dom.link)), `the permalink ${dom.link} is on the cover`);
        assert.ok(flat.includes(squash(printedOn(dom.day, lang))), `printed on ${printedOn(dom.day, lang)}`);
        assert.ok(flat.includes(squash(ed.appendix)), 'the contents list the appendix');

        // The figures: numbered 1, 2, 3… in page order, none missing, each printed with its title
        // in that order before the appendix; canvas charts print as vectors (nothing in the PDF
        // is a bitmap).
        const appendixAt = pages.findIndex((p, i) => i > 0 && top(p).includes(squash(ed.appendix)));
        assert.ok(appendixAt > 1, 'the appendix starts a page after the sections');
        const nums = dom.figures.map(([label]) => Number(label.match(ed.figure)?.[1]));
        assert.ok(nums.length >= 20, `${nums.length} figures`);
        assert.deepEqual(nums, Array.from({ length: nums.length }, (_, i) => i + 1), 'figure numbers run in order');
        const body = squash(execFileSync('pdftotext', ['-l', String(appendixAt), pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }));
        let at = 0;
        for (const [label, title] of dom.figures) {
          const found = body.indexOf(squash(title).slice(0, 16), at);
          assert.ok(found >= 0, `${label} "${title}" printed after figure ${nums[dom.figures.findIndex(([l]) => l === label) - 1] ?? 0}`);
          at = found + 1;
        }
        // A figure's title is never the foot of a page with its drawing on the next: under the
        // line that starts it, its page carries at least 20 pt more (two lines of a list, the top
        // of a drawing).
        for (const [label, title] of dom.figures) {
          const start = squash(title).slice(0, 12);
          const p = pages.find((pg) => lines(pg).some((l) => l.text.includes(start)));
          assert.ok(p, `${label} found on a page`);
          const line = lines(p).find((l) => l.text.includes(start));
          const below = Math.max(...inside(p).map((w) => w.y1)) - line.y1;
          assert.ok(below >= 20, `${label}: ${below.toFixed(0)} pt under its title on page ${pages.indexOf(p) + 1}`);
        }
        const images = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).trim().split('\n').slice(2);
        assert.deepEqual(images, [], 'no chart prints as a bitmap');

        // The appendix carries the map layer's table and every dataset's.
        assert.equal(dom.tables, dom.boxes + 1, "the map layer's table and every dataset's");

        // No page under half full but the last of a section (the next page starts with a section's
        // heading) or of the document: a page's lowest word, the running foot aside.
        const starts = dom.heads.map((h) => squash(h).slice(0, 10));
        const opensSection = (p) => starts.some((h) => top(p).includes(h));
        const short = pages.map((p, i) => ({ n: i + 1, fill: Math.max(0, ...inside(p).map((w) => w.y1)) / p.height }))
          .filter(({ n, fill }) => fill < 0.5 && n < pages.length && !opensSection(pages[n]));
        assert.deepEqual(short, [], 'pages under half full');
      });
    });
  }

  test('the edition is read only when the page prints: the browser\'s own print command prints its cover and appendix, the layer\'s table and the selection as shown', {
    timeout: TEST_TIMEOUT,
  }, async () => {
    await chromium.page({ locale: 'en-US' }, async ({ page }) => {
      await page.goto(new URL('?lang=en&sel=USA&layer=map-ports', ATLAS_URL).href);
      await waitForCanvases(page);
      const reads = () => page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/print/en.html')).length);
      assert.equal(await reads(), 0, 'not read by a reader who does not print');
      assert.equal(await page.locator('[data-testid=print-cover], [data-testid=print-appendix]').count(), 0, 'not in the page on screen');

      // No button: print media alone, as the browser's own print command sets it.
      await emulatePrint(page, () => document.querySelector('[data-testid=print-cover]')
        && document.querySelector('[data-testid=print-appendix] table'));
      const printed = await page.evaluate(() => ({
        link: document.querySelector('[data-testid=print-link] a')?.getAttribute('href'),
        date: document.querySelector('[data-testid=print-date]')?.textContent,
        coverFirst: document.querySelector('[data-print-slot=cover] .print-cover') !== null,
        layers: [...document.querySelectorAll('[data-testid=print-appendix] [data-layer]')].map((d) => d.dataset.layer),
        first: document.querySelector('[data-testid=print-appendix] table caption')?.textContent,
        selected: [...document.querySelectorAll('[data-testid=print-appendix] tr.selected')].map((r) => r.dataset.e),
        href: location.href,
        day: (() => { const t = new Date(); return { y: t.getFullYear(), m: t.getMonth() + 1, d: t.getDate() }; })(),
      }));
      assert.ok(printed.coverFirst, 'the cover in its slot at the top of the page');
      assert.equal(printed.link, printed.href, 'the cover carries the permalink of the view');
      assert.equal(printed.date, printedOn(printed.day, 'en'), 'and the day it prints');
      assert.deepEqual(printed.layers, ['map-ports:0'], "the shown layer's table alone, in its reading");
      assert.match(printed.first, /^Table A1 · /, "the map layer's table first");
      assert.ok(printed.selected.length >= 2, `the selection's rows marked in the appendix: ${printed.selected.length}`);
      assert.ok(printed.selected.every((e) => e.split(' ').includes('USA')), `only the selection's: ${printed.selected}`);
      await page.emulateMedia({ media: 'screen' });
      await page.waitForFunction(() => !document.querySelector('[data-testid=print-cover], [data-testid=print-appendix]'));
      assert.equal(await reads(), 1, 'read once, when it printed');
    });
  });

  test('printed offline, without the edition, the page prints every table under its chart instead', { timeout: TEST_TIMEOUT }, async () => {
    // The edition's file refused (as offline); everything else of the site allowed.
    const allow = (u) => u.startsWith(ATLAS_URL) && !u.includes('/print/');
    await chromium.pageWith(openPageWith, { locale: 'zh-CN', allow }, async ({ page, log }) => {
      await page.goto(new URL('?lang=zh', ATLAS_URL).href);
      await waitForCanvases(page);
      await askToPrint(page, () => page.locator('[data-testid=print]').click());
      await emulatePrint(page, () => [...document.querySelectorAll('.card:has(canvas)')].every((c) => c.querySelector('.print-fig svg')));
      const shown = await page.evaluate(() => ({
        cover: document.querySelectorAll('[data-testid=print-cover], [data-testid=print-appendix]').length,
        boxes: [...document.querySelectorAll('main .dataset details.table-box')].map((d) => getComputedStyle(d).display),
        datasets: document.querySelectorAll('main .dataset:has(details.table-box)').length,
      }));
      assert.equal(shown.cover, 0, 'no cover, no appendix');
      assert.ok(shown.boxes.length >= 20 && shown.boxes.length === shown.datasets, `${shown.boxes.length} tables`);
      assert.ok(shown.boxes.every((d) => d !== 'none'), `every table prints: ${shown.boxes}`);
      await page.emulateMedia({ media: 'screen' });
      assert.deepEqual(log.foreign, [`GET ${new URL('print/zh.html', ATLAS_URL).href}`], 'the one request refused');
      assert.deepEqual(log.pageErrors, [], 'no error but the refused request');
      assert.ok(log.consoleErrors.every((e) => e.text.startsWith('Failed to load resource')), JSON.stringify(log.consoleErrors));
    });
  });

  test('the single file prints the edition from file:// with no network: it carries the cover and appendix itself', {
    timeout: TEST_TIMEOUT,
    skip: needEnv('ATLAS_DIST'),
  }, async () => {
    const file = path.join(process.env.ATLAS_DIST ?? '', 'trade-atlas.html');
    await chromium.pageWith(openPageWith, { locale: 'zh-CN', allow: (u) => u.startsWith('file:') }, async ({ page, log }) => {
      const url = `${pathToFileURL(file).href}?lang=zh`;
      await page.goto(url);
      await waitForCanvases(page);
      await askToPrint(page, () => page.locator('[data-testid=print]').click());
      await emulatePrint(page, () => document.querySelector('[data-testid=print-cover]')
        && document.querySelector('[data-testid=print-appendix] table'));
      const cover = await page.locator('[data-testid=print-cover] h1').textContent();
      assert.equal(cover, EDITION.zh.title);
      assert.ok(await page.locator('[data-testid=print-appendix] table').count() >= 20, 'every table in the appendix');
      await page.emulateMedia({ media: 'screen' });
      assert.deepEqual(log.requests.filter((u) => u.startsWith('file:')), [url], 'the one file is all it reads');
      assert.deepEqual(log.foreign, []);
      assert.deepEqual([...log.pageErrors, ...log.consoleErrors, ...log.failed], []);
      assert.deepEqual(await cspViolations(page), [], 'its stylesheet allowed by its policy');
    });
  });

  test('"Print this chart" prints one page with the chart, its title and its source, in the light theme from the dark', { timeout: TEST_TIMEOUT }, async () => {
    await chromium.page({ locale: 'en-US' }, async ({ page }) => {
      const chart = 'partners-exports';
      await page.goto(new URL('?lang=en&theme=dark', ATLAS_URL).href);
      await waitForCanvases(page);
      const fig = page.locator(`figure[data-chart="${chart}"]`);
      await fig.locator('details[data-testid=chart-menu] > summary').click();
      await askToPrint(page, () => fig.locator('[data-action=print]').click());
      await emulatePrint(page, (id) => document.querySelector(`figure[data-chart="${id}"] .print-fig svg`), chart);
      const want = await page.evaluate((id) => {
        const card = document.querySelector(`figure[data-chart="${id}"]`);
        return {
          title: card.querySelector('.card-title').textContent.trim(),
          source: card.closest('.dataset').querySelector(':scope > .source').textContent.trim(),
          others: document.querySelectorAll('.fig-num').length,
          across: card.querySelector('.print-fig svg').getBoundingClientRect().width / card.closest('.cards').getBoundingClientRect().width,
        };
      }, chart);
      assert.equal(want.others, 1, 'one figure numbered: the chart printed');
      assert.ok(want.across > 0.95, `the chart spans the page: ${(want.across * 100).toFixed(0)}% of its width`);
      const pdf = path.join(outDir(), 'print-chart.pdf');
      await page.pdf({ path: pdf, ...A4 });
      await page.emulateMedia({ media: 'screen' });
      keep(pdf, 'print-chart', [1]);

      const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
      assert.equal(Number(info.match(/^Pages:\s+(\d+)/m)?.[1]), 1, 'one page');
      const text = pageText(pdf, 1).replace(/\s+/g, ' ');
      assert.ok(squash(text).includes(squash(want.title)), `the title "${want.title}"`);
      assert.ok(squash(text).includes(squash(want.source)), `the source "${want.source}"`);
      assert.ok(/Russia/.test(text), 'the chart is drawn as text-bearing vectors');
      const images = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).trim().split('\n').slice(2);
      assert.deepEqual(images, [], 'nothing prints as a bitmap');
      // White paper: a page in the dark theme's colours would be mostly ink.
      const grey = path.join(outDir(), 'print-chart-grey');
      execFileSync('pdftoppm', ['-r', '30', '-gray', '-singlefile', pdf, grey]);
      const ink = inkFraction(readPgm(readFileSync(`${grey}.pgm`)));
      assert.ok(ink < 0.15, `printed in the light theme: ${(ink * 100).toFixed(1)}% of the page is ink`);

      // After printing, the page prints whole again.
      await page.waitForFunction(() => !document.documentElement.hasAttribute('data-print-one'));
    });
  });
});
