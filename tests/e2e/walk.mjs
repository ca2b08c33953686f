// The reader's walk: what a reader does on a first visit, written once against the driver
// interface of engines.mjs and run in every engine (walk.test.mjs). Each step opens its own
// address, waits on conditions in the page (never a fixed time) and ends by checking that the
// page recorded no problem (probe.js: error events reaching window, unhandled rejections,
// console errors, CSP violations; plus what the driver reports) and made no request elsewhere.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { steadyInView } from './engines.mjs';
import { LANGS, WAIT_MS, luminance, outDir, readCsv } from './lib.mjs';

const MINUS = '\u2212';
const LAYERS = ['map-partners', 'map-flows', 'map-warehouses', 'map-economies', 'map-ecommerce', 'map-routes', 'map-ports'];
const TOUR = readCsv('data/tour.csv');
/** The narrowest viewport asked for; an engine whose window cannot be so narrow stays at its smallest. */
export const NARROW = { width: 390, height: 844 };
export const WIDE = { width: 1280, height: 900 };

// ---------------------------------------------------------------------------------------------
// Waiting and reading

/** Poll `fn(arg)` in the page until it returns something truthy; throw `message` with the last value. */
export async function until(s, fn, arg, message, timeout = WAIT_MS) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    last = await s.evaluate(fn, arg);
    if (last) return last;
    if (Date.now() > end) throw new Error(`${message} (waited ${timeout} ms; last: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** What went wrong in the page so far (the probe's record and the driver's), emptied as read. */
async function problems(s) {
  const recorded = await s.evaluate(() => (window.__atlasProblems ? window.__atlasProblems.splice(0)
    : ['the page has no problem recorder: probe.js was not put into it']));
  return [...recorded, ...s.driverProblems()];
}

/** The page so far recorded no problem and fetched nothing from another origin. */
export async function expectClean(s, what) {
  assert.deepEqual(await problems(s), [], `${s.engine}: ${what}: no error event, rejection, console error or CSP violation`);
  const elsewhere = await s.evaluate(() => {
    const here = location.protocol === 'file:' ? 'file:' : location.origin;
    return performance.getEntriesByType('resource').map((e) => e.name)
      .filter((u) => !/^(data|blob):/.test(u) && (here === 'file:' ? !u.startsWith('file:') : new URL(u).origin !== here));
  });
  assert.deepEqual(elsewhere, [], `${s.engine}: ${what}: no request to another origin`);
}

/** Navigate to `url`, as a new document even when only its #fragment differs from the page's address. */
async function visit(s, url) {
  const here = await s.evaluate(() => location.href.split('#')[0]);
  if (here === url.split('#')[0] && url.includes('#')) await s.goto('about:blank');
  await s.goto(url);
}

/** Open `url` and wait until the app has replaced the first screen and drawn the map (or the embedded chart). */
async function open(s, url) {
  await visit(s, url);
  await until(s, () => !document.getElementById('shell') && !!document.querySelector('main canvas[data-drawn="1"]'),
    null, `${url}: the app mounts and draws its first chart`);
}

/** Per canvas (by its chart id): drawn, CSS and backing widths, background pixel and share of ink. */
function canvases(s, { inView = false } = {}) {
  return s.evaluate((onlyInView) => [...document.querySelectorAll('main canvas')]
    .filter((c) => {
      const r = c.getBoundingClientRect();
      return !onlyInView || (r.bottom > 0 && r.top < innerHeight && r.width > 0);
    })
    .map((c) => {
      const r = c.getBoundingClientRect();
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let ink = 0;
      for (let i = 0; i < d.length; i += 4) {
        if (d[i] !== d[0] || d[i + 1] !== d[1] || d[i + 2] !== d[2] || d[i + 3] !== d[3]) ink++;
      }
      return {
        chart: c.closest('figure.card')?.getAttribute('data-chart') ?? '?',
        drawn: c.getAttribute('data-drawn') === '1',
        cssWidth: r.width,
        width: c.width,
        ratio: devicePixelRatio,
        background: [d[0], d[1], d[2], d[3]],
        ink: d.length ? ink / (d.length / 4) : 0,
      };
    }), inView);
}

/**
 * Scroll down the page a screen at a time as a reader would, each time waiting until what is in
 * view is built and drawn; then every part of the page is built and every canvas drawn with ink.
 * Returns the canvases.
 */
async function scrollThrough(s, what) {
  await s.evaluate(() => scrollTo({ top: 0, behavior: 'instant' }));
  for (let screens = 0; ; screens++) {
    assert.ok(screens < 200, `${what}: the page ends within 200 screens`);
    await until(s, () => {
      const seen = (e) => { const r = e.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; };
      return ![...document.querySelectorAll('.deferred[data-built=false]')].some(seen) &&
        [...document.querySelectorAll('main canvas')].filter(seen).every((c) => c.getAttribute('data-drawn') === '1');
    }, null, `${what}: what is in view after ${screens} screens is built and drawn`);
    const moved = await s.evaluate(() => {
      const y = scrollY;
      scrollTo({ top: y + Math.round(innerHeight * 0.8), behavior: 'instant' });
      return scrollY > y;
    });
    if (!moved) break;
  }
  const unbuilt = await s.evaluate(() => document.querySelectorAll('.deferred[data-built=false]').length);
  assert.equal(unbuilt, 0, `${what}: every part of the page is built once the reader has scrolled through`);
  const all = await canvases(s);
  assert.ok(all.length >= 20, `${what}: at least 20 canvases, found ${all.length}`);
  const blank = all.filter((c) => !c.drawn || !(c.ink > 0.01)).map((c) => `${c.chart} (${(c.ink * 100).toFixed(2)}% ink)`);
  assert.deepEqual(blank, [], `${what}: canvases not drawn or blank after scrolling through`);
  return all;
}

/** The tooltip of `chart` as { title, value, text } once two frames have passed, or null. */
function tooltip(s, chart) {
  return s.evaluate(async (id) => {
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const el = document.querySelector(`figure[data-chart="${id}"] [data-testid=tooltip]`);
    const text = (sel) => el?.querySelector(sel)?.textContent.trim() ?? null;
    return el ? { title: text('.tt-title'), value: text('.tt-value'), text: el.textContent } : null;
  }, chart);
}

/** Scroll `selector` to the middle of the view; its box in the viewport once steady for 20 frames. */
async function boxOf(s, selector) {
  const box = await s.evaluate(steadyInView, [selector, 20, WAIT_MS]);
  assert.ok(box && box.width > 0 && box.height > 0, `${selector} has a box`);
  return box;
}

/**
 * Move the pointer over the points of `points` (viewport coordinates) until the tooltip of `chart`
 * has a title starting with `title`; the tooltip, or a failure naming the titles seen.
 */
async function hoverUntil(s, chart, points, title) {
  const seen = new Set();
  for (const [x, y] of points) {
    await s.move(x, y);
    const tip = await tooltip(s, chart);
    if (tip?.title?.startsWith(title)) return tip;
    if (tip?.title) seen.add(tip.title);
  }
  throw new Error(`${s.engine}: ${chart}: no tooltip "${title}" under the pointer; seen: ${[...seen].join(' | ') || 'none'}`);
}

/** Points in rings around (x, y), the centre first. */
function ring(x, y, radius = 30, step = 6) {
  const out = [[x, y]];
  for (let r = step; r <= radius; r += step) {
    for (let a = 0; a < 360; a += 30) out.push([x + r * Math.cos((a * Math.PI) / 180), y + r * Math.sin((a * Math.PI) / 180)]);
  }
  return out;
}

/** The file the page offered last for download: { name, type, head (first bytes), text }. */
function lastFile(s) {
  return s.evaluate(async () => {
    const f = window.__atlasFiles?.at(-1);
    if (!f) return null;
    const bytes = new Uint8Array(await f.blob.arrayBuffer());
    return { name: f.name, type: f.blob.type, head: [...bytes.slice(0, 3)], text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
  });
}

/** Parse SVG text in the page: { ok, root, texts }. */
function parseSvg(s, text) {
  return s.evaluate((src) => {
    const doc = new DOMParser().parseFromString(src, 'image/svg+xml');
    return {
      ok: !doc.querySelector('parsererror'),
      root: doc.documentElement.localName,
      texts: [...doc.querySelectorAll('text, title')].map((t) => t.textContent.trim()),
    };
  }, text);
}

// ---------------------------------------------------------------------------------------------
// The steps

/** Load in Chinese and in English with no error. */
export async function loadsInBothLanguages(s, site) {
  for (const lang of ['zh', 'en']) {
    await open(s, `${site.url}?lang=${lang}`);
    const page = await s.evaluate(() => ({ lang: document.documentElement.lang, h1: document.querySelector('h1')?.textContent.trim() }));
    assert.deepEqual(page, { lang: LANGS[lang].htmlLang, h1: LANGS[lang].h1 }, `${s.engine}: the ${lang} page`);
    await expectClean(s, `loading the ${lang} page`);
  }
}

/** Every canvas painted after scrolling through the page. */
export async function everyCanvasPainted(s, site) {
  await open(s, `${site.url}?lang=en`);
  await scrollThrough(s, `${s.engine} at ${WIDE.width} px`);
  await expectClean(s, 'scrolling through the page');
}

/** A tooltip on the map (Russia on the partners layer) and on a bar chart (Table 3's United States). */
export async function tooltips(s, site) {
  await open(s, `${site.url}?lang=en`);
  const map = await boxOf(s, '#map canvas');
  const anchor = await until(s, () => {
    const b = [...document.querySelectorAll('#map .map-item')].find((e) => e.textContent.trim() === 'Russia');
    return b?.getAttribute('data-anchor')?.split(',').map(Number) ?? null;
  }, null, 'the map lists Russia with its anchor');
  const ru = await hoverUntil(s, 'map-partners', ring(map.x + anchor[0], map.y + anchor[1]), 'Russia');
  assert.equal(ru.value, 'US$240.110 billion', `${s.engine}: Russia's map tooltip: ${ru.text}`);

  await visit(s, `${site.url}?lang=en#chart-partners-exports`);
  await until(s, () => document.querySelector('figure[data-chart=partners-exports] canvas')?.getAttribute('data-drawn') === '1',
    null, 'Table 3 is built and drawn for its address');
  const bars = await boxOf(s, 'figure[data-chart=partners-exports] canvas');
  const column = [];
  for (let y = 2; y < bars.height - 2; y += 5) column.push([bars.x + bars.width * 0.4, bars.y + y]);
  const us = await hoverUntil(s, 'partners-exports', column, 'United States');
  assert.match(us.text, /US\$664\.451 billion/, `${s.engine}: the United States bar's tooltip: ${us.text}`);
  assert.ok(us.text.includes(`${MINUS}11.6%`), `${s.engine}: with its fall, as printed: ${us.text}`);
  await expectClean(s, 'hovering the map and a bar chart');
}

