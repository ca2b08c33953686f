// The phone profile of the benchmark (run by `cargo xtask bench --phone`; timings never fail a
// test). For one build, or several side by side in one run, each served on loopback with gzip as
// GitHub Pages serves it, it loads the atlas as a mid-range phone on a slow network would:
//
// - 412×823 CSS pixels at DPR 1.75, touch, Chinese (the atlas's first language: the map is on the
//   first screen there; in English the taller header puts it below it at this size);
// - the CPU 4× slower (CDP Emulation.setCPUThrottlingRate) and the network at 1.6 Mbps down,
//   750 kbps up with 150 ms round trips (CDP Network.emulateNetworkConditions), as Lighthouse's
//   mobile preset assumes; a fresh browser context (nothing cached) for every load;
//
// and prints, median of RUNS loads per build (builds interleaved: A, B, A, B …):
//
// - first contentful paint (the paint timing entry);
// - the map first seen: the first frame whose rendering puts the map's pixels on screen (in the
//   viewport, not hidden). The static map counts when it is in the document by the first
//   contentful paint (that paint shows it), else from the first rendering update after it was
//   inserted; the live canvas counts from the first rendering update after it carries
//   data-drawn="1" and is visible. "After a rendering update" is a task queued from that frame's
//   requestAnimationFrame callback, which runs once the frame has been painted;
// - the first interactive map frame: the same moment for the live canvas (drawn, its pointer and
//   key handlers attached when it was built, and the static map gone);
// - the bytes transferred before that frame (Resource Timing transferSize of the page and of
//   every resource whose response ended by then), and in all by the load's end;
// - what that frame waited for: the page's response, the module's request, response start and
//   end, the module started (Trunk's TrunkApplicationStarted event), the app's own spans
//   (building the page, the map card, the map's first frame) and the long tasks (≥ 50 ms at 4×).
//
// Environment: ATLAS_BENCH_BUILDS="label=url label=url" (or ATLAS_URL for one build), CHROMIUM;
// optional BENCH_PHONE_RUNS (3), BENCH_PHONE_LOCALE (zh-CN), BENCH_PHONE_QUERY (appended to each
// address, e.g. "?lang=en"), BENCH_DEBUG (print every sample).

import { launch } from './lib.mjs';

const num = (name, fallback) => (process.env[name] ? Number(process.env[name]) : fallback);
const RUNS = num('BENCH_PHONE_RUNS', 3);
const LOCALE = process.env.BENCH_PHONE_LOCALE || 'zh-CN';
const QUERY = process.env.BENCH_PHONE_QUERY || '';
const PHONE = { width: 412, height: 823, dpr: 1.75 };
const CPU_SLOWDOWN = 4;
// 1.6 Mbps down, 750 kbps up (bytes per second), 150 ms round trip.
const NETWORK = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

const builds = (process.env.ATLAS_BENCH_BUILDS || (process.env.ATLAS_URL ? `this_build=${process.env.ATLAS_URL}` : ''))
  .split(/\s+/).filter(Boolean).map((s) => {
    const i = s.indexOf('=');
    return { label: s.slice(0, i).replace(/_/g, ' '), url: s.slice(i + 1) };
  });
if (!builds.length || builds.some((b) => !b.url)) {
  console.error('bench-phone.mjs: set ATLAS_BENCH_BUILDS="before=http://… after=http://…" or ATLAS_URL');
  process.exit(2);
}

