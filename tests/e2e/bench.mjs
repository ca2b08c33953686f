// The benchmark of a built site (run by `cargo xtask bench`, not a test: timings never fail a test).
// For one build, or several side by side in one run (`cargo xtask bench --compare BEFORE`), each
// served on loopback with gzip as GitHub Pages serves it, it prints:
//
// - the first painted canvas at 1280×900 without throttling (ms after navigation start; median of
//   LOADS fresh loads) and when every canvas drawn by then was done;
// - the start-up's main-thread tasks on a phone-sized page (412×823 at DPR 1.75, no throttling;
//   from a trace of top-level tasks until the map is drawn and a second after): the longest task,
//   the tasks over 12.5 ms (50 ms at Lighthouse's 4× CPU slowdown) and their Σ(4·d − 50), an
//   estimate of the blocking time Lighthouse's mobile preset simulates, and the app's own spans
//   (building the page, the first map card, the map's first frame);
// - Lighthouse 12, mobile and desktop presets: performance score, LCP, TBT, CLS (median of
//   LIGHTHOUSE_RUNS runs each);
// - main-thread time per language switch, per theme switch and per pointer move over a chart
//   (median and p95): the renderer's TaskDuration (CDP Performance.getMetrics, thread CPU time
//   where Chromium offers it) from a quiet page to a quiet page again, less the cost of the same
//   measurement around no action at all (printed as the floor);
// - WebAssembly memory after 0, 10, 50, 100 and 200 language switches, and the growth per switch;
// - DOM elements at load and after scrolling to the bottom;
// - the search (`search`): main-thread time of reaching for it (which builds its index), of ten
//   ordinary queries, and of hostile queries up to 5,000 characters, each pasted into the field
//   (one `input` event) and then one more character typed (median of SEARCH_REPEATS; the slowest
//   of the hostile set first; goal one frame, 16 ms), and WebAssembly memory at load, once
//   the index is built and the ordinary queries answered, and after the hostile set (goal: within
//   1 MB; WebAssembly memory never shrinks, so that is the growth of its high-water mark).
//
// Builds are measured in turn within each step (A, B, A, B …) so both see the same machine.
// Environment: ATLAS_BENCH_BUILDS="label=url label=url" (or ATLAS_URL for one build), CHROMIUM,
// CHROME_PATH (for Lighthouse); optional BENCH_LOADS, BENCH_LIGHTHOUSE_RUNS, BENCH_SWITCHES,
// BENCH_MEMORY_SWITCHES (the largest of 0/10/50/100/200 measured), BENCH_SEARCH_REPEATS,
// BENCH_SEARCH_CAP_MS (a hostile query given up after this long, 30 s), BENCH_STEPS
// (a comma-separated subset of paint,startup,lighthouse,main,memory,search) and BENCH_DEBUG (print
// every sample).

import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { SEARCH, launch, settle, switchLanguage, trackWasmMemory, wasmMemoryBytes } from './lib.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const num = (name, fallback) => (process.env[name] ? Number(process.env[name]) : fallback);
const LOADS = num('BENCH_LOADS', 5);
const LIGHTHOUSE_RUNS = num('BENCH_LIGHTHOUSE_RUNS', 3);
const SWITCHES = num('BENCH_SWITCHES', 20);
const HOVERS = 40;
const MEMORY_AT = [0, 10, 50, 100, 200].filter((n) => n <= num('BENCH_MEMORY_SWITCHES', 200));
const SEARCH_REPEATS = num('BENCH_SEARCH_REPEATS', 3);
const VIEWPORT = { width: 1280, height: 900 };

const builds = (process.env.ATLAS_BENCH_BUILDS || (process.env.ATLAS_URL ? `this_build=${process.env.ATLAS_URL}` : ''))
  .split(/\s+/).filter(Boolean).map((s) => {
    const i = s.indexOf('=');
    return { label: s.slice(0, i).replace(/_/g, ' '), url: s.slice(i + 1) };
  });