/** Switch the language and the theme, then show every map layer (drawn, in the dark theme's colours). */
export async function languageThemeAndLayers(s, site) {
  await open(s, `${site.url}?lang=zh`);
  await s.click('[data-testid=lang-toggle]');
  await until(s, (h1) => document.documentElement.lang === 'en' && document.querySelector('h1')?.textContent.trim() === h1,
    LANGS.en.h1, 'the language switch shows the English page');
  await s.click('[data-testid=theme-toggle]');
  await until(s, () => document.documentElement.getAttribute('data-theme') === 'dark', null, 'the theme switch goes dark');
  for (const layer of LAYERS) {
    await s.click(`button.layer-tab[data-layer="${layer}"]`);
    await until(s, (id) => {
      const c = document.querySelector(`#map figure.card[data-chart="${id}"] canvas`);
      if (!c || c.getAttribute('data-drawn') !== '1') return false;
      const [r, g, b] = c.getContext('2d').getImageData(0, 0, 1, 1).data;
      return r + g + b < 150;
    }, layer, `the ${layer} layer is drawn on the dark background`);
    const [map] = await canvases(s, { inView: true }).then((cs) => cs.filter((c) => c.chart === layer));
    assert.ok(map && map.ink > 0.01 && luminance(map.background) < 0.2, `${s.engine}: ${layer} drawn dark: ${JSON.stringify(map)}`);
  }
  await s.evaluate(() => localStorage.clear());
  await expectClean(s, 'switching language, theme and every map layer');
}

