// The reader's walk (walk.mjs) in one engine: ATLAS_ENGINE = chromium (the default, run with the
// rest of the suite), firefox or webkit (each run as a lane of its own by `cargo xtask test`).
// The walk serves ATLAS_DIST itself (walk-site.mjs), so each lane can run beside the others.

import { after, before, describe, test } from 'node:test';
import { ENGINES, engineMissing, openEngine } from './engines.mjs';
import { TEST_TIMEOUT } from './lib.mjs';
import { WALK, WIDE } from './walk.mjs';
import { serveDist, singleFile } from './walk-site.mjs';

const ENGINE = process.env.ATLAS_ENGINE || 'chromium';
const DIST = process.env.ATLAS_DIST || '';
const skip = !ENGINES.includes(ENGINE) ? `ATLAS_ENGINE must be one of ${ENGINES.join(', ')}, not "${ENGINE}"`
  : !DIST ? 'ATLAS_DIST is not set: run through `cargo xtask test`, or set it to a built dist/'
    : engineMissing(ENGINE);

describe(`a reader's walk in ${ENGINE}`, { skip }, () => {
  let session;
  let site;
  before(async () => {
    const served = await serveDist(DIST);
    site = { url: served.url, close: served.close, singleFile: singleFile(DIST) };
    session = await openEngine(ENGINE, WIDE);
  }, { timeout: TEST_TIMEOUT });
  after(async () => {
    await session?.close();
    await site?.close();
  });

  for (const [name, step] of WALK) {
    test(name, { timeout: 2 * TEST_TIMEOUT }, (t) => step(session, site, t));
  }
});
