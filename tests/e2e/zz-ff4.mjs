import puppeteer from 'puppeteer-core';
import fs from 'fs';
const b = await puppeteer.launch({ browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true });
const p = await b.newPage();
await p.setViewport({ width: 1280, height: 900 });
await p.goto('http://127.0.0.1:8123/?lang=en');
await p.waitForSelector('canvas[data-drawn]', { timeout: 30000 });
// scroll through so every part is built before printing
for (let y = 0; y < 70000; y += 800) { await p.evaluate(y => window.scrollTo(0, y), y); await new Promise(r => setTimeout(r, 40)); }
await p.evaluate(() => window.scrollTo(0, 0));
await new Promise(r => setTimeout(r, 1000));
console.log(await p.evaluate(() => document.querySelectorAll('.dataset').length));
fs.writeFileSync('/tmp/out/ff-built-en.pdf', await p.pdf({ format: 'A4', printBackground: true }));
await b.close();