if (!builds.length || builds.some((b) => !b.url)) {
  console.error('bench.mjs: set ATLAS_BENCH_BUILDS="before=http://… after=http://…" or ATLAS_URL');
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// Statistics and printing

const sorted = (xs) => [...xs].filter(Number.isFinite).sort((a, b) => a - b);
function quantile(xs, q) {
  const s = sorted(xs);
  if (!s.length) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}
const median = (xs) => {
  const s = sorted(xs);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fixed = (x, d = 0) => (Number.isFinite(x) ? x.toFixed(d) : '—');

/** Rows of [measure, ...one cell per build]; filled as the steps run, printed at the end. */
const rows = [];
const row = (measure, cells) => rows.push([measure, ...cells]);
const section = (title) => rows.push([title]);

function printTable() {
  const widths = [0, ...builds.map(() => 0)];
  const header = ['measure', ...builds.map((b) => b.label)];
  for (const r of [header, ...rows]) {
    if (r.length === 1) continue;
    r.forEach((c, i) => { widths[i] = Math.max(widths[i], String(c).length); });
  }
  const line = (r) => r.map((c, i) => (i === 0 ? String(c).padEnd(widths[0]) : String(c).padStart(widths[i]))).join('   ');
  console.log(`\n${line(header)}`);
  for (const r of rows) console.log(r.length === 1 ? `\n${r[0]}` : line(r));
}

/** Run `fn(build, round)` for every build, `rounds` times, interleaved; returns results per build. */
async function eachBuild(rounds, fn) {
  const out = builds.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (const [i, build] of builds.entries()) out[i].push(await fn(build, round));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Pages, quiet and main-thread time

/** A fresh context (English, 1280×900, DPR 1) and page with a CDP session measuring the renderer. */
async function freshPage(browser, { perf = false } = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, locale: 'en-US', serviceWorkers: 'block' });
  await trackWasmMemory(context);
  await context.addInitScript((installPerf) => {
    if (installPerf) window.__atlasPerf = [];
    window.__firstDrawn = null;
    new MutationObserver((records) => {
      if (window.__firstDrawn === null && records.some((r) => r.target.getAttribute?.('data-drawn') === '1')) {
        window.__firstDrawn = performance.now();
      }
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-drawn'] });
  }, perf);
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  const cdp = await context.newCDPSession(page);
  let domain = 'threadTicks';
  try {
    await cdp.send('Performance.enable', { timeDomain: domain });
  } catch {
    domain = 'timeTicks';
    await cdp.send('Performance.enable', { timeDomain: domain });
  }
  return { context, page, cdp, domain };
}

/** The renderer main thread's busy time so far, in ms. */
async function busyMs(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'TaskDuration').value * 1000;
}

/** Two animation frames in the page. */
const frames = (page) => settle(page);

const QUIET_WINDOWS = 3;

/**
 * What one two-frame window costs the main thread of an idle page (the frames it forces and the
 * evaluation that waits for them): the median of 15 windows, after the page has calmed down.
 */
async function calibrate(page, cdp) {
  await quiet(page, cdp, 2);
  const costs = [];
  let prev = await busyMs(cdp);
  for (let i = 0; i < 15; i++) {
    await frames(page);
    const now = await busyMs(cdp);
    costs.push(now - prev);
    prev = now;
  }
  page.__windowMs = median(costs);
  return page.__windowMs;
}

/**
 * Wait until the main thread is quiet: QUIET_WINDOWS two-frame windows in a row, each costing no more
 * than an idle window does (calibrated per page, plus 0.5 ms). Returns the busy-time reading taken
 * when the quiet began, so the windows spent checking are not counted.
 */
async function quiet(page, cdp, idleMs = page.__windowMs ?? 1.5, limit = 400) {
  const calm = Math.max(idleMs * 1.5, idleMs + 0.5);
  let start = await busyMs(cdp);
  let prev = start;
  let calmWindows = 0;
  for (let i = 0; i < limit; i++) {
    await frames(page);
    const now = await busyMs(cdp);
    if (now - prev <= calm) {
      calmWindows++;
      if (calmWindows >= QUIET_WINDOWS) return start;
    } else {
      calmWindows = 0;
      start = now;
    }
    prev = now;
  }
  return prev;
}

/** Main-thread ms spent from a quiet page, through `action` and `done`, to a quiet page. */
async function mainThreadCost(page, cdp, action, done = async () => {}) {
  await quiet(page, cdp);
  const t0 = await busyMs(cdp);
  await action();
  await done();
  const t1 = await quiet(page, cdp);
  return t1 - t0;
}

/** Open the atlas and wait for the load event, a drawn canvas and a quiet main thread. */
async function openAtlas(page, cdp, url) {
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => document.querySelector('canvas[data-drawn="1"]'), null, { polling: 'raf' });
  await calibrate(page, cdp);
  await quiet(page, cdp);
}

// ---------------------------------------------------------------------------------------------
// The steps

async function firstPaint(browser) {
  const results = await eachBuild(LOADS, async (build) => {
    const { context, page, cdp } = await freshPage(browser, { perf: true });
    try {
      await openAtlas(page, cdp, build.url);
      return await page.evaluate(() => {
        const at = (window.__atlasPerf || []).filter((e) => e.kind === 'first-draw-at').map((e) => e.ms);
        // The first canvas drawn: a chart's record, or the first `data-drawn` seen on any canvas
        // (the map's too).
        const first = Math.min(...at, window.__firstDrawn ?? Infinity);
        return { first: Number.isFinite(first) ? first : NaN, all: at.length ? Math.max(...at) : NaN, n: at.length };
      });
    } finally {
      await context.close();
    }
  });
  section(`First canvas at ${VIEWPORT.width}×${VIEWPORT.height}, no throttling (ms after navigation start; median of ${LOADS} loads, range)`);
  const cell = (xs) => `${fixed(median(xs))} (${fixed(sorted(xs)[0])}–${fixed(sorted(xs).at(-1))})`;
  row('first painted canvas', results.map((r) => cell(r.map((x) => x.first))));
  row('every canvas drawn at load (the last one)', results.map((r) => `${cell(r.map((x) => x.all))}, ${median(r.map((x) => x.n))} canvases`));
}

const execFileP = promisify(execFile);
const CHROME_FLAGS = '--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-quic --no-first-run ' +
  '--disable-background-networking --disable-component-update --disable-sync';

async function lighthouseOnce(url, preset) {
  const dir = mkdtempSync(path.join(tmpdir(), 'atlas-lh-'));
  try {
    const out = path.join(dir, 'report.json');
    const args = [url, '--quiet', '--only-categories=performance', '--output=json', `--output-path=${out}`,
      `--chrome-flags=${CHROME_FLAGS}`];
    if (preset === 'desktop') args.push('--preset=desktop');
    await execFileP(path.join(HERE, 'node_modules', '.bin', 'lighthouse'), args, {
      env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH || process.env.CHROMIUM || '/usr/bin/chromium' },
      maxBuffer: 64 << 20,
      timeout: 240_000,
    });
    const report = JSON.parse(readFileSync(out, 'utf8'));
    if (report.runtimeError) throw new Error(`${report.runtimeError.code}: ${report.runtimeError.message}`);
    const audit = (id) => report.audits[id]?.numericValue ?? NaN;
    return {
      score: (report.categories.performance.score ?? NaN) * 100,
      lcp: audit('largest-contentful-paint'),
      tbt: audit('total-blocking-time'),
      cls: audit('cumulative-layout-shift'),
      fcp: audit('first-contentful-paint'),
      warnings: report.runWarnings || [],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function lighthouse() {
  for (const preset of ['mobile', 'desktop']) {
    const results = await eachBuild(LIGHTHOUSE_RUNS, (build) => lighthouseOnce(build.url, preset));
    const warnings = new Set(results.flat().flatMap((r) => r.warnings));
    section(`Lighthouse 12, ${preset} preset (median of ${LIGHTHOUSE_RUNS} runs; all runs in brackets)`);
    const cell = (r, key, f) => `${f(median(r.map((x) => x[key])))} [${r.map((x) => f(x[key])).join(' ')}]`;
    row('performance score', results.map((r) => cell(r, 'score', (v) => fixed(v))));
    row('LCP (s)', results.map((r) => cell(r, 'lcp', (v) => fixed(v / 1000, 2))));
    row('TBT (ms)', results.map((r) => cell(r, 'tbt', (v) => fixed(v))));
    row('CLS', results.map((r) => cell(r, 'cls', (v) => fixed(v, 3))));
    row('FCP (s)', results.map((r) => cell(r, 'fcp', (v) => fixed(v / 1000, 2))));
    for (const w of warnings) console.log(`lighthouse ${preset} warning: ${w}`);
  }
}

/** Main-thread cost of the switches, the hovers and of measuring nothing, for one build. */
async function interactions(browser, build) {
  const { context, page, cdp, domain } = await freshPage(browser);
  try {
    await openAtlas(page, cdp, build.url);
    const floor = [];
    const nothing = () => page.waitForFunction(() => true, null, { polling: 'raf' });
    for (let i = 0; i < SWITCHES; i++) floor.push(await mainThreadCost(page, cdp, async () => {}, nothing));
    const clickAndWait = async (selector, attr) => {
      const box = await page.locator(selector).boundingBox();
      const was = await page.getAttribute('html', attr);
      return mainThreadCost(page, cdp,
        () => page.mouse.click(box.x + box.width / 2, box.y + box.height / 2),
        () => page.waitForFunction(([a, w]) => document.documentElement.getAttribute(a) !== w, [attr, was], { polling: 'raf' }));
    };
    const lang = [];
    for (let i = 0; i < SWITCHES; i++) lang.push(await clickAndWait('[data-testid=lang-toggle]', 'lang'));
    const theme = [];
    for (let i = 0; i < SWITCHES; i++) theme.push(await clickAndWait('[data-testid=theme-toggle]', 'data-theme'));
    const hover = await hovers(page, cdp);
    if (process.env.BENCH_DEBUG) console.log(JSON.stringify({ window: page.__windowMs, floor, lang, theme, hover }));
    return { floor, lang, theme, hover, domain, window: page.__windowMs };
  } finally {
    await context.close();
  }
}

/**
 * Pointer moves down a bar chart's canvas (across its bars and the gaps between), one cost each,
 * split by whether the move changed the tooltip (onto another bar, or off the bars) or not.
 */
async function hovers(page, cdp) {
  const chart = 'figure[data-chart="partners-exports"]';
  // Scroll down a screen at a time until the chart is built and drawn (a page that builds parts as
  // they near the viewport has not built it at load).
  const frames = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  for (let i = 0; i < 100 && !(await page.$(`${chart} canvas[data-drawn="1"]`)); i++) {
    await page.evaluate(() => window.scrollBy(0, window.innerHeight));
    await frames();
  }
  const canvas = page.locator(`${chart} canvas`);
  await canvas.evaluate((el) => el.scrollIntoView({ block: 'center', behavior: 'instant' }));
  await frames();
  // Let the parts built and drawn because of the scroll finish first: the figures are the
  // hovers' own cost, not the building of the neighbouring sections.
  const idle = () => page.evaluate(() => new Promise((r) => (window.requestIdleCallback ? requestIdleCallback(r, { timeout: 3000 }) : r())));
  await idle();
  await frames();
  await idle();
  const box = await canvas.boundingBox();
  const tip = () => page.evaluate((sel) => document.querySelector(`${sel} [data-testid=tooltip] .tt-title`)?.textContent ?? null, chart);
  await page.mouse.move(box.x + box.width * 0.4, box.y + 2);
  const out = { all: [], changed: [], same: [] };
  let before = await tip();
  for (let i = 0; i < HOVERS; i++) {
    const y = box.y + 4 + ((box.height - 8) * i) / (HOVERS - 1);
    const cost = await mainThreadCost(page, cdp, () => page.mouse.move(box.x + box.width * 0.4, y));
    const after = await tip();
    out.all.push(cost);
    (after !== before ? out.changed : out.same).push(cost);
    before = after;
  }
  await page.mouse.move(0, 0);
  return out;
}

async function mainThread(browser) {
  const results = await eachBuild(1, (build) => interactions(browser, build));
  const r = results.map((x) => x[0]);
  const floor = r.map((x) => median(x.floor));
  const net = (xs, i) => xs.map((v) => Math.max(0, v - floor[i]));
  const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const cell = (pick, d = 1) => r.map((x, i) => {
    const xs = net(pick(x), i);
    return `${fixed(median(xs), d)} / ${fixed(quantile(xs, 0.95), d)} / ${fixed(mean(xs), d)}`;
  });
  section(`Main-thread time per action, ms: median / p95 / mean (CDP TaskDuration, ${r[0].domain}; ${SWITCHES} switches, ${HOVERS} pointer moves)`);
  row('language switch', cell((x) => x.lang));
  row('theme switch', cell((x) => x.theme));
  row('pointer move over partners-exports (hover), every move', cell((x) => x.hover.all, 2));
  row('  moves that changed the tooltip', r.map((x, i) => `${cell((y) => y.hover.changed, 2)[i]} (${x.hover.changed.length})`));
  row('  moves within the same bar or gap', r.map((x, i) => `${cell((y) => y.hover.same, 2)[i]} (${x.hover.same.length})`));
  row('floor: the same measurement around no action (subtracted)', r.map((x) => `${fixed(median(x.floor), 2)} / ${fixed(quantile(x.floor, 0.95), 2)}`));
  row('(an idle two-frame window costs)', r.map((x) => fixed(x.window, 2)));
}

/** In the page: its elements, and every node of the document (text and comments too). */
function countNodes() {
  const walker = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
  let nodes = 1;
  while (walker.nextNode()) nodes++;
  return { elements: document.getElementsByTagName('*').length, nodes };
}

async function memoryAndDom(browser, build) {
  const { context, page, cdp } = await freshPage(browser);
  try {
    await openAtlas(page, cdp, build.url);
    const domAtLoad = await page.evaluate(countNodes);
    // Scroll to the bottom a screen at a time, letting whatever is built on the way finish, so the
    // memory is measured with the whole page built (the most a reader can have built).
    for (let i = 0; i < 200; i++) {
      const atBottom = await page.evaluate(() => {
        const before = scrollY;
        scrollBy({ top: innerHeight * 0.9, behavior: 'instant' });
        return scrollY === before && scrollY + innerHeight >= document.documentElement.scrollHeight - 2;
      });
      await quiet(page, cdp);
      if (atBottom) break;
    }
    const domAfterScroll = await page.evaluate(countNodes);
    const mem = {};
    let done = 0;
    for (const n of MEMORY_AT) {
      for (; done < n; done++) await switchLanguage(page);
      await quiet(page, cdp);
      mem[n] = await wasmMemoryBytes(page);
    }
    return { mem, domAtLoad, domAfterScroll };
  } finally {
    await context.close();
  }
}

async function memory(browser) {
  const r = (await eachBuild(1, (build) => memoryAndDom(browser, build))).map((x) => x[0]);
  const mb = (b) => (b == null ? 'not read' : (b / (1024 * 1024)).toFixed(2));
  section('WebAssembly memory (MiB) after N language switches, the whole page built (scrolled through)');
  for (const n of MEMORY_AT) row(`after ${n}`, r.map((x) => mb(x.mem[n])));
  const last = MEMORY_AT.at(-1);
  if (last > 10) {
    row(`growth per switch from 10 to ${last} (KiB)`, r.map((x) => fixed((x.mem[last] - x.mem[10]) / (last - 10) / 1024, 1)));
  }
  section('DOM size: elements (all nodes, text included)');
  const dom = (d) => `${d.elements} (${d.nodes})`;
  row('at load (first canvas drawn, main thread quiet)', r.map((x) => dom(x.domAtLoad)));
  row('after scrolling to the bottom', r.map((x) => dom(x.domAfterScroll)));
}

/** One phone-sized load, traced: the top-level tasks of the page's main thread and the app's spans. */
async function startupOnce(browser, url) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75,
    isMobile: true, hasTouch: true, locale: 'en-US', serviceWorkers: 'block' });
  try {
    await context.addInitScript(() => { window.__atlasPerf = []; });
    const page = await context.newPage();
    await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelector('#map canvas')?.dataset.drawn === '1', null, { polling: 'raf', timeout: 60_000 });
    await page.evaluate(() => new Promise((r) => setTimeout(r, 1000)));
    const spans = await page.evaluate(() => window.__atlasPerf.filter((e) => ['mount', 'card-build', 'map-frame'].includes(e.kind)));
    const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
    const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' &&
      events.some((t) => t.pid === e.pid && t.name === 'ParseHTML'));
    // Top-level tasks (RunTask, as Lighthouse reads them; the one that instantiates the module is
    // among them); one inside another (a nested run loop) counts once, as the outer one.
    const all = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' &&
      e.pid === main?.pid && e.tid === main?.tid).sort((a, b) => a.ts - b.ts);
    const tasks = [];
    let end = -Infinity;
    for (const e of all) {
      if (e.ts >= end) {
        tasks.push(e.dur / 1000);
        end = e.ts + e.dur;
      }
    }
    const span = (kind) => spans.find((e) => e.kind === kind)?.ms ?? NaN;
    return {
      longest: Math.max(...tasks),
      over: tasks.filter((d) => d > 12.5).length,
      blocking: tasks.reduce((sum, d) => sum + Math.max(0, 4 * d - 50), 0),
      mount: span('mount'), card: span('card-build'), frame: span('map-frame'),
    };
  } finally {
    await context.close();
  }
}

