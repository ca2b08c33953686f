// All the data as one package: the About section links to the zip in both languages; the zip
// opens and holds exactly the files served beside it (datapackage.json and one CSV per dataset);
// and every value in those CSVs is the value the page's data tables show as printed, row by row
// and cell by cell, with every label in both languages.

import assert from 'node:assert/strict';
import { inflateRawSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import {
  ATLAS_URL, SKIP_REASON, TEST_TIMEOUT, gotoAtlas, launch, openPage, problems, switchLanguage, waitForMount,
} from './lib.mjs';

const DATA = ATLAS_URL ? new URL('data/', ATLAS_URL).href : '';

async function fetchBytes(url) {
  const res = await fetch(url);
  assert.equal(res.status, 200, `GET ${url}`);
  return Buffer.from(await res.arrayBuffer());
}

/** A CSV text (RFC 4180: quoted fields, doubled quotes, CRLF) as rows of fields. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field); rows.push(row); row = []; field = ''; i++;
    } else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

/** A CSV as objects keyed by its header. */
function records(text) {
  const [head, ...rows] = parseCsv(text);
  for (const r of rows) assert.equal(r.length, head.length, `every row has the header's ${head.length} fields`);
  return rows.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
}

/**
 * The files of a zip, read from its central directory, each inflated (or stored) from its local
 * entry: name → bytes. Throws on anything it cannot read.
 */
function unzip(buf) {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  assert.ok(eocd >= 0, 'the zip has an end-of-central-directory record');
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const files = new Map();
  for (let n = 0; n < count; n++) {
    assert.equal(buf.readUInt32LE(at), 0x02014b50, `central directory entry ${n}`);
    const method = buf.readUInt16LE(at + 10);
    const packed = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLen);
    assert.equal(buf.readUInt32LE(local), 0x04034b50, `${name}: local header`);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + packed);
    const bytes = method === 8 ? inflateRawSync(raw) : method === 0 ? Buffer.from(raw) : null;
    assert.ok(bytes, `${name}: stored or deflated (method ${method})`);
    assert.equal(bytes.length, size, `${name}: inflates to its recorded size`);
    files.set(name, bytes);
    at += 46 + nameLen + extraLen + commentLen;
  }
  return files;
}

const QUALIFIER_ZH = { over: '超过', about: '约', nearly: '近', under: '不足' };
const MINUS = '\u2212';

/** A printed number as the Chinese table writes it: thousands grouped, a true minus sign. */
function grouped(num) {
  const neg = num.startsWith('-');
  const [int, frac] = (neg ? num.slice(1) : num).split('.');
  const g = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (neg ? MINUS : '') + g + (frac !== undefined ? `.${frac}` : '');
}

/** A printed value (a number, a range a~b or a fraction a/b) as the Chinese table writes it. */
function printedZh(text) {
  if (text.includes('/')) return text;
  return text.split('~').map(grouped).join('~');
}

/** The value fields of a resource with their companions, from its schema. */
function valueColumns(resource) {
  const fields = resource.schema.fields;
  return fields.filter((f) => f.role === 'value').map((f) => ({
    name: f.name,
    fixedUnit: f.unit,
    derivedColumn: f.status === 'derived' || f.status === 'supplementary-derived',
    unit: fields.find((c) => c.of === f.name && c.role === 'unit')?.name,
    qualifier: fields.find((c) => c.of === f.name && c.role === 'qualifier')?.name,
    status: fields.find((c) => c.of === f.name && c.role === 'status')?.name,
  }));
}

/** Every dataset block's table (cell texts without tags or note marks) and list labels. */
function readPage(page) {
  return page.evaluate(() => {
    const out = {};
    for (const block of document.querySelectorAll('.dataset[data-dataset]')) {
      const id = block.getAttribute('data-dataset');
      const table = block.querySelector(`table#table-${id}`);
      const rows = [];
      for (const tr of table ? table.querySelectorAll('tbody tr[data-row]') : []) {
        const cells = {};
        for (const td of tr.querySelectorAll('td[data-col]')) {
          const copy = td.cloneNode(true);
          copy.querySelectorAll('.note-mark, .tag').forEach((e) => e.remove());
          cells[td.getAttribute('data-col')] = copy.textContent.trim();
        }
        rows.push({
          key: tr.getAttribute('data-row'),
          label: tr.querySelector('th .label')?.textContent.trim(),
          original: tr.querySelector('th .original')?.textContent.trim(),
          cells,
        });
      }
      const list = [...block.querySelectorAll('.list-label')].map((e) => e.textContent.trim());
      out[id] = { table: !!table, rows, list };
    }
    return out;
  });
}