/** The search: typing "russia" and choosing Table 3's Russia exports sets sel= and brings the chart into view. */
export async function searchChoice(s, site) {
  await open(s, `${site.url}?lang=en`);
  await s.click('[data-testid=search]');
  await s.type('russia');
  const options = await until(s, () => {
    const os = [...document.querySelectorAll('#search-list:not([hidden]) [role=option]')].map((o) => o.textContent);
    return document.querySelector('[data-testid=search]').value === 'russia' && os.length ? os : null;
  }, null, 'the search answers "russia"');
  const i = options.findIndex((o) => o.includes('US$240.110 billion'));
  assert.ok(i >= 0, `${s.engine}: Russia's exports are offered: ${options.join(' | ')}`);
  for (let k = 0; k <= i; k++) await s.press('ArrowDown');
  await s.press('Enter');
  await until(s, () => /[?&]sel=RUS(&|$)/.test(location.search), null, 'the address carries sel=RUS');
  await until(s, () => {
    const c = document.querySelector('figure[data-chart=partners-exports] canvas');
    const r = c?.getBoundingClientRect();
    return c?.getAttribute('data-drawn') === '1' && r.top >= 0 && r.bottom <= innerHeight;
  }, null, 'Table 3 is drawn and scrolled into view');
  const tip = await until(s, () => document.querySelector('figure[data-chart=partners-exports] [data-testid=tooltip] .tt-title')
    ?.textContent.trim(), null, 'the chosen bar shows its tooltip');
  assert.match(tip, /^Russia/, `${s.engine}: the tooltip of the chosen figure`);
  await expectClean(s, 'choosing a search result');
}