async function startup(browser) {
  const results = await eachBuild(LOADS, (build) => startupOnce(browser, build.url));
  section(`Start-up tasks at 412×823, DPR 1.75, no throttling, traced (median of ${LOADS} loads, range)`);
  const cell = (pick, d = 1) => results.map((r) => {
    const xs = r.map(pick);
    return `${fixed(median(xs), d)} (${fixed(sorted(xs)[0], d)}–${fixed(sorted(xs).at(-1), d)})`;
  });
  row('longest main-thread task, ms', cell((x) => x.longest));
  row('tasks over 12.5 ms (50 ms at 4× CPU)', cell((x) => x.over, 0));
  row('Σ(4·d − 50) over the tasks, ms (est. of Lighthouse mobile TBT, all tasks)', cell((x) => x.blocking, 0));
  row('the app: building the page, ms', cell((x) => x.mount));
  row('the app: building the first map card, ms', cell((x) => x.card));
  row("the app: the map's first frame, ms", cell((x) => x.frame));
}

// ---------------------------------------------------------------------------------------------
// The search under hostile queries

/** What readers type. */
const ORDINARY = ['俄罗斯', 'russia', 'Rusia', 'TEU', '美', 'electric cars', '俄罗斯出口', '2401', 'overseas warehouse', 'e'];
const MIXED = ['russia', 'USA', 'EV', 'TEU', 'port', '俄罗斯', 'exports', '2023', '美国', 'Shanghai', 'electric', 'cars'];
/** `words` repeated, space-separated, cut to `n` characters. */
const wordsUpTo = (words, n) => {
  let q = '';
  for (let i = 0; [...q].length < n; i++) q += `${words[i % words.length]} `;
  return [...q].slice(0, n).join('');
};
/**
 * Queries a reader may paste, up to 5,000 characters: long, repetitive, combining marks, CJK, mixed.
 * Each is [label, query, family]: within a family the queries grow, and once one is given up (see
 * SEARCH_CAP_MS) the longer ones of its family are not run.
 */
