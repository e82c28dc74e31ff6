import { expect } from 'chai';
import { localDate } from '../../common/time.js';
import type { Browser } from 'playwright-core';
import { importChineseDays } from '../../server/src/domains/calendar/calendar.service.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { DESKTOP, launchBrowser, logIn, watchErrors } from '../helpers/browser.js';
import { makeUser, PASSWORD } from '../helpers/fixtures.js';

// The admin is told on the home and calendar pages that next year's holidays are missing (the
// database holds only the current year: next year is missing whatever today's date); a manager,
// who cannot edit the calendar, is not.
describe('missing-calendar warning in Chromium', function () {
  this.timeout(60_000);
  let app: TestApp;
  let browser: Browser;

  before(async () => {
    app = await startTestApp({ web: true });
    browser = await launchBrowser();
    const year = Number(localDate(new Date()).slice(0, 4)); // the centre's year, not the machine's
    await importChineseDays(year, year);
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  it('warns an admin on the home and calendar pages, in Chinese', async () => {
    const page = await browser.newPage(DESKTOP);
    const errors = watchErrors(page);
    await logIn(page, app.url, (await makeUser('ADMIN')).username, PASSWORD);
    const warning = page.locator('[data-test=calendar-warning]');
    await warning.waitFor();
    const next = String(new Date(Date.now() + 8 * 3600_000).getUTCFullYear() + 1);
    expect(await warning.innerText()).to.include(`节假日日历缺少 ${next} 年`);
    await warning.getByRole('link').click();
    await page.waitForURL(/\/admin\/settings\/calendar/);
    await page.locator('[data-test=calendar-warning]').waitFor();
    expect(errors).to.deep.equal([]);
  });

  it('shows nothing to a manager (positive control above)', async () => {
    const page = await browser.newPage(DESKTOP);
    // The home's own work list loads after login; by then an admin's warning would have been asked
    // for too. (networkidle never comes: the notification feed keeps a stream open.)
    const work = page.waitForResponse(
      (r) => r.url().includes('/graphql') && !!r.request().postData()?.includes('myWork'),
    );
    await logIn(page, app.url, (await makeUser('MANAGER')).username, PASSWORD);
    await page.getByText(/您好$/).waitFor();
    await work;
    expect(await page.locator('[data-test=calendar-warning]').count()).to.equal(0);
  });
});
