import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { BulletinModel } from '../../server/src/domains/bulletins/bulletin.model.js';
import { periodOf, previousPeriod } from '../../server/src/domains/bulletins/period.js';
import { periodKeys } from '../../common/periods.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { DESKTOP, launchBrowser, logIn, watchErrors } from '../helpers/browser.js';
import { makeRating, makeUser, PASSWORD } from '../helpers/fixtures.js';
import { makeHall } from '../helpers/patrol.js';
import { type RatingLevel } from '../../common/ratings.js';
import { localDate } from '../../common/time.js';

describe('bulletins in Chromium', function () {
  this.timeout(90_000);
  let app: TestApp;
  let browser: Browser;
  let hall: Awaited<ReturnType<typeof makeHall>>;
  let bulletinId: string;
  // The dialog proposes the last complete bimonth; the ratings are put there.
  const period = previousPeriod(periodOf(periodKeys(new Date()).bimonth));

  before(async () => {
    app = await startTestApp({ web: true });
    browser = await launchBrowser();
    hall = await makeHall();
    const day = `${period.from.slice(0, 8)}10`;
    const rate = async (seat: { window: string; staff: string }, department: string, levels: RatingLevel[]) => {
      for (const [i, level] of levels.entries())
        await makeRating({
          ...seat,
          department,
          level,
          at: new Date(`${day}T10:${String(i).padStart(2, '0')}:00+08:00`),
        });
    };
    await rate(hall.b01, hall.gsj, Array(30).fill('VERY_SATISFIED'));
    await rate(hall.b02, hall.gsj, ['SATISFIED', 'BASIC']);
    await rate(hall.c01, hall.dsj, ['VERY_SATISFIED', 'DISSATISFIED']);
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  const confirmBox = (page: Page) => page.locator('.el-message-box__btns .el-button--primary').click();
  const saved = (page: Page) => page.locator('.el-message--success').last().waitFor();

  it('lets a manager generate, edit, pick a smile star and publish a bulletin', async () => {
    const manager = await makeUser('MANAGER');
    const page = await browser.newPage(DESKTOP);
    const errors = watchErrors(page);
    await logIn(page, app.url, manager.username, PASSWORD);
    await page.getByRole('menuitem', { name: '工作简报' }).click();
    await page.locator('[data-test=generate]').click();
    await page.locator('.el-dialog [data-test=save]').click();
    await page.waitForURL(/\/admin\/bulletins\/[a-f0-9]{24}$/);
    bulletinId = page.url().split('/').pop()!;
    expect(await page.locator('[data-test=bulletin-title]').textContent()).to.equal(`${period.label}窗口服务工作简报`);
    await page.locator('[data-test=kpis]', { hasText: '34' }).waitFor();

    await page.getByRole('tab', { name: '窗口排名' }).click();
    await page.locator('[data-test=rows-window] tbody tr').first().waitFor();
    expect(await page.locator('[data-test=rows-window] tbody tr').first().textContent()).to.include('B01');

    // 赵一 (30 ratings, all very satisfied) is the only candidate with the default 30-rating rule.
    await page.getByRole('tab', { name: '微笑之星' }).click();
    await page.locator('[data-test=pick-GSJ01]').click();
    await page.locator('[data-test=save-stars]').click();
    await page.locator('[data-test=smile-stars]', { hasText: '赵一' }).waitFor();

    await page.getByRole('tab', { name: '简报正文' }).click();
    await page
      .locator('textarea[data-test=commentary-input], [data-test=commentary-input] textarea')
      .fill('本期各窗口服务总体平稳。\n请各部门及时签收。');
    await page.locator('[data-test=save-text]').click();
    await saved(page);

    await page.locator('[data-test=submit]').click();
    await confirmBox(page);
    await page.locator('[data-test=bulletin-status]', { hasText: '待审核' }).waitFor();
    await page.locator('[data-test=publish]').click();
    await confirmBox(page);
    await page.locator('[data-test=bulletin-status]', { hasText: '已发布' }).waitFor();
    const number = `〔${localDate(new Date()).slice(0, 4)}〕第1期`; // the centre's year
    expect(await page.locator('[data-test=bulletin-number]').textContent()).to.equal(number);
    const stored = (await BulletinModel.findById(bulletinId).lean())!;
    expect(stored).to.deep.include({
      status: 'PUBLISHED',
      number,
      commentary: '本期各窗口服务总体平稳。\n请各部门及时签收。',
      stars: [hall.b01.staff],
    });
    expect(errors).to.deep.equal([]);
    await page.close();
  });

  it("lets the liaison read its department's part, print it and acknowledge it", async () => {
    const liaison = await makeUser('DEPARTMENT', hall.gsj);
    const page = await browser.newPage(DESKTOP);
    await logIn(page, app.url, liaison.username, PASSWORD);
    await page.getByRole('menuitem', { name: '工作简报' }).click();
    await page.locator('[data-test=bulletin-link]').click();
    await page.locator('[data-test=standing]', { hasText: '市工商行政管理局' }).waitFor();
    await page.getByRole('tab', { name: '窗口排名' }).click();
    const windows = page.locator('[data-test=rows-window] tbody tr');
    await windows.first().waitFor();
    // Its own two windows only, not the other department's C01.
    expect((await windows.allTextContents()).map((r) => r.match(/[BC]0\d/)?.[0])).to.deep.equal(['B01', 'B02']);
    await page.screenshot({ path: '/tmp/wfp-e2e-bulletin-liaison.png' });

    const print = await browser.newPage(DESKTOP);
    await print.context().addCookies(await page.context().cookies());
    await print.goto(`${app.url}/admin/bulletins/${bulletinId}/print`);
    await print.locator('[data-test=bulletin-sheet]', { hasText: '（市工商行政管理局）' }).waitFor();
    expect(await print.locator('[data-test=bulletin-sheet]').textContent())
      .to.include('赵一')
      .and.not.include('C01');
    await print.close();

    await page.locator('[data-test=acknowledge]').click();
    await page.locator('[data-test=acknowledged]').waitFor();
    const receipt = (await BulletinModel.findById(bulletinId).lean())!.receipts.find(
      (r) => String(r.department) === hall.gsj,
    )!;
    expect(receipt.acknowledgedAt).to.be.instanceOf(Date);
    await page.close();
  });
});