const HOSTILE = [
  ['e + U+0301 × 250 (500 chars)', 'e\u0301'.repeat(250), 'marks'],
  ['e + U+0301 × 1,000 (2,000 chars)', 'e\u0301'.repeat(1000), 'marks'],
  ['e + U+0301 × 2,500 (5,000 chars)', 'e\u0301'.repeat(2500), 'marks'],
  ['国 × 500', '国'.repeat(500), 'guo'],
  ['国 × 2,000', '国'.repeat(2000), 'guo'],
  ['国 × 5,000', '国'.repeat(5000), 'guo'],
  ['中国 × 12 (24 chars, split in pieces)', '中国'.repeat(12), 'zhongguo'],
  ['mixed words (russia USA EV TEU port 俄罗斯 …), 500 chars', wordsUpTo(MIXED, 500), 'mixed'],
  ['mixed words, 5,000 chars', wordsUpTo(MIXED, 5000), 'mixed'],
  ['"e " × 250 (one-letter words, 500 chars)', 'e '.repeat(250), 'letters'],
  ['"e " × 2,500 (one-letter words, 5,000 chars)', 'e '.repeat(2500), 'letters'],
  ['eight misspellings', 'rusia germny philipines amerca shanghia exprots warehuose elektric', 'typos'],
];

