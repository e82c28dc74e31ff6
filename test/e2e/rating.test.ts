import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { FollowUpModel } from '../../server/src/domains/follow-ups/follow-up.model.js';
import { RatingModel } from '../../server/src/domains/ratings/rating.model.js';
import { WindowModel } from '../../server/src/domains/windows/window.model.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { launchBrowser, PHONE, watchErrors } from '../helpers/browser.js';
import { makeDepartment, makeStaff, makeWindow, putOnDuty } from '../helpers/fixtures.js';
import { sigFor } from '../helpers/rating.js';

describe('citizen rating page on a phone', function () {
  this.timeout(60_000);
  let app: TestApp;
  let browser: Browser;

  before(async () => {
    app = await startTestApp({ web: true });
    browser = await launchBrowser();
    const gsj = await makeDepartment('GSJ', '市工商行政管理局');
    for (const code of ['B01', 'B02', 'B03', 'B04', 'B05']) {
      const w = await makeWindow(code, gsj);
      await putOnDuty(w, await makeStaff(`S${code}`, gsj, `员工${code}`), gsj);
    }
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  async function open(
    code: string,
  ): Promise<{ ctx: BrowserContext; page: Page; taps: () => number; errors: string[] }> {
    const ctx = await browser.newContext(PHONE);
    const page = await ctx.newPage();
    const errors = watchErrors(page);
    let taps = 0;
    await page.exposeFunction('__tap', () => taps++);
    await page.addInitScript(() =>
      document.addEventListener('click', () => (window as unknown as { __tap: () => void }).__tap(), true),
    );
    await page.goto(`${app.url}/r/${code}?s=${sigFor(app, code)}`);
    await page.locator('[data-test=window-code]').waitFor();
    return { ctx, page, taps: () => taps, errors };
  }

  it('takes a good rating in two taps and shows the window and who is on duty', async () => {
    const { ctx, page, taps, errors } = await open('B01');
    expect(await page.locator('[data-test=window-code]').textContent()).to.equal('B01');
    await page.getByText('员工B01').waitFor();
    await page.click('[data-test=face-VERY_SATISFIED]');
    await page.click('[data-test=submit]');
    await page.locator('[data-test=done]').waitFor();
    expect(taps()).to.be.at.most(3);
    expect(await RatingModel.findOne({ level: 'VERY_SATISFIED' }).lean()).to.include({ counted: true });
    expect(errors).to.deep.equal([]);
    await ctx.close();
  });

  it('asks after a good rating whether the staff asked for it, answered once with one tap', async () => {
    const { ctx, page, errors } = await open('B05');
    await page.click('[data-test=face-SATISFIED]');
    await page.click('[data-test=submit]');
    await page.locator('[data-test=steering]').getByText('工作人员是否要求您给好评？').waitFor();
    await page.click('[data-test=steering-yes]');
    await page.locator('[data-test=steering]').getByText('已收到').waitFor();
    const win = await WindowModel.findOne({ code: 'B05' }).lean();
    expect(await RatingModel.findOne({ window: win!._id }).lean()).to.include({ staffAskedForGood: true });
    expect(errors).to.deep.equal([]);
    await ctx.close();
  });

  it('asks for reasons after a bad face and stores them with the comment; a follow-up opens', async () => {
    const { ctx, page } = await open('B02');
    await page.click('[data-test=face-VERY_DISSATISFIED]');
    await page.click('[data-test=tag-ATTITUDE]');
    await page.click('[data-test=tag-MANY_TRIPS]');
    await page.fill('[data-test=comment]', '材料要求没有一次性告知，跑了三趟。');
    await page.fill('[data-test=phone]', '13900001111');
    await page.click('[data-test=submit]');
    await page.locator('[data-test=done]').getByText('5 个工作日').waitFor();
    const r = await RatingModel.findOne({ level: 'VERY_DISSATISFIED' }).lean();
    expect(r).to.deep.include({
      tags: ['ATTITUDE', 'MANY_TRIPS'],
      comment: '材料要求没有一次性告知，跑了三趟。',
      callbackPhone: '13900001111',
    });
    expect(await FollowUpModel.countDocuments({ rating: r!._id })).to.equal(1);
    await ctx.close();
  });

  it('keeps a rating made offline on the phone and stores it once when the network returns', async () => {
    const { ctx, page } = await open('B03');
    await ctx.setOffline(true);
    await page.click('[data-test=face-SATISFIED]');
    await page.click('[data-test=submit]');
    await page.locator('[data-test=queued]').waitFor();
    const queued = await page.evaluate(() => JSON.parse(localStorage.getItem('wfp.pendingRatings') ?? '[]'));
    expect(queued).to.have.length(1);
    expect(await RatingModel.countDocuments({ clientKey: queued[0].input.clientKey })).to.equal(0);
    await ctx.setOffline(false);
    await page.locator('[data-test=done]').waitFor();
    expect(await RatingModel.countDocuments({ clientKey: queued[0].input.clientKey })).to.equal(1);
    expect(await page.evaluate(() => localStorage.getItem('wfp.pendingRatings'))).to.equal('[]');
    await ctx.close();
  });

  it('shows the English beside the Chinese and refuses a forged code', async () => {
    const ctx = await browser.newContext(PHONE);
    const page = await ctx.newPage();
    await page.goto(`${app.url}/r/B04?s=${sigFor(app, 'B04')}`);
    await page.click('[data-test=lang]');
    await page.locator('[data-test=face-VERY_SATISFIED]').getByText('Very satisfied').waitFor();
    expect(await page.locator('[data-test=face-VERY_SATISFIED]').textContent()).to.include('非常满意');
    await page.goto(`${app.url}/r/B04?s=k1.forgedforgedforgedforged`);
    await page.locator('[data-test=load-error]').getByText('QR code is not valid').waitFor();
    await ctx.close();
  });
});
