import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { FollowUpModel } from '../../server/src/domains/follow-ups/follow-up.model.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { DESKTOP, launchBrowser, logIn, watchErrors } from '../helpers/browser.js';
import { Client } from '../helpers/client.js';
import { makeDepartment, makeStaff, makeUser, makeWindow, PASSWORD, putOnDuty } from '../helpers/fixtures.js';
import { rate } from '../helpers/rating.js';

describe('ratings in the staff admin (Chromium)', function () {
  this.timeout(60_000);
  let app: TestApp;
  let browser: Browser;
  let manager: string;
  let liaison: string;

  before(async () => {
    app = await startTestApp({ web: true });
    browser = await launchBrowser();
    const gsj = await makeDepartment('GSJ', '市工商行政管理局');
    const w = await makeWindow('B07', gsj);
    await putOnDuty(w, await makeStaff('GSJ07', gsj, '李娜'), gsj);
    manager = (await makeUser('MANAGER')).username;
    liaison = (await makeUser('DEPARTMENT', gsj)).username;
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows a live alert on the dashboard seconds after a very unhappy rating', async () => {
    const page = await browser.newPage(DESKTOP);
    const errors = watchErrors(page);
    await logIn(page, app.url, manager, PASSWORD);
    // The dashboard subscribes over SSE; once the server has answered, new alerts reach it.
    const subscribed = page.waitForResponse(
      (r) => r.url().endsWith('/graphql') && (r.request().headers().accept ?? '').includes('text/event-stream'),
    );
    await page.goto(`${app.url}/admin/ratings`);
    await page.locator('[data-test=alerts]').getByText('当前没有预警').waitFor();
    await subscribed;
    await rate(new Client(app.url), app, 'B07', 'VERY_DISSATISFIED');
    await page.locator('[data-test=alert]').getByText('B07 窗口收到“非常不满意”评价').waitFor({ timeout: 15_000 });
    await page.locator('[data-test=kpi-total]').getByText('1').waitFor();
    expect(errors.filter((e) => !e.includes('EventSource'))).to.deep.equal([]);
    await page.close();
  });

  it("lets the department's liaison verify the bad rating from the follow-up inbox", async () => {
    const page = await browser.newPage(DESKTOP);
    await logIn(page, app.url, liaison, PASSWORD);
    await page.goto(`${app.url}/admin/follow-ups`);
    await page.locator('[data-test=follow-ups]').getByText('B07').click();
    await page.locator('[data-test=action-verify]').click();
    await page.locator('.el-dialog textarea').first().fill('调取监控核实，窗口人员解释不够耐心');
    await page.locator('[data-test=category-ATTITUDE]').click();
    await page.locator('.el-dialog [data-test=save]').click();
    await page.locator('.el-drawer').getByText('已核实').first().waitFor();
    const f = await FollowUpModel.findOne().lean();
    expect(f).to.include({ state: 'VERIFIED', finding: '调取监控核实，窗口人员解释不够耐心', category: 'ATTITUDE' });
    // Closing is a manager's step: the liaison is not offered it.
    expect(await page.locator('[data-test=action-close]').count()).to.equal(0);
    await page.close();
  });
});