/**
 * A pasted query still unanswered after this long (wall clock) is given up: the page, its main
 * thread still busy, is closed and a fresh one opened for the next query. Only a build whose
 * search stalls reaches it.
 */
const SEARCH_CAP_MS = num('BENCH_SEARCH_CAP_MS', 30_000);
const GAVE_UP = Symbol('gave up');

/** `promise`, or GAVE_UP once SEARCH_CAP_MS have passed. */
function capped(promise) {
  promise.catch(() => {});
  let timer;
  const cap = new Promise((resolve) => { timer = setTimeout(() => resolve(GAVE_UP), SEARCH_CAP_MS); });
  return Promise.race([promise, cap]).finally(() => clearTimeout(timer));
}

/** A fresh atlas with the search reached for (which builds its index), and what that cost. */
async function searchPage(browser, url) {
  const { context, page, cdp } = await freshPage(browser);
  await openAtlas(page, cdp, url);
  const atLoad = await wasmMemoryBytes(page);
  const floor = [];
  for (let i = 0; i < 10; i++) floor.push(await mainThreadCost(page, cdp, async () => {}, () => frames(page)));
  const reach = await mainThreadCost(page, cdp, () => page.click(SEARCH));
  return { context, page, cdp, atLoad, floor: median(floor), reach };
}

