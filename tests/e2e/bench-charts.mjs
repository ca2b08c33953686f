// Per-chart timing benchmark (run by `cargo xtask bench --charts`, not a test): first-draw time of
// every chart and the time from a pointer move to the finished redraw, over a scripted sweep of every
// canvas chart, in headless Chromium at devicePixelRatio 1 and 2. Long tasks (> 50 ms) during the sweeps are counted.
// The app reports timings into window.__atlasPerf only when this script installs that array.
import { chromium } from 'playwright-core';

const url = process.env.ATLAS_URL;
if (!url) {
  console.error('bench.mjs: set ATLAS_URL');
  process.exit(2);
}
const args = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const quantile = (xs, q) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * (s.length - 1) + 0.5))];
};
const f = (x) => (Number.isFinite(x) ? x.toFixed(2) : '—');

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args });
let worstP95 = 0;
let worstMap = 0;
let totalLong = 0;
for (const dpr of [1, 2]) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: dpr, locale: 'en-US' });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__atlasPerf = [];
    window.__longTasks = [];
    try {
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longTasks.push(e.duration); })
        .observe({ type: 'longtask', buffered: true });
    } catch (_) { /* not supported */ }
  });
  await page.goto(url);
  // The page builds its parts as they near the view: ask for all of them, as find in page does,
  // so that every chart is built, drawn and swept.
  await page.waitForFunction(() => document.querySelector('#map canvas')?.dataset.drawn === '1', null, { timeout: 60000 });
  await page.keyboard.press('Control+f');
  await page.waitForFunction(() => {
    const c = [...document.querySelectorAll('figure.card canvas')];
    return !document.querySelector('.deferred[data-built=false]') && c.length > 1 && c.every((x) => x.dataset.drawn === '1');
  }, null, { timeout: 60000 });
  const charts = await page.$$eval('figure.card', (fs) => fs.filter((f) => f.querySelector('canvas')).map((f) => f.dataset.chart));
  const first = await page.evaluate(() => window.__atlasPerf.filter((e) => e.kind === 'first-draw'));
  const firstAt = await page.evaluate(() => Math.max(...window.__atlasPerf.filter((e) => e.kind === 'first-draw-at').map((e) => e.ms)));
  await page.evaluate(() => { window.__atlasPerf.length = 0; window.__longTasks.length = 0; });
  const rows = [];
  const all = [];
  for (const id of charts) {
    const canvas = page.locator(`figure[data-chart="${id}"] canvas`);
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    await page.evaluate(() => { window.__atlasPerf.length = 0; });
    for (const fx of [0.35, 0.6]) {
      for (let y = box.y + 2; y < box.y + box.height - 2; y += 3) {
        await page.mouse.move(box.x + box.width * fx, y);
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
      }
    }
    await page.mouse.move(0, 0);
    const hover = await page.evaluate((c) => window.__atlasPerf.filter((e) => e.kind === 'hover' && e.chart === c).map((e) => e.ms), id);
    const fd = first.find((e) => e.chart === id);
    rows.push({ id, first: fd ? fd.ms : NaN, n: hover.length, med: quantile(hover, 0.5), p95: quantile(hover, 0.95), max: Math.max(...hover) });
    all.push(...hover);
  }
  // The map, on the partners layer and on the flows layer: a drag across it, then wheel zooms in
  // and out, timing every frame; and the hit test.
  for (const layer of ['map-partners', 'map-flows']) {
  await page.click(`#map button.layer-tab[data-layer=${layer}]`);
  await page.waitForFunction((l) => document.querySelector(`#map figure.card[data-chart="${l}"] canvas`)?.dataset.drawn === '1', layer);
  const mapCanvas = page.locator('#map canvas');
  let mapFrames = [];
  let mapHits = [];
  if (await mapCanvas.count()) {
    await mapCanvas.scrollIntoViewIfNeeded();
    const mb = await mapCanvas.boundingBox();
    await page.evaluate(() => { window.__atlasPerf.length = 0; });
    for (let pass = 0; pass < 3; pass++) {
      await page.mouse.move(mb.x + mb.width * 0.5, mb.y + mb.height * 0.5);
      await page.mouse.wheel(0, -300);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
      await page.mouse.down();
      for (let i = 0; i < 30; i++) {
        await page.mouse.move(mb.x + mb.width * (0.5 - i * 0.01), mb.y + mb.height * (0.5 + (i % 5) * 0.005));
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
      }
      await page.mouse.up();
      for (let i = 0; i < 6; i++) {
        await page.mouse.wheel(0, i < 3 ? -200 : 200);
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
      }
      for (let x = 0.1; x < 0.9; x += 0.02) {
        await page.mouse.move(mb.x + mb.width * x, mb.y + mb.height * 0.45);
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
      }
      await page.click('[data-testid=zoom-reset]');
    }
    mapFrames = await page.evaluate(() => window.__atlasPerf.filter((e) => e.kind === 'map-frame').map((e) => e.ms));
    mapHits = await page.evaluate(() => window.__atlasPerf.filter((e) => e.kind === 'map-hit').map((e) => e.ms));
    console.log(`${layer}: ${mapFrames.length} frames during pan/zoom/hover, median ${f(quantile(mapFrames, 0.5))}, p95 ${f(quantile(mapFrames, 0.95))}, max ${f(Math.max(...mapFrames))} ms (goal p95 < 8 ms); hit test: ${mapHits.length} calls, median ${f(quantile(mapHits, 0.5))}, p95 ${f(quantile(mapHits, 0.95))} ms (goal < 0.5 ms; performance.now() is coarsened to 0.1 ms)`);
    worstMap = Math.max(worstMap, quantile(mapFrames, 0.95));
  }
  }
  const long = await page.evaluate(() => window.__longTasks);
  console.log(`\nTimings at devicePixelRatio ${dpr} (1280 px wide, headless Chromium), milliseconds`);
  console.log(`${'chart'.padEnd(28)} ${'first draw'.padStart(10)} ${'hovers'.padStart(7)} ${'median'.padStart(7)} ${'p95'.padStart(7)} ${'max'.padStart(7)}`);
  for (const r of rows) {
    console.log(`${r.id.padEnd(28)} ${f(r.first).padStart(10)} ${String(r.n).padStart(7)} ${f(r.med).padStart(7)} ${f(r.p95).padStart(7)} ${f(r.max).padStart(7)}`);
  }
  const p95 = quantile(all, 0.95);
  worstP95 = Math.max(worstP95, p95);
  totalLong += long.filter((d) => d > 50).length;
  console.log(`all charts: ${all.length} hover redraws, median ${f(quantile(all, 0.5))}, p95 ${f(p95)}, max ${f(Math.max(...all))}`);
  console.log(`every chart drawn by ${f(firstAt)} ms after navigation start (the whole page asked for once the map was drawn); long tasks during the sweeps: ${long.length} (over 50 ms: ${long.filter((d) => d > 50).length}, longest ${f(Math.max(0, ...long))})`);
  await context.close();
}
await browser.close();
console.log(`Goal: map frame p95 under 8 ms: ${worstMap < 8 ? 'met' : 'NOT met'} (worst ${f(worstMap)} ms)`);
console.log(`\nGoal: hover redraw p95 under 4 ms: ${worstP95 < 4 ? 'met' : 'NOT met'} (worst p95 ${f(worstP95)} ms); no long task over 50 ms during a sweep: ${totalLong === 0 ? 'met' : `NOT met (${totalLong})`}`);
