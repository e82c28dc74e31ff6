import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import QRCode from 'qrcode';
import { DepartmentModel } from '../../server/src/domains/departments/department.model.js';
import { StaffModel } from '../../server/src/domains/staff/staff.model.js';
import { WindowModel } from '../../server/src/domains/windows/window.model.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { chooseOption, DESKTOP, launchBrowser, logIn, watchErrors } from '../helpers/browser.js';
import { makeDepartment, makeStaff, makeUser, makeWindow, PASSWORD } from '../helpers/fixtures.js';

describe('staff admin in Chromium', function () {
  this.timeout(60_000);
  let app: TestApp;
  let browser: Browser;
  let admin: string;

  before(async () => {
    app = await startTestApp({ web: true });
    browser = await launchBrowser();
    const gsj = await makeDepartment('GSJ', '市工商行政管理局');
    await makeWindow('B01', gsj);
    admin = (await makeUser('ADMIN')).username;
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  const loginAs = (page: Page, username: string) => logIn(page, app.url, username, PASSWORD);

  it('logs in, creates a window and shows a duplicate code next to the field', async () => {
    const page = await browser.newPage(DESKTOP);
    const errors = watchErrors(page);
    await loginAs(page, admin);
    await page.getByText(/^ADMIN \d+，您好$/).waitFor();

    await page.getByRole('menuitem', { name: '服务窗口' }).click();
    await page.getByRole('cell', { name: 'B01', exact: true }).waitFor();
    await page.click('[data-test=create]');
    const dialog = page.locator('.el-dialog');
    await dialog.locator('input[name=code]').fill('B02');
    await dialog.locator('input[name=zone]').fill('B');
    await dialog.locator('input[name=name]').fill('企业登记窗口');
    await chooseOption(page, '.el-dialog .el-form-item:has-text("所属部门") .el-select', '市工商行政管理局');
    await dialog.locator('[data-test=save]').click();
    await page.getByRole('cell', { name: '企业登记窗口' }).waitFor();
    expect(await WindowModel.findOne({ code: 'B02' }).lean()).to.include({ name: '企业登记窗口', zone: 'B' });

    // The server's DUPLICATE error lands under the code field.
    await page.click('[data-test=create]');
    await dialog.locator('input[name=code]').fill('b01');
    await dialog.locator('input[name=zone]').fill('B');
    await dialog.locator('input[name=name]').fill('重复窗口');
    await chooseOption(page, '.el-dialog .el-form-item:has-text("所属部门") .el-select', '市工商行政管理局');
    await dialog.locator('[data-test=save]').click();
    const fieldError = dialog.locator('.el-form-item:has(input[name=code]) .el-form-item__error');
    await fieldError.waitFor();
    expect(await fieldError.textContent()).to.include('已存在编码相同的窗口');
    expect(errors.filter((e) => !e.includes('status of 200'))).to.deep.equal([]);
    await page.close();
  });

  it('filters the departments by 在用 / 停用', async () => {
    await makeDepartment('TYJ', '已停用测试局');
    await DepartmentModel.updateOne({ code: 'TYJ' }, { $set: { active: false } });
    const page = await browser.newPage(DESKTOP);
    await loginAs(page, admin);
    await page.goto(`${app.url}/admin/departments`);
    const rows = page.locator('.el-table__body tbody tr');
    await page.getByRole('cell', { name: 'TYJ', exact: true }).waitFor();
    await page.getByRole('cell', { name: 'GSJ', exact: true }).waitFor(); // control: both listed at first
    await chooseOption(page, '.toolbar .el-select', '停用');
    await page.getByRole('cell', { name: 'GSJ', exact: true }).waitFor({ state: 'detached' });
    expect(await rows.allTextContents()).to.have.lengthOf(1);
    expect((await rows.first().textContent())!).to.include('已停用测试局');
    await page.close();
  });

  it("uploads a staff member's photo from the edit dialog", async () => {
    const staffId = await makeStaff('GSJ09', await makeDepartment('ZJW', '市住房和城乡建设委员会'), '周晓');
    const page = await browser.newPage(DESKTOP);
    await loginAs(page, admin);
    await page.goto(`${app.url}/admin/staff`);
    await page.getByRole('row', { name: /周晓/ }).getByRole('button', { name: '编辑' }).click();
    await page
      .locator('[data-test=photo-input]')
      .setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: await QRCode.toBuffer('周晓') });
    await page.locator('.el-dialog .el-avatar img').waitFor();
    const src = await page.locator('.el-dialog .el-avatar img').getAttribute('src');
    expect(src).to.match(/^\/files\/[a-f0-9]{24}$/);
    expect(String((await StaffModel.findById(staffId).lean())!.photo)).to.equal(src!.split('/').pop());
    await page.close();
  });

  it('switches to English and keeps it after a reload', async () => {
    const page = await browser.newPage(DESKTOP);
    await loginAs(page, admin);
    await page.locator('[data-test=language]').getByText('English').click();
    await page.getByRole('menuitem', { name: 'Windows' }).waitFor();
    await page.reload();
    await page.getByRole('menuitem', { name: 'Service items' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).to.equal('en');
    await page.close();
  });

  it("shows a liaison only its role's menu and sends a logged-out visitor to the login page", async () => {
    const dsj = await makeDepartment('DSJ', '市地方税务局');
    const liaison = (await makeUser('DEPARTMENT', dsj)).username;
    const page = await browser.newPage(DESKTOP);
    await loginAs(page, liaison);
    await page.getByRole('menuitem', { name: '服务窗口' }).waitFor();
    expect(await page.getByRole('menuitem', { name: '账号管理' }).count()).to.equal(0);
    // Typing the address of an admin-only page lands back home with a notice.
    await page.goto(`${app.url}/admin/accounts`);
    await page.getByText('您的角色无权访问所请求的页面').waitFor();

    await page.locator('[data-test=user-menu]').click();
    await page.locator('[data-test=logout]').click();
    await page.waitForURL(/\/admin\/login/);
    await page.goto(`${app.url}/admin/windows`);
    await page.waitForURL(/\/admin\/login\?redirect=/);
    await page.close();
  });
});