/** Close a page, even one whose main thread does not answer (not waiting more than 10 s). */
const closeTab = (tab) => Promise.race([tab.context.close().catch(() => {}), new Promise((r) => setTimeout(r, 10_000))]);

/** Main-thread cost of each hostile query pasted and of one more character typed, and the memory. */
async function searchUnderLoad(browser, build) {
  // Reaching for the search is measured once a page: two more pages for a median of three.
  const reach = [];
  for (let k = 0; k < 2; k++) {
    const tab = await searchPage(browser, build.url);
    reach.push(tab.reach);
    await closeTab(tab);
  }
  const first = await searchPage(browser, build.url);
  reach.push(first.reach);
  let tab = first;
  try {
    const answered = () => tab.page.waitForFunction(() => document.querySelector('#search-list:not([hidden]) [role=option]') ||
      document.querySelector('#search-none:not([hidden])'), null, { polling: 'raf', timeout: SEARCH_CAP_MS + 60_000 });
    const clear = async () => {
      await tab.page.fill(SEARCH, '');
      await quiet(tab.page, tab.cdp);
    };
    const ordinary = [];
    for (let r = 0; r < SEARCH_REPEATS; r++) {
      for (const q of ORDINARY) {
        await clear();
        ordinary.push(await mainThreadCost(tab.page, tab.cdp, () => tab.page.keyboard.insertText(q), answered));
      }
    }
    const indexed = await wasmMemoryBytes(tab.page);
    const out = [];
    const givenUp = new Set();
    for (const [label, q, family] of HOSTILE) {
      if (givenUp.has(family)) {
        out.push({ label, skipped: true });
        continue;
      }
      const pasted = [];
      const typed = [];
      let gaveUp = false;
      for (let r = 0; r < SEARCH_REPEATS && !gaveUp; r++) {
        await clear();
        for (const [into, act] of [[pasted, () => tab.page.keyboard.insertText(q)], [typed, () => tab.page.keyboard.press('x')]]) {
          const cost = await capped(mainThreadCost(tab.page, tab.cdp, act, answered));
          if (cost === GAVE_UP) {
            gaveUp = true;
            break;
          }
          into.push(cost);
        }
      }
      if (gaveUp) {
        givenUp.add(family);
        out.push({ label, gaveUp: true, pasted, typed });
        await closeTab(tab);
        tab = await searchPage(browser, build.url);
        continue;
      }
      const held = await tab.page.$eval(SEARCH, (el) => [...el.value].length);
      out.push({ label, pasted, typed, held });
    }
    await clear();
    // The memory after the hostile set means something only on the page that took all of it.
    const after = tab === first ? await wasmMemoryBytes(tab.page) : null;
    if (process.env.BENCH_DEBUG) console.log(JSON.stringify({ floor: first.floor, out }));
    return { atLoad: first.atLoad, indexed, after, floor: first.floor, reach, ordinary, out };
  } finally {
    await closeTab(tab);
    if (tab !== first) await closeTab(first);
  }
}