const sorted = (xs) => [...xs].filter(Number.isFinite).sort((a, b) => a - b);
const median = (xs) => {
  const s = sorted(xs);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fixed = (x, d = 0) => (Number.isFinite(x) ? x.toFixed(d) : '—');

/** Installed before any script of the page: watches for the static map and the live canvas. */
function watch() {
  window.__atlasPerf = [];
  const w = (window.__phone = { longTasks: [], started: null, staticAt: null, staticFrame: null, liveAt: null, liveFrame: null });
  const afterFrame = (done) => requestAnimationFrame(() => setTimeout(() => done(performance.now()), 0));
  const shown = (el) => {
    const r = el.getBoundingClientRect();
    const onScreen = r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
    return { onScreen, visible: el.checkVisibility ? el.checkVisibility({ visibilityProperty: true }) : true,
      top: r.top, height: r.height, inView: Math.max(0, Math.min(r.bottom, innerHeight) - Math.max(r.top, 0)) };
  };
  addEventListener('TrunkApplicationStarted', () => { w.started = performance.now(); });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch { /* no long task timing */ }
  const look = () => {
    if (w.staticAt === null) {
      const s = document.querySelector('#static-map .sm-box');
      if (s) {
        w.staticAt = performance.now();
        afterFrame((t) => { w.staticFrame = { t, ...shown(s) }; });
      }
    }
    if (w.liveAt === null) {
      const c = document.querySelector('#map canvas[data-drawn="1"]');
      if (c) {
        w.liveAt = performance.now();
        afterFrame((t) => { w.liveFrame = { t, ...shown(c), staticGone: !document.getElementById('static-map') }; });
      }
    }
  };
  new MutationObserver(look).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-drawn'] });
}

/** One throttled load: the figures above, in ms after navigation start. */
async function loadOnce(browser, url) {
  const context = await browser.newContext({
    viewport: { width: PHONE.width, height: PHONE.height }, deviceScaleFactor: PHONE.dpr, isMobile: true, hasTouch: true,
    locale: LOCALE, serviceWorkers: 'block', reducedMotion: 'reduce',
  });
  try {
    await context.addInitScript(watch);
    const page = await context.newPage();
    page.setDefaultTimeout(120_000);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.goto(url + QUERY, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__phone.liveFrame, null, { polling: 100 });
    // A moment for the paint entries and the last long tasks to be reported.
    await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
    const r = await page.evaluate(() => {
      const w = window.__phone;
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
      const nav = performance.getEntriesByType('navigation')[0];
      const res = performance.getEntriesByType('resource');
      const wasm = res.find((e) => e.name.endsWith('.wasm'));
      const glue = res.find((e) => e.name.endsWith('.js'));
      // The static map is seen at the first contentful paint when it was in the document by then.
      const st = w.staticFrame && w.staticFrame.onScreen && w.staticFrame.visible
        ? (w.staticAt <= fcp ? fcp : w.staticFrame.t) : NaN;
      const live = w.liveFrame;
      const liveSeen = live && live.onScreen && live.visible ? live.t : NaN;
      const interactive = live && live.visible && live.staticGone ? live.t : NaN;
      const bytesBy = (t) => [nav, ...res].filter((e) => e.responseEnd <= t).reduce((s, e) => s + (e.transferSize || 0), 0);
      const span = (kind) => (window.__atlasPerf || []).find((e) => e.kind === kind)?.ms ?? NaN;
      const long = w.longTasks.filter(([s]) => s <= (live?.t ?? Infinity));
      return {
        fcp,
        seen: Math.min(Number.isFinite(st) ? st : Infinity, Number.isFinite(liveSeen) ? liveSeen : Infinity),
        staticSeen: st,
        liveSeen,
        interactive,
        mapInView: (Number.isFinite(st) ? w.staticFrame : live)?.inView ?? NaN,
        mapHeight: (Number.isFinite(st) ? w.staticFrame : live)?.height ?? NaN,
        bytes: bytesBy(live?.t ?? 0),
        bytesAll: bytesBy(Infinity),
        html: nav.responseEnd,
        glueEnd: glue?.responseEnd ?? NaN,
        wasmStart: wasm?.startTime ?? NaN,
        wasmFirstByte: wasm?.responseStart ?? NaN,
        wasmEnd: wasm?.responseEnd ?? NaN,
        wasmBytes: wasm?.transferSize ?? NaN,
        started: w.started ?? NaN,
        mount: span('mount'),
        card: span('card-build'),
        frame: span('map-frame'),
        longCount: long.length,
        longSum: long.reduce((s, [, d]) => s + d, 0),
        longMax: long.reduce((m, [, d]) => Math.max(m, d), 0),
      };
    });
    if (process.env.BENCH_DEBUG) console.log(url, JSON.stringify(r));
    return r;
  } finally {
    await context.close();
  }
}

const rows = [];
const row = (measure, cells) => rows.push([measure, ...cells]);
const section = (title) => rows.push([title]);

function printTable() {
  const header = ['measure', ...builds.map((b) => b.label)];
  const widths = header.map((h) => h.length);
  for (const r of rows) if (r.length > 1) r.forEach((c, i) => { widths[i] = Math.max(widths[i], String(c).length); });
  const line = (r) => r.map((c, i) => (i === 0 ? String(c).padEnd(widths[0]) : String(c).padStart(widths[i]))).join('   ');
  console.log(`\n${line(header)}`);
  for (const r of rows) console.log(r.length === 1 ? `\n${r[0]}` : line(r));
}

console.log(`builds: ${builds.map((b) => `${b.label} = ${b.url}${QUERY}`).join(', ')}`);
console.log(`phone: ${PHONE.width}×${PHONE.height} at DPR ${PHONE.dpr}, ${LOCALE}, CPU ${CPU_SLOWDOWN}× slower, ` +
  `${fixed((NETWORK.downloadThroughput * 8) / 1024 / 1024, 1)} Mbps down / ${NETWORK.latency} ms round trip; ${RUNS} loads per build`);
const browser = await launch();
const results = builds.map(() => []);
try {
  for (let run = 0; run < RUNS; run++) {
    for (const [i, b] of builds.entries()) {
      console.log(`[${new Date().toISOString().slice(11, 19)}] load ${run + 1}/${RUNS} of ${b.label}`);
      results[i].push(await loadOnce(browser, b.url));
    }
  }
} finally {
  await browser.close();
}

const cell = (pick, d = 0, scale = 1) => results.map((r) => {
  const xs = r.map(pick).map((x) => x / scale);
  return `${fixed(median(xs), d)} (${xs.map((x) => fixed(x, d)).join(' ')})`;
});
section(`The phone profile: ms after navigation start, median of ${RUNS} loads (every load in brackets)`);
row('first contentful paint', cell((x) => x.fcp));
row('the map first seen (static or live)', cell((x) => x.seen));
row('  the static map seen', cell((x) => x.staticSeen));
row('  the live map seen', cell((x) => x.liveSeen));
row('the first interactive map frame', cell((x) => x.interactive));
row('KB transferred before that frame', cell((x) => x.bytes, 1, 1000));
row('KB transferred in all by then and after', cell((x) => x.bytesAll, 1, 1000));
row('map px on the first screen (of its height)', results.map((r) => `${fixed(median(r.map((x) => x.mapInView)))} of ${fixed(median(r.map((x) => x.mapHeight)))}`));
section('What the first interactive frame waits for (ms after navigation start, median)');
row('the page received', cell((x) => x.html));
row('the JS glue received', cell((x) => x.glueEnd));
row('the module requested', cell((x) => x.wasmStart));
row('  its first byte', cell((x) => x.wasmFirstByte));
row('  its last byte', cell((x) => x.wasmEnd));
row('  KB transferred', cell((x) => x.wasmBytes, 1, 1000));
row('the module started (instantiated, main run)', cell((x) => x.started));
row('the app: building the page, ms', cell((x) => x.mount));
row('the app: building the map card, ms', cell((x) => x.card));
row("the app: the map's first frame, ms", cell((x) => x.frame));
row('long tasks (≥ 50 ms) before the frame: count', cell((x) => x.longCount));
row('  their sum, ms', cell((x) => x.longSum));
row('  the longest, ms', cell((x) => x.longMax));
printTable();
