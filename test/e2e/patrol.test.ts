import { expect } from 'chai';
import type { Browser, Locator, Page } from 'playwright-core';
import QRCode from 'qrcode';
import { FindingModel } from '../../server/src/domains/inspections/finding.model.js';
import { RoundModel } from '../../server/src/domains/inspections/round.model.js';
import { ViolationModel } from '../../server/src/domains/inspections/violation.model.js';
import { endSessions } from '../../server/src/domains/accounts/auth.service.js';
import { DutyModel } from '../../server/src/domains/staff/duty.model.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import {
  collapseSettled,
  DESKTOP,
  HALL_HOST,
  hallUrl,
  launchBrowser,
  logIn,
  PHONE,
  watchErrors,
} from '../helpers/browser.js';
import { makeStaff, makeUser, makeWindow, PASSWORD } from '../helpers/fixtures.js';
import { makeHall, missedRoundFor, roundFor } from '../helpers/patrol.js';

// The inspector's phone app as the hall serves it: plain HTTP on a LAN name, so no secure context.
describe('the patrol app on a phone over plain HTTP', function () {
  this.timeout(120_000);
  let app: TestApp;
  let browser: Browser;
  let base: string;
  let hall: Awaited<ReturnType<typeof makeHall>>;
  let pair: { window: string; first: string; second: string };

  before(async () => {
    app = await startTestApp({ web: true });
    browser = await launchBrowser(HALL_HOST);
    base = hallUrl(app.url);
    hall = await makeHall();
    // A window with two on duty: a failure must reach the one the inspector picks.
    const window = await makeWindow('D01', hall.dsj);
    const first = await makeStaff('DSJ11', hall.dsj, '周甲');
    const second = await makeStaff('DSJ12', hall.dsj, '吴乙');
    const from = new Date(Date.now() - 86_400_000);
    for (const staff of [first, second])
      await DutyModel.create({ window, staff, department: hall.dsj, from, to: null });
    pair = { window, first, second };
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  // Chromium notes that it ignores the COOP header on plain HTTP: expected there, not a page error.
  const pageErrors = (errors: string[]) => errors.filter((e) => !e.includes('Cross-Origin-Opener-Policy'));

  /** Every tap the inspector makes goes through here, so the test can count them. */
  function tapper(page: Page) {
    let taps = 0;
    const tap = async (l: Locator) => (taps++, l.click());
    return { tap, count: () => taps, page };
  }

  it('lands an inspector on the patrol home, on an origin that is not a secure context', async () => {
    const inspector = await makeUser('INSPECTOR');
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await logIn(page, base, inspector.username, PASSWORD);
    await page.waitForURL(/\/admin\/patrol$/);
    expect(await page.evaluate(() => window.isSecureContext)).to.equal(false);
    await page.getByText('开始不定时巡查').click();
    await page.waitForURL(/\/admin\/patrol\/[a-f0-9]{24}$/);
    expect(await RoundModel.countDocuments({ kind: 'UNSCHEDULED', inspector: inspector.id })).to.equal(1);
    await page.screenshot({ path: '/tmp/wfp-patrol-unscheduled.png' });
    expect(pageErrors(errors)).to.deep.equal([]);
    await context.close();
  });

  it('records a whole round by exception: two violations with a photo, the rest one tap each', async () => {
    const inspector = await makeUser('INSPECTOR');
    const roundId = await roundFor(inspector.id, 'S8');
    await missedRoundFor(inspector.id, 'S6');
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await logIn(page, base, inspector.username, PASSWORD);
    await page.waitForURL(/\/admin\/patrol$/);
    // Rounds from before now that nobody started read as missed (in red), not as done.
    await page.locator('[data-test=round-state].MISSED', { hasText: '漏巡' }).first().waitFor();
    await page.screenshot({ path: '/tmp/wfp-patrol-home.png' });
    const { tap, count } = tapper(page);

    await tap(page.locator('[data-test=today-S8]'));
    await tap(page.locator('[data-test=start-round]'));

    // B01: playing on the phone, a photo and a note.
    let before = count();
    await tap(page.locator('[data-test=window-B01] .el-collapse-item__header'));
    await collapseSettled(page);
    const b01 = page.locator('[data-test=finding-B01]');
    await tap(b01.locator('[data-test=check-PHONE]'));
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), tap(b01.locator('[data-test=take-photo]'))]);
    await chooser.setFiles({ name: 'p.png', mimeType: 'image/png', buffer: await QRCode.toBuffer('玩手机') });
    await b01.locator('.el-image img').waitFor();
    await tap(b01.locator('[data-test=note]'));
    await page.keyboard.type('低头玩手机');
    await page.screenshot({ path: '/tmp/wfp-patrol-violation.png' });
    await tap(b01.locator('[data-test=save-finding]'));
    await page.locator('[data-test=window-B01] [data-test=window-tag]', { hasText: '有问题' }).waitFor();
    const violationTaps = count() - before;
    expect(violationTaps).to.be.at.most(6);

    // D01: two on duty; the failure concerns the second one.
    await tap(page.locator('[data-test=window-D01] .el-collapse-item__header'));
    await collapseSettled(page);
    const d01 = page.locator('[data-test=finding-D01]');
    await tap(d01.locator('[data-test=check-EATING]'));
    await tap(d01.locator('[data-test=concerns-EATING]').getByText('吴乙'));
    await tap(d01.locator('[data-test=save-finding]'));
    await page.locator('[data-test=window-D01] [data-test=window-tag]', { hasText: '有问题' }).waitFor();

    // The all-fine part: B02 with its one tap, C01 through "mark the rest fine" at submit.
    before = count();
    await tap(page.locator('[data-test=fine-B02]'));
    await page.locator('[data-test=window-B02] [data-test=window-tag]', { hasText: '正常' }).waitFor();
    await tap(page.locator('[data-test=submit-round]'));
    const dialog = page.locator('[data-test=submit-dialog]');
    await dialog.locator('[data-test=unrecorded]', { hasText: 'C01' }).waitFor();
    expect(await dialog.locator('[data-test=raised] li').allTextContents()).to.have.members([
      'B01 · 玩手机、打游戏 · 赵一',
      'D01 · 在窗口吃东西 · 吴乙',
    ]);
    await page.screenshot({ path: '/tmp/wfp-patrol-submit.png' });
    await tap(dialog.locator('[data-test=submit-rest-fine]'));
    await page.locator('[data-test=round-result]', { hasText: '已提交' }).waitFor();
    const fineTaps = count() - before;
    // Two windows all fine: one tap each at most, plus the submit.
    expect(fineTaps).to.be.at.most(2 + 1);
    console.log(`      taps: violation with photo and note ${violationTaps}, all-fine part ${fineTaps}`);

    expect(await FindingModel.countDocuments({ round: roundId })).to.equal(4);
    const raised = await ViolationModel.find({ round: roundId }).sort({ code: 1 }).lean();
    expect(raised.map((v) => [v.code, String(v.staff), v.photos.length])).to.deep.equal([
      ['EATING', pair.second, 0],
      ['PHONE', hall.b01.staff, 1],
    ]);
    await page.screenshot({ path: '/tmp/wfp-patrol-done.png' });
    expect(pageErrors(errors)).to.deep.equal([]);
    await context.close();

    // The manager reads the round at the desk, photo included, from the rounds calendar.
    const manager = await makeUser('MANAGER');
    const desk = await browser.newContext(DESKTOP);
    const mpage = await desk.newPage();
    await logIn(mpage, base, manager.username, PASSWORD);
    await mpage.goto(`${base}/admin/inspections/rounds`);
    await mpage.locator('[data-test=round-S8] .el-button', { hasText: '查看' }).click();
    await mpage.waitForURL(new RegExp(`/admin/inspections/rounds/${roundId}$`));
    const b01Card = mpage.locator('[data-test=report-B01]');
    await b01Card.getByText('低头玩手机').waitFor();
    const photo = b01Card.locator('.el-image img');
    await photo.waitFor();
    expect(await photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).to.equal(true);
    expect(await mpage.locator('[data-test=report-violations] .el-table__row').count()).to.equal(2);
    await mpage.screenshot({ path: '/tmp/wfp-round-report.png', fullPage: true });
    await desk.close();
  });

  it('keeps the draft when the session ends mid-round and sends it once after logging in again', async () => {
    const inspector = await makeUser('INSPECTOR');
    const roundId = await roundFor(inspector.id, 'S7');
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await logIn(page, base, inspector.username, PASSWORD);
    await page.goto(`${base}/admin/patrol/${roundId}`);
    await page.locator('[data-test=start-round]').click();
    await page.locator('[data-test=fine-B02]').click();
    await page.locator('[data-test=window-B02] [data-test=window-tag]', { hasText: '正常' }).waitFor();

    // The session ends (logged out elsewhere, as the server ends sessions) while C01 is being recorded.
    await endSessions(inspector.id);
    await page.locator('[data-test=window-C01] .el-collapse-item__header').click();
    await collapseSettled(page);
    const c01 = page.locator('[data-test=finding-C01]');
    await c01.locator('[data-test=check-UNIFORM]').click();
    await c01.locator('[data-test=note]').fill('未佩戴工作牌');
    await c01.locator('[data-test=save-finding]').click();
    const sheet = page.locator('[data-test=relogin-sheet]');
    await sheet.waitFor();
    expect(new URL(page.url()).pathname).to.equal(`/admin/patrol/${roundId}`);
    await page.locator('[data-test=queue-banner]').waitFor();
    await page.screenshot({ path: '/tmp/wfp-patrol-relogin.png' });
    expect(await FindingModel.countDocuments({ round: roundId })).to.equal(1);

    await sheet.locator('input[name=password]').fill(PASSWORD);
    await sheet.locator('[data-test=relogin]').click();
    await page.locator('[data-test=queue-banner]').waitFor({ state: 'detached' });
    await page.locator('[data-test=window-C01] [data-test=window-tag]', { hasText: '有问题' }).waitFor();
    const stored = await FindingModel.find({ round: roundId }).lean();
    expect(stored).to.have.length(2);
    const c01Finding = stored.find((f) => String(f.window) === hall.c01.window)!;
    expect([c01Finding.note, c01Finding.failures.map((f) => f.code)]).to.deep.equal(['未佩戴工作牌', ['UNIFORM']]);
    expect(pageErrors(errors).filter((e) => !e.includes('401'))).to.deep.equal([]);
    await context.close();
  });
});