describe('all the data as one package', { skip: SKIP_REASON, timeout: TEST_TIMEOUT * 2 }, () => {
  let browser;
  let pkg;
  let csv;
  before(async () => {
    browser = await launch();
    pkg = JSON.parse((await fetchBytes(`${DATA}datapackage.json`)).toString('utf8'));
    csv = {};
    for (const r of pkg.resources) csv[r.name] = records((await fetchBytes(new URL(r.path, DATA).href)).toString('utf8'));
  });
  after(async () => {
    await browser?.close();
  });

  test('the About section links to the zip in both languages, and the link downloads it', async () => {
    const { context, page, log } = await openPage(browser, { locale: 'zh-CN' });
    try {
      await page.goto(ATLAS_URL, { waitUntil: 'load' });
      await waitForMount(page);
      const link = page.locator('#about a[data-testid=download-data]');
      await link.waitFor({ state: 'attached' });
      assert.equal((await link.textContent()).trim(), '下载全部数据');
      assert.equal(await link.getAttribute('href'), 'data/trade-atlas-data.zip');
      await link.scrollIntoViewIfNeeded();
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      assert.equal(download.suggestedFilename(), 'trade-atlas-data.zip');
      assert.equal(download.url(), `${DATA}trade-atlas-data.zip`);
      await switchLanguage(page);
      assert.equal((await link.textContent()).trim(), 'Download all data');
      assert.match(await page.locator('#about').textContent(), /Frictionless Data Package/);
      assert.deepEqual(problems(log), []);
    } finally {
      await context.close();
    }
  });

  test('the zip opens and holds exactly the descriptor and every CSV, as served beside it', async () => {
    const files = unzip(await fetchBytes(`${DATA}trade-atlas-data.zip`));
    const names = ['datapackage.json', ...pkg.resources.map((r) => r.path)];
    assert.deepEqual([...files.keys()].sort(), [...names].sort());
    assert.equal([...files.keys()][0], 'datapackage.json', 'the descriptor first, at the root');
    for (const name of names) {
      assert.ok(files.get(name).equals(await fetchBytes(new URL(name, DATA).href)), `${name} in the zip is the served file`);
    }
    assert.equal(pkg.resources.length, 27, 'one resource per dataset');
  });

  test('every value in the package is the value the page shows as printed, every label in both languages', async (t) => {
    const { context, page, log } = await openPage(browser, { locale: 'zh-CN' });
    try {
      await gotoAtlas(page);
      const zh = await readPage(page);
      let compared = 0;
      for (const resource of pkg.resources) {
        const id = resource.name;
        const shown = zh[id];
        assert.ok(shown, `${id}: the page has the dataset's block`);
        const columns = valueColumns(resource);
        const rows = csv[id];
        if (columns.length === 0) {
          // Named rows without figures (lists): every label is listed.
          for (const r of rows) assert.ok(shown.list.includes(r.label_zh), `${id}.${r.key}: "${r.label_zh}" is listed`);
          continue;
        }
        assert.ok(shown.table, `${id}: the page has its data table`);
        assert.deepEqual(shown.rows.map((r) => r.key), rows.map((r) => r.key), `${id}: the same rows in the same order`);
        for (const [i, r] of rows.entries()) {
          const tr = shown.rows[i];
          assert.equal(tr.label, r.label_zh, `${id}.${r.key}: label`);
          assert.deepEqual(Object.keys(tr.cells), columns.map((c) => c.name), `${id}.${r.key}: the same columns`);
          for (const c of columns) {
            const where = `${id}.${r.key}.${c.name}`;
            const value = r[c.name];
            const cell = tr.cells[c.name];
            compared++;
            if (value === '') {
              assert.equal(cell, '—', `${where}: not given`);
              continue;
            }
            const q = c.qualifier ? QUALIFIER_ZH[r[c.qualifier]] ?? '' : '';
            const unit = c.unit && r[c.unit] ? ` ${r[c.unit]}` : '';
            const derived = c.derivedColumn || (c.status && r[c.status].endsWith('derived'));
            if (!derived) {
              assert.equal(cell, `${q}${printedZh(value)}${unit}`, `${where}: as printed`);
              continue;
            }
            // A derived value: the package keeps every digit, the page rounds it for reading.
            assert.ok(cell.startsWith(q) && cell.endsWith(unit), `${where}: "${cell}" has "${q}" and "${unit}"`);
            const num = cell.slice(q.length, cell.length - unit.length).replaceAll(',', '').replace(MINUS, '-');
            const decimals = num.split('.')[1]?.length ?? 0;
            assert.ok(Math.abs(Number(num) - Number(value)) <= 0.5 * 10 ** -decimals + 1e-9,
              `${where}: the page's ${cell} is ${value} rounded`);
          }
        }
      }
      assert.ok(compared > 400, `compared ${compared} cells`);
      t.diagnostic(`${compared} cells of ${pkg.resources.length} resources compared with the page's tables`);

      await switchLanguage(page);
      const en = await readPage(page);
      for (const resource of pkg.resources) {
        const id = resource.name;
        for (const [i, r] of csv[id].entries()) {
          if (en[id].table) {
            assert.equal(en[id].rows[i].label, r.label_en, `${id}.${r.key}: English label`);
            assert.equal(en[id].rows[i].original, r.label_zh, `${id}.${r.key}: the Chinese original beside it`);
          } else {
            assert.ok(en[id].list.includes(r.label_en), `${id}.${r.key}: "${r.label_en}" is listed`);
          }
        }
      }
      assert.deepEqual(problems(log), []);
    } finally {
      await context.close();
    }
  });
});