/** The tour from its first step to its last, each step's chart drawn and in view above the panel. */
export async function tourFirstToLast(s, site) {
  await open(s, `${site.url}?lang=en`);
  await s.click('[data-testid=tour-start]');
  for (const step of TOUR) {
    const n = Number(step.step);
    await until(s, (k) => !!document.querySelector(`[data-testid=tour][data-step="${k}"]`), n, `the tour shows step ${n}`);
    await until(s, (chart) => {
      const c = document.querySelector(`figure.card[data-chart="${chart}"] canvas`);
      if (!c || c.getAttribute('data-drawn') !== '1') return false;
      const panel = document.querySelector('[data-testid=tour]');
      const limit = panel && getComputedStyle(panel).position === 'fixed' ? panel.getBoundingClientRect().top : innerHeight;
      const top = c.getBoundingClientRect().top;
      return top >= -1 && top < limit - 80;
    }, step.chart, `step ${n}: ${step.chart} drawn and in view above the panel`);
    const shown = await s.evaluate(() => ({
      title: document.querySelector('[data-testid=tour] .tour-title')?.textContent.trim(),
      search: location.search,
    }));
    assert.deepEqual(shown, { title: step.title_en, search: `?lang=en&tour=${n}` }, `${s.engine}: tour step ${n}`);
    await s.click('[data-testid=tour-next]');
  }
  await until(s, () => !document.querySelector('[data-testid=tour]') && !document.documentElement.hasAttribute('data-tour'),
    null, 'the last step\'s button finishes the tour');
  await expectClean(s, 'the tour');
}

/** An SVG and a CSV export of Table 3 from its menu. */
export async function exports(s, site) {
  await visit(s, `${site.url}?lang=en#chart-partners-exports`);
  const fig = 'figure[data-chart=partners-exports]';
  await until(s, (f) => document.querySelector(`${f} canvas`)?.getAttribute('data-drawn') === '1', fig, 'Table 3 is drawn');
  const save = async (action) => {
    const before = await s.evaluate(() => window.__atlasFiles.length);
    if (!(await s.evaluate((f) => document.querySelector(`${f} details[data-testid=chart-menu]`).open, fig))) {
      await s.click(`${fig} details[data-testid=chart-menu] > summary`);
    }
    await until(s, (sel) => document.querySelector(sel)?.getBoundingClientRect().height > 0, `${fig} [data-action=${action}]`,
      `the menu shows its ${action} item`);
    await s.click(`${fig} [data-action=${action}]`);
    await until(s, (n) => window.__atlasFiles.length > n, before, `the ${action} item offers a file`);
    return lastFile(s);
  };
  const svg = await save('svg');
  assert.equal(svg.name, 'trade-atlas-partners-exports-en.svg');
  assert.ok(svg.text.startsWith('<svg'), `${s.engine}: the SVG starts with <svg: ${svg.text.slice(0, 40)}`);
  const parsed = await parseSvg(s, svg.text);
  assert.ok(parsed.ok && parsed.root === 'svg', `${s.engine}: the SVG parses`);
  assert.ok(parsed.texts.some((t) => t.startsWith('United States')), `${s.engine}: the SVG labels the United States`);

  const csv = await save('csv');
  assert.equal(csv.name, 'trade-atlas-partners-exports-en.csv');
  assert.deepEqual(csv.head, [0xef, 0xbb, 0xbf], `${s.engine}: the CSV starts with a UTF-8 BOM`);
  // The table under the provenance comments; Table 3's labels hold no comma or quote.
  const [header, ...rows] = csv.text.split(/\r?\n/).filter((l) => l && !l.startsWith('#') && !l.startsWith('\uFEFF#'))
    .map((l) => l.split(','));
  const us = rows.map((r) => Object.fromEntries(header.map((h, k) => [h, r[k]]))).find((r) => r.key === 'usa');
  assert.equal(us?.exports, '6644.51', `${s.engine}: the CSV has Table 3's US exports as printed (header: ${header})`);
  await expectClean(s, 'exporting SVG and CSV');
}

