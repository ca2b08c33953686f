import puppeteer from 'puppeteer-core';
import fs from 'fs';
const b = await puppeteer.launch({ browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true });
const p = await b.newPage();
await p.setViewport({ width: 1280, height: 900 });
await p.goto('http://127.0.0.1:8123/?lang=en');
await p.waitForSelector('canvas[data-drawn]', { timeout: 30000 });
await p.evaluate(() => {
  window.__log = [];
  addEventListener('beforeprint', () => window.__log.push(['beforeprint', document.querySelectorAll('.dataset').length, performance.now()]));
  addEventListener('afterprint', () => window.__log.push(['afterprint', document.querySelectorAll('.dataset').length, performance.now()]));
  matchMedia('print').addEventListener('change', e => window.__log.push(['mq', e.matches, document.querySelectorAll('.dataset').length]));
  new MutationObserver(() => {}).observe(document.body, { childList: true, subtree: true });
});
fs.writeFileSync('/tmp/out/ff-probe.pdf', await p.pdf({ format: 'A4', printBackground: true }));
console.log(JSON.stringify(await p.evaluate(() => window.__log)), await p.evaluate(() => document.querySelectorAll('.dataset').length));
await b.close();
