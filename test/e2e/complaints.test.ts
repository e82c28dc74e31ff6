import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import QRCode from 'qrcode';
import { ComplaintModel } from '../../server/src/domains/complaints/complaint.model.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { DESKTOP, launchBrowser, logIn, PHONE, watchErrors } from '../helpers/browser.js';
import { makeDepartment, makeUser, makeWindow, PASSWORD } from '../helpers/fixtures.js';

// The whole life of a complaint in Chromium: a citizen files it on a phone with a photo and
// looks it up; the center and the department's liaison handle it in the admin; the citizen
// sees the answer and says it was not resolved, which reopens it.
describe('complaints in Chromium', function () {
  this.timeout(90_000);
  let app: TestApp;
  let browser: Browser;
  let manager: string;
  let liaison: string;
  let trackingCode: string;

  before(async () => {
    app = await startTestApp({ web: true });
    browser = await launchBrowser();
    const gsj = await makeDepartment('GSJ', '市工商行政管理局');
    await makeWindow('B07', gsj);
    manager = (await makeUser('MANAGER')).username;
    liaison = (await makeUser('DEPARTMENT', gsj)).username;
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  async function lookUp(page: Page) {
    await page.goto(`${app.url}/c/track?code=${trackingCode}`);
    await page.fill('input[name=contact]', '5678');
    await page.click('[data-test=search]');
    await page.locator('[data-test=status]').waitFor();
  }

  async function adminAs(username: string) {
    const page = await browser.newPage(DESKTOP);
    await logIn(page, app.url, username, PASSWORD);
    return page;
  }

  /** Clicks a workflow button, fills its dialog and waits for the new state. */
  async function step(
    page: Page,
    action: string,
    state: string,
    fill?: (dialog: ReturnType<Page['locator']>) => Promise<void>,
  ) {
    await page.click(`[data-test=action-${action}]`);
    const dialog = page.locator('.el-dialog:visible');
    await fill?.(dialog);
    await dialog.locator('[data-test=save]').click();
    await page.locator('[data-test=state]', { hasText: state }).waitFor();
  }

  it('files a complaint with a photo on a phone and looks it up', async () => {
    const page = await browser.newPage(PHONE);
    const errors = watchErrors(page);
    await page.goto(`${app.url}/c/new?window=b07`);
    await page.locator('select[name=windowCode] option:checked', { hasText: 'B07' }).waitFor({ state: 'attached' });
    await page.click('[data-test=category-ATTITUDE]');
    await page.fill('textarea[name=description]', '窗口工作人员态度生硬，不回答问题。');
    await page
      .locator('[data-test=photo-input]')
      .setInputFiles({ name: 'hall.png', mimeType: 'image/png', buffer: await QRCode.toBuffer('现场照片') });
    await page.locator('[data-test=photo-thumb]').waitFor();
    await page.fill('input[name=name]', '王先生');
    await page.fill('input[name=phone]', '138 1234 5678');
    await page.click('[data-test=submit]');

    trackingCode = (await page.locator('[data-test=tracking-code]').textContent())!.trim();
    expect(trackingCode).to.match(/^TS-\w{4}-\w{4}-\w{4}$/);
    const doc = (await ComplaintModel.findOne({ trackingCode }).lean())!;
    expect(doc).to.include({ category: 'ATTITUDE', phone: '13812345678', name: '王先生' });
    expect(doc.photos).to.have.length(1);

    await page.getByRole('link', { name: '查询进度' }).click();
    await page.waitForURL(/\/c\/track\?code=/);
    expect(await page.inputValue('input[name=code]')).to.equal(trackingCode);
    await page.fill('input[name=contact]', '0000');
    await page.click('[data-test=search]');
    await page.locator('[data-test=track-message]', { hasText: '未找到该投诉' }).waitFor();
    await lookUp(page);
    expect(await page.locator('[data-test=state]').textContent()).to.equal('待受理');
    expect(await page.locator('[data-test=progress]').textContent()).to.include('投诉已提交');
    expect(errors).to.deep.equal([]);
    await page.close();
  });

  it('is handled in the admin: accepted and assigned by a manager, answered by the liaison, closed', async () => {
    const boss = await adminAs(manager);
    const errors = watchErrors(boss);
    await boss.getByRole('menuitem', { name: '投诉列表' }).click();
    await boss.getByRole('link', { name: trackingCode }).click();
    await boss.locator('[data-test=photo]').waitFor();
    expect(await boss.locator('[data-test=phone]').textContent()).to.equal('13812345678');
    await step(boss, 'ACCEPT', '已受理');
    await step(boss, 'ASSIGN', '已交办', (d) => d.locator('textarea[name=note]').fill('请核实并答复'));

    const dept = await adminAs(liaison);
    await dept.getByRole('menuitem', { name: '投诉列表' }).click();
    await dept.getByRole('link', { name: trackingCode }).click();
    expect(await dept.locator('[data-test=phone]').textContent()).to.equal('138****5678');
    await step(dept, 'INVESTIGATE', '核查中');
    expect(await dept.locator('[data-test=phone]').textContent()).to.equal('13812345678');
    await step(dept, 'REPLY', '已答复', (d) =>
      d.locator('textarea[name=note]').fill('经核实，已对该工作人员进行批评教育。'),
    );
    expect(await dept.locator('[data-test^=action-]').count()).to.equal(0);
    await dept.close();

    await boss.reload();
    await step(boss, 'REVIEW', '已审核');
    await step(boss, 'CLOSE', '已办结', (d) => d.locator('[data-test=called-back]').click());
    expect(await boss.locator('[data-test=timeline]').textContent()).to.include('经核实，已对该工作人员进行批评教育。');
    expect(errors).to.deep.equal([]);
    await boss.close();
  });

  it('shows the citizen the answer, and reopens on "not resolved"', async () => {
    const page = await browser.newPage(PHONE);
    await lookUp(page);
    expect(await page.locator('[data-test=state]').textContent()).to.equal('已办结');
    const progress = await page.locator('[data-test=progress]').textContent();
    expect(progress).to.include('经核实，已对该工作人员进行批评教育。').and.not.include('请核实并答复');
    await page.screenshot({ path: '/tmp/wfp-e2e-complaint-track.png', fullPage: true });
    await page.click('[data-test=resolved-false]');
    await page.click('[data-test=satisfaction-DISSATISFIED]');
    await page.click('[data-test=send-feedback]');
    await page.locator('[data-test=state]', { hasText: '重新办理中' }).waitFor();
    await page.locator('[data-test=feedback-given]').waitFor();
    expect((await ComplaintModel.findOne({ trackingCode }).lean())!.state).to.equal('REOPENED');
    await page.close();
  });
});