/**
 * Printed by the browser itself (its print to PDF, as Ctrl+P and "Save as PDF" print): the edition
 * in at most 24 A4 pages, its cover, numbered figures and appendix there, and no page before the
 * last left with next to nothing on it. In Firefox the parts built for print once came out as blank pages: it
 * lays the page out for print before any microtask runs after `beforeprint`.
 */
export async function printsTheEdition(s, site, t) {
  if (!s.pdf) return t.skip(`${s.engine}: its driver here offers no print to PDF`);
  await open(s, `${site.url}?lang=en`);
  const file = path.join(outDir(), `walk-${s.engine}-print-en.pdf`);
  writeFileSync(file, await s.pdf());
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))[1]);
  assert.ok(pages >= 12 && pages <= 24, `${s.engine}: the edition prints in ${pages} A4 pages (at most 24)`);
  const words = [];
  for (let n = 1; n <= pages; n++) {
    const text = execFileSync('pdftotext', ['-f', String(n), '-l', String(n), file, '-'], { encoding: 'utf8' });
    words.push(text.split(/\s+/).filter(Boolean));
  }
  const all = words.flat().join(' ');
  assert.ok(all.includes('Cite as') && all.includes('Contents'), `${s.engine}: the first page is the cover`);
  // Figure numbers: the word is in the text even where an engine's PDF hides the digits' glyphs.
  const figures = all.split('Figure').length - 1;
  assert.ok(figures >= 30, `${s.engine}: ${figures} figure numbers and references printed (a blank part prints none)`);
  assert.ok(all.includes('Appendix: data tables'), `${s.engine}: the appendix prints`);
  // The last page is left out: Chromium, printing by print media alone, adds an empty one after
  // the appendix's last page (its running foot counts one page fewer).
  const empty = words.slice(0, -1).map((w, i) => [i + 1, w.length]).filter(([, n]) => n < 40);
  assert.deepEqual(empty, [], `${s.engine}: pages with next to nothing printed on them (page, words): ${JSON.stringify(empty)}`);
  await expectClean(s, 'printing');
}

/** `?embed=` shows one chart alone with the link back. */
export async function embed(s, site) {
  await open(s, `${site.url}?embed=partners-exports&lang=en`);
  const page = await s.evaluate(() => ({
    figures: [...document.querySelectorAll('figure.card')].map((f) => f.getAttribute('data-chart')),
    fullPage: !!document.querySelector('main#main, nav.toc'),
    link: document.querySelector('.embed-link a')?.getAttribute('href') ?? null,
  }));
  assert.deepEqual(page.figures, ['partners-exports'], `${s.engine}: the embed shows its chart alone`);
  assert.equal(page.fullPage, false);
  assert.match(page.link ?? '', /\?lang=en#chart-partners-exports$/, `${s.engine}: the link back`);
  await expectClean(s, 'the embedded chart');
}

/** The single file opened from file://: the page, the map and a chart below, with no request elsewhere. */
export async function singleFileFromDisk(s, site) {
  await open(s, `${site.singleFile}?lang=en`);
  const h1 = await s.evaluate(() => document.querySelector('h1')?.textContent.trim());
  assert.equal(h1, LANGS.en.h1, `${s.engine}: the single file's page`);
  await s.evaluate(() => document.getElementById('partners')?.scrollIntoView({ behavior: 'instant' }));
  await until(s, () => document.querySelector('figure[data-chart=partners-exports] canvas')?.getAttribute('data-drawn') === '1',
    null, 'a chart below the map is built and drawn from the single file');
  await expectClean(s, 'the single file from file://');
}

/**
 * The narrowest width: from 1280 px the window goes as narrow as it can (390 px, or the engine's
 * smallest window); the charts in view redraw at their new width, nothing is wider than the
 * screen, every canvas is painted on the way down, and no error reaches the page (a
 * ResizeObserver that changed the layout inside its own callback would send one).
 */
export async function narrowWidth(s, site) {
  await open(s, `${site.url}?lang=zh`);
  const size = await s.resize(NARROW.width, NARROW.height);
  assert.ok(size.width >= NARROW.width && size.width < 480, `${s.engine}: a phone-sized viewport: ${JSON.stringify(size)}`);
  try {
    await until(s, () => [...document.querySelectorAll('main canvas')].filter((c) => {
      const r = c.getBoundingClientRect();
      return r.bottom > 0 && r.top < innerHeight && r.width > 0;
    }).every((c) => c.getAttribute('data-drawn') === '1' &&
      Math.abs(c.width - c.getBoundingClientRect().width * devicePixelRatio) <= 1), null,
    'the charts in view redraw at the narrow width');
    const all = await scrollThrough(s, `${s.engine} at ${size.width} px`);
    const wide = all.filter((c) => c.cssWidth > size.width).map((c) => `${c.chart}: ${c.cssWidth}px`);
    assert.deepEqual(wide, [], `${s.engine}: canvases wider than the ${size.width} px screen`);
    const overflow = await s.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 0, `${s.engine}: the page scrolls ${overflow} px sideways at ${size.width} px`);
    await expectClean(s, `resizing to ${size.width} px and scrolling through`);
  } finally {
    await s.resize(WIDE.width, WIDE.height);
  }
}

