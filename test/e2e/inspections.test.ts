import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import QRCode from 'qrcode';
import { FindingModel } from '../../server/src/domains/inspections/finding.model.js';
import { RoundModel } from '../../server/src/domains/inspections/round.model.js';
import { ViolationModel } from '../../server/src/domains/inspections/violation.model.js';
import { NoticeModel } from '../../server/src/domains/notices/notice.model.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { collapseSettled, DESKTOP, launchBrowser, logIn as loginAs, PHONE, watchErrors } from '../helpers/browser.js';
import { makeUser, PASSWORD } from '../helpers/fixtures.js';
import { makeHall } from '../helpers/patrol.js';
import { localDate } from '../../common/time.js';

describe('patrol, violations and notices in Chromium', function () {
  this.timeout(90_000);
  let app: TestApp;
  let browser: Browser;
  let hall: Awaited<ReturnType<typeof makeHall>>;
  let roundId: string;

  before(async () => {
    app = await startTestApp({ web: true });
    browser = await launchBrowser();
    hall = await makeHall();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  const confirmBox = (page: import('playwright-core').Page) =>
    page.locator('.el-message-box__btns .el-button--primary').click();

  it('lets an inspector run a round on a phone: photo, an offline save, submit', async () => {
    const inspector = await makeUser('INSPECTOR');
    const now = Date.now();
    roundId = String(
      (
        await RoundModel.create({
          date: localDate(new Date(now)),
          slot: 'S9',
          kind: 'SCHEDULED',
          plannedAt: new Date(now - 5 * 60_000),
          dueAt: new Date(now + 55 * 60_000),
          inspector: inspector.id,
        })
      )._id,
    );
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await loginAs(page, app.url, inspector.username, PASSWORD);
    await page.goto(`${app.url}/admin/patrol/${roundId}`);
    await page.locator('[data-test=start-round]').click();

    // B01: away without a reason, playing on the phone, with a photo.
    await page.locator('[data-test=window-B01] .el-collapse-item__header').click();
    await collapseSettled(page);
    const b01 = page.locator('[data-test=finding-B01]');
    await b01.getByText('离岗', { exact: true }).click();
    await b01.locator('[data-test=check-PHONE]').click();
    await b01
      .locator('[data-test=photo-input]')
      .setInputFiles({ name: 'p.png', mimeType: 'image/png', buffer: await QRCode.toBuffer('玩手机') });
    await b01.locator('.el-image img').waitFor();
    await b01.locator('[data-test=save-finding]').click();
    await page.locator('[data-test=window-B01]').getByText('有问题').waitFor();

    // C01 (another department) saved while the hall's Wi-Fi is down: kept on the phone, sent when it is back.
    await context.setOffline(true);
    await page.locator('[data-test=window-C01] .el-collapse-item__header').click();
    await collapseSettled(page); // B01 closing, C01 opening: the save button moves meanwhile
    await page.locator('[data-test=finding-C01]').getByText('缺岗', { exact: true }).click();
    await page.locator('[data-test=finding-C01] [data-test=save-finding]').click();
    await page.locator('[data-test=queue-banner]').waitFor();
    expect(await FindingModel.countDocuments({ round: roundId })).to.equal(1);
    const resent = page.waitForResponse(
      (r) => r.url().endsWith('/graphql') && r.request().postData()!.includes('SaveFinding'),
    );
    await context.setOffline(false);
    await resent;
    await page.locator('[data-test=queue-banner]').waitFor({ state: 'detached' });
    expect(await FindingModel.countDocuments({ round: roundId })).to.equal(2);

    await page.locator('[data-test=submit-round]').click();
    await page.locator('[data-test=submit-confirm]').click();
    await page.locator('[data-test=round-state]', { hasText: '已提交' }).waitFor();
    const raised = await ViolationModel.find({ round: roundId }).sort({ code: 1 }).lean();
    expect(raised.map((v) => [v.code, String(v.staff), v.photos.length])).to.deep.equal([
      ['ABSENT', hall.c01.staff, 0],
      ['AWAY', hall.b01.staff, 1],
      ['PHONE', hall.b01.staff, 1],
    ]);
    await page.screenshot({ path: '/tmp/wfp-e2e-patrol.png' });
    expect(
      errors.filter((e) => !e.includes('ERR_INTERNET_DISCONNECTED') && !e.includes('Failed to fetch')),
    ).to.deep.equal([]);
    await context.close();
  });

  it('lets a manager confirm violations, then draft, approve and publish a notice', async () => {
    const manager = await makeUser('MANAGER');
    const page = await browser.newPage(DESKTOP);
    await loginAs(page, app.url, manager.username, PASSWORD);
    await page.goto(`${app.url}/admin/inspections/violations`);
    for (let left = 3; left > 0; left--) {
      await page.locator('[data-test=confirm]').first().click();
      await page.locator('.el-message--success').last().waitFor();
      await page.waitForFunction((n) => document.querySelectorAll('[data-test=confirm]').length === n, left - 1);
    }
    expect(await ViolationModel.countDocuments({ status: 'CONFIRMED' })).to.equal(3);

    await page.goto(`${app.url}/admin/notices`);
    await page.locator('[data-test=new-notice]').click();
    await page.locator('[data-test=all-departments]').click();
    await page.locator('.el-dialog [data-test=save]').click();
    await page.waitForURL(/\/admin\/notices\/[a-f0-9]{24}$/);
    await page.locator('[data-test=approve]').click();
    await confirmBox(page);
    await page.locator('[data-test=publish]').click();
    await confirmBox(page);
    await page.locator('[data-test=notice-status]', { hasText: '已发布' }).waitFor();
    const number = `〔${localDate(new Date()).slice(0, 4)}〕第1号`; // the centre's year
    expect(await page.locator('[data-test=notice-number]').textContent()).to.equal(number);
    expect(await page.locator('[data-test=notice-document] tbody tr').count()).to.equal(3);
    expect((await NoticeModel.findOne().lean())!).to.include({ status: 'PUBLISHED', number });
    await page.close();
  });

  it('lets the liaison see its notice and acknowledge it', async () => {
    const liaison = await makeUser('DEPARTMENT', hall.gsj);
    const page = await browser.newPage(DESKTOP);
    await loginAs(page, app.url, liaison.username, PASSWORD);
    await page.getByRole('menuitem', { name: '违规通报' }).click();
    await page.locator('[data-test=notice-link]').click();
    // Only its own department's violations (two of the three).
    await page.locator('[data-test=notice-document] tbody tr').first().waitFor();
    expect(await page.locator('[data-test=notice-document] tbody tr').count()).to.equal(2);
    await page.locator('[data-test=acknowledge]').click();
    await page.locator('[data-test=acknowledged]').waitFor();
    const receipt = (await NoticeModel.findOne().lean())!.receipts.find((r) => String(r.department) === hall.gsj)!;
    expect(receipt.acknowledgedAt).to.be.instanceOf(Date);
    await page.close();
  });
});