async function searchBench(browser) {
  const r = (await eachBuild(1, (build) => searchUnderLoad(browser, build))).map((x) => x[0]);
  const net = (xs, i) => xs.map((v) => Math.max(0, v - r[i].floor));
  const capS = fixed(SEARCH_CAP_MS / 1000);
  section(`The search under hostile queries: main-thread ms per input event, pasted / one more character typed (median of ${SEARCH_REPEATS}; goal ≤ 16)`);
  row('reaching for the search (focus; builds the index): median of 3 pages (range)', r.map((x, i) => {
    const xs = net(x.reach, i);
    return `${fixed(median(xs), 1)} (${fixed(Math.min(...xs), 1)}–${fixed(Math.max(...xs), 1)})`;
  }));
  row(`${ORDINARY.length} ordinary queries, one input event each: median / worst`, r.map((x, i) => `${fixed(median(net(x.ordinary, i)), 1)} / ${fixed(Math.max(...net(x.ordinary, i)), 1)}`));
  row('hostile queries: the worst keystroke, the slowest median (the slowest single sample)', r.map((x, i) => {
    const ran = x.out.filter((q) => !q.skipped);
    if (ran.some((q) => q.gaveUp)) return `> ${capS} s (a query did not answer)`;
    const medians = ran.flatMap((q) => [median(net(q.pasted, i)), median(net(q.typed, i))]);
    const samples = ran.flatMap((q) => net([...q.pasted, ...q.typed], i));
    return `${fixed(Math.max(...medians), 1)} (${fixed(Math.max(...samples), 1)})`;
  }));
  HOSTILE.forEach(([label], k) => {
    row(`  ${label}`, r.map((x, i) => {
      const q = x.out[k];
      if (q.skipped) return 'not run (a shorter one did not answer)';
      if (q.gaveUp) {
        const done = net(q.pasted, i);
        return `> ${capS} s: not answered${done.length ? ` (pasted before: ${done.map((v) => fixed(v)).join(', ')} ms)` : ''}`;
      }
      return `${fixed(median(net(q.pasted, i)), 1)} / ${fixed(median(net(q.typed, i)), 1)} (field holds ${q.held})`;
    }));
  });
  row('floor: the same measurement around no action (subtracted)', r.map((x) => fixed(x.floor, 2)));
  const mb = (b) => (b == null ? 'not read' : (b / (1024 * 1024)).toFixed(2));
  section('WebAssembly memory (MiB) around the hostile queries (goal: within 1 MB of the index built)');
  row('at load', r.map((x) => mb(x.atLoad)));
  row("the search's index built, the ordinary queries answered", r.map((x) => mb(x.indexed)));
  row('after the hostile set', r.map((x) => (x.after == null ? 'page closed (a query did not answer)' : mb(x.after))));
  row('growth over the hostile set (KiB)', r.map((x) => (x.after == null ? '—' : fixed((x.after - x.indexed) / 1024, 0))));
}

