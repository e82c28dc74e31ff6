import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { ApiKeyModel, RatingWebhookModel } from '../../server/src/domains/integration/api-key.model.js';

import { startTestApp, type TestApp } from '../helpers/app.js';
import { DESKTOP, HALL_HOST, hallUrl, launchBrowser, logIn, watchErrors } from '../helpers/browser.js';
import { makeDepartment, makeUser, makeWindow, PASSWORD } from '../helpers/fixtures.js';

// 系统对接 in Chromium, on the hall's plain-HTTP origin: the admin makes a key for the queue
// system, which reports a case with it; the key is shown once, listed by its prefix with its last
// use, and refused once revoked. A rating receiver is added and switched off from the same page.
describe('the integrations page (Chromium)', function () {
  this.timeout(60_000);
  let app: TestApp;
  let browser: Browser;
  let receiver: Server;

  before(async () => {
    app = await startTestApp({ web: true });
    browser = await launchBrowser(HALL_HOST);
    await makeWindow('IG01', await makeDepartment('IGJ', '对接页面测试局'));
    receiver = createServer((req, res) => req.resume().on('end', () => res.writeHead(200).end()));
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await new Promise((r) => receiver.close(r));
  });

  const report = (key: string, caseNumber: string) =>
    fetch(`${app.url}/api/integration/v1/cases`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ caseNumber, windowCode: 'IG01', event: 'completed' }),
    });

  it('makes a key shown once, which the queue system uses until the admin revokes it', async () => {
    const admin = await makeUser('ADMIN');
    const page = await browser.newPage(DESKTOP);
    const errors = watchErrors(page);
    const base = hallUrl(app.url);
    await logIn(page, base, admin.username, PASSWORD);
    await page.goto(`${base}/admin/integrations`);

    await page.locator('input[data-test=key-name]').fill('叫号系统');
    await page.locator('[data-test=create-key]').click();
    const secret = await page.locator('input[data-test=new-secret]').inputValue();
    expect(secret).to.match(/^wfp_[A-Za-z0-9_-]{20,}$/);
    // Only a digest is stored: the secret is nowhere in the database.
    const stored = (await ApiKeyModel.findOne({ name: '叫号系统' }).lean())!;
    expect(JSON.stringify(stored)).not.to.include(secret.slice(4));
    await page.locator('[data-test=secret-done]').click();

    expect((await report(secret, 'IG-2026-0001')).status).to.equal(201);
    await page.reload();
    const row = page.locator('[data-test=key-table] tbody tr', { hasText: '叫号系统' });
    await row.getByText('有效').waitFor();
    expect(await row.textContent()).to.include(`${secret.slice(0, 10)}…`);
    // The last use is shown as a date and time, not the dash of a key never used.
    expect(await row.locator('td').nth(4).textContent()).to.match(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);

    await row.locator('[data-test=revoke-key]').click();
    await page.locator('.el-message-box__btns .el-button--primary').click();
    await row.getByText('已撤销').waitFor();
    expect(await row.locator('[data-test=revoke-key]').count()).to.equal(0);
    expect((await report(secret, 'IG-2026-0002')).status).to.equal(401);

    // A receiver for new ratings, then switched off.
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/ratings`;
    await page.locator('input[data-test=hook-url]').fill(url);
    await page.locator('input[data-test=hook-secret]').fill('e2e-hook-secret-0123');
    await page.locator('[data-test=add-hook]').click();
    const hook = page.locator('[data-test=hook-table] tbody tr', { hasText: url });
    await hook.locator('.el-switch.is-checked').waitFor();
    expect(await RatingWebhookModel.countDocuments({ url, active: true })).to.equal(1);
    await hook.locator('.el-switch').click();
    await hook.locator('.el-switch:not(.is-checked)').waitFor();
    expect(await RatingWebhookModel.countDocuments({ url, active: false })).to.equal(1);

    await page.screenshot({ path: '/tmp/wfp-integrations.png', fullPage: true, animations: 'disabled' });
    expect(errors.filter((e) => !e.includes('Cross-Origin-Opener-Policy'))).to.deep.equal([]);
    await page.close();
  });

  it('is not offered to a manager, who is sent home from its address', async () => {
    const manager = await makeUser('MANAGER');
    const page = await browser.newPage(DESKTOP);
    const base = hallUrl(app.url);
    await logIn(page, base, manager.username, PASSWORD);
    // Positive control: the manager's menu is there, with pages it may open.
    await page.getByRole('menuitem', { name: '参评率' }).waitFor();
    expect(await page.getByRole('menuitem', { name: '系统对接' }).count()).to.equal(0);
    await page.goto(`${base}/admin/integrations`);
    await page.waitForURL(/\/admin\/?\?denied=integrations/);
    expect(await page.locator('[data-test=api-keys]').count()).to.equal(0);
    await page.close();
  });
});
