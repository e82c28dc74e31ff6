import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { localDate, localDateTime, startOfLocalDay } from '../../common/time.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { DESKTOP, HALL_HOST, hallUrl, launchBrowser, logIn, watchErrors } from '../helpers/browser.js';
import { Client } from '../helpers/client.js';
import { makeDepartment, makeStaff, makeUser, makeWindow, PASSWORD } from '../helpers/fixtures.js';
import { rate } from '../helpers/rating.js';

// 参评率 in Chromium, on the hall's plain-HTTP origin: a manager imports the queue system's
// export of served cases, citizens rate (one bound to its case and answering the steering
// question, one by the window's code alone), and the page shows the rates; a liaison sees only
// its own department, without the import.
describe('the participation page (Chromium)', function () {
  this.timeout(60_000);
  let app: TestApp;
  let browser: Browser;
  let other: string;

  before(async () => {
    app = await startTestApp({ web: true });
    browser = await launchBrowser(HALL_HOST);
    const dept = await makeDepartment('PAJ', '参评页面测试局');
    await makeWindow('PA01', dept);
    await makeWindow('PA02', dept);
    await makeStaff('PA01A', dept, '钱芳');
    other = await makeDepartment('PAX', '参评页面另一局');
    await makeWindow('PX01', other);
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  // Today, in the past (the importer refuses times ahead of the clock), and never yesterday,
  // which the page's default range (this month up to today) may not hold.
  const today = localDate(new Date());
  const served = localDateTime(new Date(Math.max(Date.now() - 3 * 60_000, startOfLocalDay(today).getTime())));
  const CSV = [
    '办件编号,窗口编号,工号,事项编码,受理时间,办结时间',
    `PA-2026-0001,PA01,PA01A,,${served},${served}`,
    `PA-2026-0002,PA02,,,${served},${served}`,
    `PA-2026-0003,PX01,,,${served},${served}`,
  ].join('\n');

  const cell = (page: Page, table: string, rowText: string, column: number) =>
    page.locator(`[data-test=${table}] tbody tr`, { hasText: rowText }).locator('td').nth(column).textContent();

  it('imports served cases and shows who was rated, bound or not, and the steering share', async () => {
    const page = await browser.newPage(DESKTOP);
    const errors = watchErrors(page);
    const base = hallUrl(app.url);
    await logIn(page, base, (await makeUser('MANAGER')).username, PASSWORD);
    await page.goto(`${base}/admin/ratings/participation`);
    await page.locator('[data-test=participation-rate]').getByText('—').waitFor();

    await page.locator('[data-test=import-served]').click();
    await page
      .locator('[data-test=file-input]')
      .setInputFiles({ name: '叫号导出.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await page.locator('[data-test=import-ok]').getByText('3').first().waitFor();
    await page.keyboard.press('Escape');
    await page.locator('[data-test=participation-rate]').getByText('0.0%').waitFor();

    // One citizen rates case 1 and says the staff did ask for the good rating; another rates
    // window PA02 by its code only.
    const citizen = new Client(app.url);
    const clientKey = randomUUID();
    await rate(citizen, app, 'PA01', 'VERY_SATISFIED', { clientKey, caseNumber: 'PA-2026-0001' });
    const ANSWER = 'mutation($k: String!, $a: Boolean!) { answerSteeringQuestion(clientKey: $k, staffAsked: $a) }';
    expect((await citizen.gql(ANSWER, { k: clientKey, a: true })).data.answerSteeringQuestion).to.equal(true);
    await rate(new Client(app.url), app, 'PA02', 'SATISFIED');

    await page.reload();
    await page.locator('[data-test=participation-rate]').getByText('33.3%').waitFor();
    expect(await cell(page, 'participation-windows', 'PA01', 3)).to.equal('100.0%');
    expect([
      await cell(page, 'participation-windows', 'PA02', 3),
      await cell(page, 'participation-windows', 'PA02', 5),
    ]).to.deep.equal(['0.0%', '1']);
    expect(await cell(page, 'participation-staff', '钱芳（PA01A）', 2)).to.equal('1');
    const steering = page.locator('[data-test=steering-figures]');
    expect(await steering.textContent())
      .to.include('好评 2 条中，1 人回答')
      .and.include('100.0%');
    await page.screenshot({ path: '/tmp/wfp-participation.png', fullPage: true, animations: 'disabled' });
    expect(errors.filter((e) => !e.includes('Cross-Origin-Opener-Policy'))).to.deep.equal([]);
    await page.close();
  });

  it('shows a liaison its own department only, and no import', async () => {
    const page = await browser.newPage(DESKTOP);
    const base = hallUrl(app.url);
    await logIn(page, base, (await makeUser('DEPARTMENT', other)).username, PASSWORD);
    await page.goto(`${base}/admin/ratings/participation`);
    // Positive control: its own window and case are there.
    await page.locator('[data-test=participation-windows] tbody tr', { hasText: 'PX01' }).waitFor();
    expect(await page.locator('[data-test=participation-windows] tbody tr').count()).to.equal(1);
    expect(await page.locator('[data-test=participation-totals]').textContent()).not.to.include('33.3%');
    expect(await page.locator('[data-test=import-served]').count()).to.equal(0);
    await page.close();
  });
});