/**
 * Screenshots at 1280 px and the narrowest width, in both languages, light and dark, into
 * tests/e2e/out/walk-<engine>-<lang>-<width>-<theme>.png; and the dark page with the search's
 * results open (walk-<engine>-search-dark.png), where the dark theme's scrollbars show.
 */
export async function screenshots(s, site) {
  const dir = outDir();
  const written = [];
  try {
    for (const want of [WIDE, NARROW]) {
      const { width } = await s.resize(want.width, want.height);
      for (const lang of ['zh', 'en']) {
        for (const theme of ['light', 'dark']) {
          await open(s, `${site.url}?lang=${lang}&theme=${theme}`);
          const colours = await s.evaluate(() => {
            const list = document.querySelector('nav.toc ol');
            return {
              theme: document.documentElement.getAttribute('data-theme'),
              scrollbar: CSS.supports('scrollbar-color', 'red blue') ? getComputedStyle(list).scrollbarColor : null,
            };
          });
          assert.equal(colours.theme, theme);
          if (theme === 'dark' && colours.scrollbar !== null) {
            assert.notEqual(colours.scrollbar, 'auto', `${s.engine}: the dark theme gives the section list's scrollbar its colours`);
          }
          const file = path.join(dir, `walk-${s.engine}-${lang}-${width}-${theme}.png`);
          await s.screenshot(file);
          written.push(file);
        }
      }
    }
    await s.resize(WIDE.width, WIDE.height);
    await open(s, `${site.url}?lang=en&theme=dark`);
    await s.click('[data-testid=search]');
    await s.type('china');
    await until(s, () => document.querySelectorAll('#search-list:not([hidden]) [role=option]').length > 5, null,
      'the search lists results for "china"');
    const file = path.join(dir, `walk-${s.engine}-search-dark.png`);
    await s.screenshot(file);
    written.push(file);
    await expectClean(s, 'the screenshots');
  } finally {
    await s.resize(WIDE.width, WIDE.height);
  }
  return written;
}

/** The walk in order: [name, step]. */
export const WALK = [
  ['loads in Chinese and in English with no error', loadsInBothLanguages],
  ['every canvas is painted after scrolling through the page', everyCanvasPainted],
  ['a tooltip on the map and on a bar chart', tooltips],
  ['the language, the theme and every map layer', languageThemeAndLayers],
  ['the search\'s chosen result sets sel= and brings its chart into view', searchChoice],
  ['the tour from its first step to its last', tourFirstToLast],
  ['an SVG and a CSV export', exports],
  ['printed to PDF by the browser: the edition in at most 24 A4 pages, no page before the last left blank', printsTheEdition],
  ['?embed= shows one chart alone', embed],
  ['the single file opened from file://', singleFileFromDisk],
  ['the narrowest width: redrawn, nothing wider than the screen, no error', narrowWidth],
  ['screenshots at 1280 px and the narrowest width, both languages, light and dark', screenshots],
];
