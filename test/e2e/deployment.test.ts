import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { DESKTOP, HALL_HOST, hallUrl, launchBrowser, logIn } from '../helpers/browser.js';
import { makeUser, PASSWORD } from '../helpers/fixtures.js';

// A deployment while staff have the admin open: the tab runs the old build, whose page files the
// server no longer has. Opening a page that was not loaded yet must bring the new build, not
// leave the click doing nothing. Simulated by answering 404 the first time each file not yet
// loaded is asked for (the old build's chunk), and serving it after (the new build's).
describe('an admin tab open across a deployment (Chromium)', function () {
  this.timeout(60_000);
  let app: TestApp;
  let browser: Browser;

  before(async () => {
    app = await startTestApp({ web: true });
    browser = await launchBrowser(HALL_HOST);
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  it('loads the page afresh when its file is gone, and lands where the click pointed', async () => {
    const page = await browser.newPage(DESKTOP);
    const base = hallUrl(app.url);
    await logIn(page, base, (await makeUser('MANAGER')).username, PASSWORD);
    await page.getByRole('menuitem', { name: '参评率' }).waitFor();

    // What the tab has already loaded stays loadable (the browser holds it); anything else is
    // refused once, as the old build's file, then served, as the new build's.
    const loaded = new Set(await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name)));
    const refused = new Set<string>();
    await page.route('**/assets/**', (route) => {
      const url = route.request().url();
      if (loaded.has(url) || refused.has(url)) return route.continue();
      refused.add(url);
      return route.fulfill({ status: 404, body: 'Not Found' });
    });

    let loads = 0;
    page.on('load', () => loads++);
    await page.getByRole('menuitem', { name: '参评率' }).click();
    await page.waitForURL(/\/admin\/ratings\/participation$/);
    await page.locator('[data-test=participation-totals]').waitFor();
    expect(loads).to.equal(1);
    expect([...refused].some((u) => /ParticipationView-[\w-]+\.js$/.test(u))).to.equal(true);
    await page.close();
  });
});
