// The site as the reader's walk opens it: dist/ served on loopback and the single file copied to a
// temporary folder, each HTML page with probe.js inlined first in its <head> (before the page's
// Content-Security-Policy, which applies only to what follows it, so the page's policy still
// governs everything of its own).

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { HERE, startStaticServer } from './publish-lib.mjs';

const PROBE = readFileSync(path.join(HERE, 'probe.js'), 'utf8');

/** `html` with the probe as the first script, right after `<meta charset>`. */
export function withProbe(html) {
  const charset = /<meta charset="utf-8">/i.exec(html);
  if (!charset) throw new Error('the page has no <meta charset="utf-8"> to put the probe after');
  const at = charset.index + charset[0].length;
  return `${html.slice(0, at)}<script>${PROBE}</script>${html.slice(at)}`;
}

/**
 * Serve `dist` on a free loopback port with the probe in every HTML page (not in the print
 * edition's `print/<lang>.html`, which is markup the page reads, not a page): { url, close }.
 */
export function serveDist(dist) {
  const page = (rel, text) => rel.endsWith('.html') && /<meta charset="utf-8">/i.test(text);
  return startStaticServer({ root: dist, rewrite: (rel, text) => (page(rel, text) ? withProbe(text) : text) });
}

/** The single file (`dist/trade-atlas.html`) with the probe, in a folder of its own: its file: URL. */
export function singleFile(dist) {
  const dir = mkdtempSync(path.join(tmpdir(), 'atlas-single-'));
  const file = path.join(dir, 'trade-atlas.html');
  writeFileSync(file, withProbe(readFileSync(path.join(dist, 'trade-atlas.html'), 'utf8')));
  return pathToFileURL(file).href;
}
