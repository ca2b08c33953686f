// The reader's view through the tour: a centre the reader chose stays through every step that does
// not frame its own (the map's pressed centre and the address say so), a step with its own camera
// shows the centre that camera is written in, and leaving the tour keeps the reader's centre.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  ATLAS_URL, SKIP_REASON, TEST_TIMEOUT, launch, openPage, problems, readCsv, until, waitFor, waitForMount,
} from './lib.mjs';

const at = (query) => new URL(query, ATLAS_URL).href;
/** The steps, for which of them frame a camera of their own (the `view` column). */
const STEPS = readCsv('data/tour.csv');

/** The centre the map's switch shows as pressed, the address and the tour's step. */
function view(page) {
  return page.evaluate(() => ({
    centre: document.querySelector('#map .map-centre [aria-pressed=true]')?.dataset.centre ?? null,
    search: location.search,
    step: Number(document.querySelector('[data-testid=tour]')?.getAttribute('data-step')) || null,
  }));
}

/** Wait until the view has every field of `want`; fail with the last view seen. */
async function expectView(page, want, what) {
  let last;
  try {
    await until(async () => {
      last = await view(page);
      return Object.entries(want).every(([k, v]) => (v instanceof RegExp ? v.test(last[k]) : last[k] === v));
    }, what, 10_000);
  } catch {
    assert.deepEqual(last, want, what);
  }
  return last;
}

describe('the view through the tour', { skip: SKIP_REASON }, () => {
  let browser;
  before(async () => { browser = await launch(); });
  after(async () => { await browser?.close(); });

  test('a centre the reader chose stays through every step that does not frame its own', { timeout: 3 * TEST_TIMEOUT },
    async () => {
      const { context, page, log } = await openPage(browser, { locale: 'en-US' });
      try {
        await page.goto(at('?lang=en'));
        await waitForMount(page);
        await expectView(page, { centre: 'atlantic' }, 'an English reader starts on the Atlantic view');
        await page.click('#map .map-centre [data-centre=pacific]');
        await expectView(page, { centre: 'pacific', search: '?lang=en&centre=pacific' }, 'the reader chooses the Pacific');

        await page.click('[data-testid=tour-start]');
        for (const s of STEPS) {
          const n = Number(s.step);
          await waitFor(page, (k) => document.querySelector(`[data-testid=tour][data-step="${k}"]`), n, `step ${n} shown`);
          if (s.view) {
            await expectView(page, { step: n, centre: 'atlantic', search: `?lang=en&tour=${n}` },
              `step ${n} frames its own camera, written for the Atlantic view, and its address implies it`);
          } else {
            await expectView(page, { step: n, centre: 'pacific', search: /[?&]centre=pacific(&|$)/ },
              `step ${n} keeps the reader's Pacific view, in the address too`);
          }
          await page.click('[data-testid=tour-next]');
        }
        await expectView(page, { step: null, centre: 'pacific', search: /[?&]centre=pacific(&|$)/ },
          'finishing the tour keeps the reader\'s centre');
        assert.deepEqual(problems(log), []);
      } finally {
        await context.close();
      }
    });
});
