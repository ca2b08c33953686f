// One small driver interface over the three browser engines the atlas is tested in, so the
// reader's walk (walk.mjs) is written once and run in each:
//
//   chromium  Debian's Chromium through playwright-core (as the rest of the suite)
//   firefox   Debian's Firefox ESR through puppeteer-core over WebDriver BiDi
//   webkit    WebKitGTK's MiniBrowser through WebKitWebDriver (started here on a virtual display
//             with xvfb-run, as MiniBrowser cannot run headless) and selenium-webdriver
//
// A session offers only what the walk needs, with the same meaning in every engine:
//   goto(url)                 navigate and wait for the load event
//   evaluate(fn, arg)         run fn(arg) in the page (it may be async); its JSON-able result
//   click(selector)           scroll the element to the middle of the viewport and click it
//   move(x, y)                move the pointer to viewport coordinates
//   type(text), press(key)    keys to the focused element; key is one of KEYS
//   resize(width, height)     set the viewport (a window that cannot be that small stays at its
//                             smallest); returns the viewport's { width, height } after
//   screenshot(file)          a PNG of the viewport
//   driverProblems()          console errors and uncaught errors the driver reports (WebDriver
//                             classic reports none: the page's own recorder, probe.js, covers it)
//   close()

import { spawn } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { WAIT_MS, launch as launchChromium } from './lib.mjs';

/** The engines, in the order the suite names them. */
export const ENGINES = ['chromium', 'firefox', 'webkit'];

/** The keys the walk presses. */
export const KEYS = ['Enter', 'Escape', 'ArrowDown', 'ArrowRight', 'ArrowLeft'];

/** Open a session in `engine` with a viewport of `width` × `height`. */
export async function openEngine(engine, { width = 1280, height = 900 } = {}) {
  const open = { chromium: openChromium, firefox: openFirefox, webkit: openWebKit }[engine];
  if (!open) throw new Error(`unknown engine "${engine}": one of ${ENGINES.join(', ')}`);
  return open(width, height);
}

/** Why `engine` cannot run on this machine (a skip message), or false. */
export function engineMissing(engine) {
  const need = {
    chromium: [process.env.CHROMIUM || '/usr/bin/chromium'],
    firefox: [FIREFOX],
    webkit: ['/usr/bin/WebKitWebDriver', '/usr/bin/xvfb-run', minibrowser() ?? 'WebKitGTK MiniBrowser'],
  }[engine];
  if (!need) return `unknown engine "${engine}": one of ${ENGINES.join(', ')}`;
  const missing = need.filter((p) => !existsSync(p));
  return missing.length ? `${missing.join(', ')} not installed: \`cargo xtask setup-test\` installs them` : false;
}

const FIREFOX = process.env.FIREFOX || '/usr/bin/firefox-esr';

/** Debian's libwebkit2gtk-4.1-0 keeps MiniBrowser under the architecture's library directory. */
function minibrowser() {
  for (const dir of readdirSync('/usr/lib')) {
    const p = `/usr/lib/${dir}/webkit2gtk-4.1/MiniBrowser`;
    if (existsSync(p)) return p;
  }
  return null;
}

/**
 * The session over a Playwright or Puppeteer page (their page APIs agree on everything the walk
 * uses): `setSize(w, h)` is the one call they name differently.
 */