// ---------------------------------------------------------------------------------------------

console.log(`builds: ${builds.map((b) => `${b.label} = ${b.url}`).join(', ')}`);
const step = (what) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${what}`);
const STEPS = (process.env.BENCH_STEPS || 'paint,startup,lighthouse,main,memory,search').split(',');
const browser = await launch();
try {
  if (STEPS.includes('paint')) {
    step(`first painted canvas, ${LOADS} loads per build`);
    await firstPaint(browser);
  }
  if (STEPS.includes('startup')) {
    step(`start-up tasks on a phone-sized page, ${LOADS} loads per build`);
    await startup(browser);
  }
  if (STEPS.includes('lighthouse')) {
    step(`Lighthouse, ${LIGHTHOUSE_RUNS} mobile and ${LIGHTHOUSE_RUNS} desktop runs per build`);
    await lighthouse();
  }
  if (STEPS.includes('main')) {
    step(`main-thread time: ${SWITCHES} language and theme switches, ${HOVERS} pointer moves per build`);
    await mainThread(browser);
  }
  if (STEPS.includes('memory')) {
    step(`WebAssembly memory over ${MEMORY_AT.at(-1)} language switches, DOM size`);
    await memory(browser);
  }
  if (STEPS.includes('search')) {
    step(`the search under ${HOSTILE.length} hostile queries, ${SEARCH_REPEATS} times each per build`);
    await searchBench(browser);
  }
} finally {
  await browser.close();
}
printTable();
