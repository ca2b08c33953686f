// Lay PNG pages side by side in one image using Chromium (no image tools here).
import { chromium } from 'playwright-core';
import fs from 'fs';
const files = process.argv.slice(3);
const html = '<body style="margin:0;background:#888;display:flex;gap:6px;flex-wrap:wrap">' + files.map(f => `<img src="data:image/png;base64,${fs.readFileSync(f).toString('base64')}" style="border:1px solid #000">`).join('') + '</body>';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const p = await b.newPage({ viewport: { width: 1400, height: 400 } });
await p.setContent(html);
await p.screenshot({ path: process.argv[2], fullPage: true });
await b.close();