function pageSession(engine, page, setSize, close) {
  const problems = [];
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`); });
  page.on('pageerror', (err) => problems.push(`page error: ${err?.message ?? err}`));
  const evaluate = page.evaluate.bind(page);
  return {
    engine,
    goto: async (url) => { await page.goto(url, { waitUntil: 'load' }); },
    evaluate,
    click: async (selector) => {
      await scrollToMiddle(evaluate, selector);
      await page.click(selector);
    },
    move: (x, y) => page.mouse.move(x, y),
    type: (text) => page.keyboard.type(text),
    press: (key) => page.keyboard.press(checkKey(key)),
    resize: async (w, h) => {
      await setSize(w, h);
      return viewport(evaluate);
    },
    screenshot: async (file) => { await page.screenshot({ path: file }); },
    // The browser's own print to PDF (A4, backgrounds), as a reader's "Save as PDF".
    pdf: async () => Buffer.from(await page.pdf({ format: 'A4', printBackground: true })),
    driverProblems: () => problems.splice(0),
    close,
  };
}

// ---------------------------------------------------------------------------------------------
// Chromium (playwright-core)

async function openChromium(width, height) {
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width, height }, reducedMotion: 'reduce', serviceWorkers: 'block' });
  context.setDefaultTimeout(WAIT_MS);
  const page = await context.newPage();
  return pageSession('chromium', page, (w, h) => page.setViewportSize({ width: w, height: h }), () => browser.close());
}

// ---------------------------------------------------------------------------------------------
// Firefox ESR (puppeteer-core over WebDriver BiDi)

async function openFirefox(width, height) {
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: {
      // The reader's system asks for reduced motion, as in the Chromium suite.
      'ui.prefersReducedMotion': 1,
    },
  });
  const page = (await browser.pages())[0] ?? (await browser.newPage());
  await page.setViewport({ width, height });
  page.setDefaultTimeout(WAIT_MS);
  return pageSession('firefox', page, (w, h) => page.setViewport({ width: w, height: h }), () => browser.close());
}

// ---------------------------------------------------------------------------------------------
// WebKitGTK (WebKitWebDriver on a virtual display, selenium-webdriver)

/** A free TCP port on loopback. */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Wait until WebKitWebDriver answers /status. */
async function driverReady(url, proc) {
  const end = Date.now() + WAIT_MS;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`WebKitWebDriver exited with ${proc.exitCode}`);
    try {
      const res = await fetch(`${url}/status`);
      if (res.ok) return;
    } catch { /* not listening yet */ }
    if (Date.now() > end) throw new Error(`WebKitWebDriver did not answer at ${url} within ${WAIT_MS} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function openWebKit(width, height) {
  const { Builder, By, Key, Origin } = await import('selenium-webdriver');
  const binary = minibrowser();
  if (!binary) throw new Error('WebKitGTK MiniBrowser not found under /usr/lib/*/webkit2gtk-4.1/');
  // Our own driver process on an address we choose (selenium's driver service picked a
  // non-loopback one here), under xvfb-run so MiniBrowser has a display; its own process group,
  // so closing ends the virtual display too.
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const proc = spawn('xvfb-run', ['-a', '-s', '-screen 0 1920x1200x24', '/usr/bin/WebKitWebDriver', '--host=127.0.0.1', `--port=${port}`],
    { detached: true, stdio: 'ignore' });
  const stop = () => {
    try { process.kill(-proc.pid, 'SIGTERM'); } catch { /* already gone */ }
  };
  let driver;
  try {
    await driverReady(url, proc);
    driver = await new Builder()
      .usingServer(url)
      .withCapabilities({
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary, args: ['--automation'] },
      })
      .build();
    await driver.manage().setTimeouts({ script: WAIT_MS, pageLoad: 2 * WAIT_MS });
  } catch (err) {
    stop();
    throw err;
  }
  const evaluate = (fn, arg) => driver.executeScript(`return (${fn}).apply(null, arguments);`, arg);
  const keys = { Enter: Key.ENTER, Escape: Key.ESCAPE, ArrowDown: Key.ARROW_DOWN, ArrowRight: Key.ARROW_RIGHT, ArrowLeft: Key.ARROW_LEFT };
  const session = {
    engine: 'webkit',
    goto: (to) => driver.get(to),
    evaluate,
    click: async (selector) => {
      await scrollToMiddle(evaluate, selector);
      await driver.findElement(By.css(selector)).click();
    },
    move: (x, y) => driver.actions({ async: true }).move({ x: Math.round(x), y: Math.round(y), origin: Origin.VIEWPORT }).perform(),
    type: (text) => driver.actions({ async: true }).sendKeys(text).perform(),
    press: (key) => driver.actions({ async: true }).sendKeys(keys[checkKey(key)]).perform(),
    // The window's outer size is set; the viewport is what is left of it, so a second step
    // adds the difference.
    resize: async (w, h) => {
      await driver.manage().window().setRect({ width: w, height: h });
      const got = await viewport(evaluate);
      if (got.width !== w || got.height !== h) {
        await driver.manage().window().setRect({ width: w + (w - got.width), height: h + (h - got.height) });
      }
      return viewport(evaluate);
    },
    screenshot: async (file) => { writeFileSync(file, Buffer.from(await driver.takeScreenshot(), 'base64')); },
    driverProblems: () => [],
    close: async () => {
      try { await driver.quit(); } finally { stop(); }
    },
  };
  await session.resize(width, height);
  return session;
}

// ---------------------------------------------------------------------------------------------

function checkKey(key) {
  if (!KEYS.includes(key)) throw new Error(`the walk presses only ${KEYS.join(', ')}, not "${key}"`);
  return key;
}

/**
 * In the page: scroll `sel` to the middle of the viewport (clear of the sticky contents bar) and
 * wait until it stops moving (parts built near it settle to their heights, and a #link's scroll
 * follows its target while they do): the same box for `frames` frames in a row. Its box, or null.
 */
export async function steadyInView([sel, frames, timeout]) {
  const el = document.querySelector(sel);
  if (!el) return null;
  el.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
  const end = performance.now() + timeout;
  let last = '';
  for (let same = 0; same < frames && performance.now() < end;) {
    await new Promise((r) => requestAnimationFrame(r));
    const r = el.getBoundingClientRect();
    const now = JSON.stringify({ x: r.x, y: r.y, width: r.width, height: r.height });
    same = now === last ? same + 1 : 0;
    last = now;
  }
  return JSON.parse(last);
}

/** Bring `selector` to the middle of the viewport, steady, before a click. */
async function scrollToMiddle(evaluate, selector) {
  const box = await evaluate(steadyInView, [selector, 5, WAIT_MS]);
  if (!box) throw new Error(`nothing matches ${selector} to click`);
}

/** The viewport's CSS size. */
function viewport(evaluate) {
  return evaluate(() => ({ width: innerWidth, height: innerHeight }));
}
