import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { FollowUpModel } from '../../server/src/domains/follow-ups/follow-up.model.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { launchBrowser, PHONE, watchErrors } from '../helpers/browser.js';
import type { Client } from '../helpers/client.js';
import { makeDepartment, makeStaff, makeWindow, putOnDuty, staffClient } from '../helpers/fixtures.js';
import { sigFor } from '../helpers/rating.js';

// On a phone: a bad rating's thanks screen gives the code; once the centre closes the follow-up
// resolved, the code's page shows what was done and 您说，我们改 lists it, on the window's rating
// page and on /p/ratings.
const ADVANCE = `mutation($id: ID!, $action: FollowUpAction!, $input: FollowUpStepInput) {
  advanceFollowUp(id: $id, action: $action, input: $input) { state } }`;

describe('citizen sees the fix of a bad rating on a phone', function () {
  this.timeout(90_000);
  let app: TestApp;
  let browser: Browser;
  let liaison: Client;
  let manager: Client;

  before(async () => {
    app = await startTestApp({ web: true });
    browser = await launchBrowser();
    const gsj = await makeDepartment('GSJ', '市市场监督管理局');
    const w = await makeWindow('K01', gsj);
    await putOnDuty(w, await makeStaff('SK01', gsj, '李四'), gsj);
    liaison = await staffClient(app.url, 'DEPARTMENT', gsj);
    manager = await staffClient(app.url, 'MANAGER');
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  const step = async (c: Client, id: string, action: string, input?: object) => {
    const r = await c.gql(ADVANCE, { id, action, input });
    expect(r.errors, JSON.stringify(r.errors)).to.equal(undefined);
  };

  it('gives the code after a bad rating, and shows the fix on its page and in 您说，我们改', async () => {
    const ctx = await browser.newContext(PHONE);
    const page = await ctx.newPage();
    const errors = watchErrors(page);
    await page.goto(`${app.url}/r/K01?s=${sigFor(app, 'K01')}`);
    await page.click('[data-test=face-DISSATISFIED]');
    await page.click('[data-test=tag-LONG_WAIT]');
    await page.fill('[data-test=comment]', '等了一个小时，李四一直在玩手机');
    await page.click('[data-test=submit]');
    const shown = (await page.locator('[data-test=fix-code] strong').textContent())!.trim();
    const f = await FollowUpModel.findOne({}).lean();
    expect(shown).to.equal(f!.trackingCode);
    await page.screenshot({ path: '/tmp/wfp-e2e-rate-thanks-code.png', fullPage: true });

    // Before the fix: received, no result yet.
    await page.click('[data-test=fix-link]');
    await page.locator('[data-test=stage]').getByText('已受理，核实中').waitFor();
    expect(await page.locator('[data-test=fix-result]').count()).to.equal(0);

    const id = String(f!._id);
    await step(liaison, id, 'verify', { finding: '高峰期只开一个窗口', category: 'EFFICIENCY', responsible: '李四' });
    await step(liaison, id, 'rectify', { action: '高峰期增开窗口' });
    await step(liaison, id, 'callBack', { outcome: 'NO_CONTACT' });
    await step(manager, id, 'close', { publicResult: '高峰时段增开两个窗口，等候时间缩短到二十分钟以内' });

    await page.reload();
    await page.locator('[data-test=stage]').getByText('已办结（已解决）').waitFor();
    const result = await page.locator('[data-test=fix-result]').textContent();
    expect(result).to.include('高峰时段增开两个窗口');
    expect(await page.locator('[data-test=milestones] li.done').count()).to.equal(5);
    const text = (await page.locator('main').textContent())!;
    for (const personal of ['李四', '玩手机', '只开一个窗口']) expect(text).not.to.include(personal);
    await page.screenshot({ path: '/tmp/wfp-e2e-fix-page.png', fullPage: true });

    await page.goto(`${app.url}/p/ratings`);
    const item = page.locator('[data-test=fixes] [data-test=fix]').first();
    await item.getByText('高峰时段增开两个窗口').waitFor();
    expect(await item.textContent()).to.include('等候久');
    await page.screenshot({ path: '/tmp/wfp-e2e-stats-fixes.png', fullPage: true });

    await page.goto(`${app.url}/r/K01?s=${sigFor(app, 'K01')}`);
    await page.locator('[data-test=fixes] [data-test=fix]').getByText('高峰时段增开两个窗口').waitFor();
    await page.screenshot({ path: '/tmp/wfp-e2e-rate-fixes.png', fullPage: true });
    expect(errors).to.deep.equal([]);
    await ctx.close();
  });
});
