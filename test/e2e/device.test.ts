import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { RatingModel } from '../../server/src/domains/ratings/rating.model.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { DESKTOP, HALL_HOST, hallUrl, launchBrowser, logIn, PHONE, watchErrors } from '../helpers/browser.js';
import type { Client } from '../helpers/client.js';
import { deviceCall, DEVICES, errorCode, pairingCode, REVOKE } from '../helpers/device.js';
import {
  makeDepartment,
  makeStaff,
  makeUser,
  makeWindow,
  PASSWORD,
  putOnDuty,
  staffClient,
} from '../helpers/fixtures.js';

// The window rating device (issue 16 item 2) in Chromium on a 10-inch tablet in landscape, on the
// hall's plain-HTTP origin: paired with an admin's code, it offers each case completed at its
// window (by the integration or by 办结 on the device), rates it with one tap, refuses a second
// rating, goes back to idle, and shows the pairing screen once revoked. The integration's cases
// come through the API key path (POST /api/integration/v1/cases).
// WFP_SHOTS=<dir> keeps screenshots of its screens there.

const TABLET = { viewport: { width: 1280, height: 800 }, hasTouch: true, locale: 'zh-CN' };
const shot = async (page: Page, name: string) => {
  if (process.env.WFP_SHOTS) await page.screenshot({ path: `${process.env.WFP_SHOTS}/${name}.png` });
};

describe('window rating device on a tablet', function () {
  this.timeout(90_000);
  let app: TestApp;
  let browser: Browser;
  let ctx: BrowserContext;
  let page: Page;
  let errors: string[];
  let admin: Client;
  let dept: string;
  let win: string;
  let staff: string;

  let apiKey: string;
  /** The queue system reports the case completed at C05, with its API key (docs/integration.md). */
  const integrationCompletes = async (caseNumber: string) => {
    const res = await fetch(`${app.url}/api/integration/v1/cases`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ caseNumber, windowCode: 'C05', staffNo: 'RSJ07', event: 'completed' }),
    });
    expect(res.status, await res.clone().text()).to.equal(201);
  };
  const credential = () => page.evaluate(() => localStorage.getItem('wfp.deviceCredential'));

  before(async () => {
    app = await startTestApp({ web: true });
    browser = await launchBrowser(HALL_HOST);
    dept = await makeDepartment('RSJ', '人力资源和社会保障局');
    win = await makeWindow('C05', dept);
    staff = await makeStaff('RSJ07', dept, '张伟');
    await putOnDuty(win, staff, dept);
    admin = await staffClient(app.url, 'ADMIN');
    const key = await admin.gql(
      'mutation($n: String!, $s: [ApiScope!]!) { createApiKey(name: $n, scopes: $s) { secret } }',
      { n: '叫号系统', s: ['CASES_WRITE'] },
    );
    apiKey = key.data.createApiKey.secret as string;
    ctx = await browser.newContext(TABLET);
    page = await ctx.newPage();
    errors = watchErrors(page);
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  it('pairs with a code from the admin and shows the window, who is on duty and its QR code', async () => {
    await page.goto(`${hallUrl(app.url)}/d`);
    expect(await page.evaluate(() => window.isSecureContext)).to.equal(false);
    await page.locator('[data-test=pair]').waitFor();
    await page.fill('[data-test=pair-code]', 'ABCD-EFGH');
    await page.click('[data-test=pair-submit]');
    await page.locator('[data-test=pair-error]').getByText('绑定码无效').waitFor();
    await shot(page, 'device-pair');
    await page.fill('[data-test=pair-code]', await pairingCode(admin, win, 'C05 平板'));
    await page.click('[data-test=pair-submit]');
    await page.locator('[data-test=idle]').waitFor();
    expect(await page.locator('[data-test=window-code]').textContent()).to.equal('C05');
    await page.locator('[data-test=staff]').getByText('张伟').waitFor();
    expect(await page.locator('[data-test=window-qr]').getAttribute('data-url')).to.match(/\/r\/C05\?s=/);
    await shot(page, 'device-idle');
  });

  it('offers a case the integration completed, rates it with one tap, refuses it twice, and goes idle', async () => {
    await integrationCompletes('RS-2026-0001');
    await page.locator('[data-test=case]').waitFor();
    expect(await page.locator('[data-test=case-number]').textContent()).to.equal('RS-2026-0001');
    expect(await page.locator('[data-test=case-qr]').getAttribute('data-url')).to.match(
      /\/r\/C05\?case=RS-2026-0001&slot=\d+&m=/,
    );
    await shot(page, 'device-faces');
    await page.tap('[data-test=face-VERY_SATISFIED]');
    await page.locator('[data-test=thanks]').waitFor();
    await shot(page, 'device-thanks');
    const stored = await RatingModel.find({ servedCase: 'RS-2026-0001' }).lean();
    expect(stored).to.have.length(1);
    expect(stored[0]).to.include({ level: 'VERY_SATISFIED', channel: 'HALL_TABLET', caseNumber: 'RS-2026-0001' });
    expect(String(stored[0]!.staff)).to.equal(staff);
    // The same case again, by the device's own credential: refused (一次一评).
    const again = await deviceCall(app.url, 'ticket', await credential(), { caseNumber: 'RS-2026-0001' });
    expect(errorCode(again)).to.equal('CASE_ALREADY_RATED');
    await page.locator('[data-test=idle]').waitFor();
    expect(await RatingModel.countDocuments({ servedCase: 'RS-2026-0001' })).to.equal(1);
  });

  it('lets the staff member mark a case done on the device, and asks details after a bad face', async () => {
    await page.click('[data-test=staff-open]');
    await page.fill('[data-test=case-input]', 'rs-2026-0002');
    await page.click('[data-test=complete]');
    await page.locator('[data-test=case]').waitFor();
    expect(await page.locator('[data-test=case-number]').textContent()).to.equal('RS-2026-0002');
    await page.tap('[data-test=face-DISSATISFIED]');
    await page.locator('[data-test=details]').waitFor();
    await page.tap('[data-test=tag-ATTITUDE]');
    await page.fill('[data-test=comment]', '态度生硬');
    await shot(page, 'device-details');
    await page.tap('[data-test=submit]');
    await page.locator('[data-test=thanks]').getByText('个工作日').waitFor();
    const r = await RatingModel.findOne({ servedCase: 'RS-2026-0002' }).lean();
    expect(r).to.deep.include({
      level: 'DISSATISFIED',
      tags: ['ATTITUDE'],
      comment: '态度生硬',
      channel: 'HALL_TABLET',
    });
    await page.locator('[data-test=idle]').waitFor();
  });

  it("lets a citizen rate the case on a phone from the device's rotating QR code instead", async () => {
    await integrationCompletes('RS-2026-0003');
    await page.locator('[data-test=case]').waitFor();
    const link = new URL((await page.locator('[data-test=case-qr]').getAttribute('data-url'))!);
    const phone = await browser.newContext(PHONE);
    const p = await phone.newPage();
    await p.goto(`${hallUrl(app.url)}${link.pathname}${link.search}`);
    await p.locator('[data-test=bound-case]').getByText('RS-2026-0003').waitFor();
    await p.click('[data-test=face-SATISFIED]');
    await p.click('[data-test=submit]');
    await p.locator('[data-test=done]').waitFor();
    const r = await RatingModel.findOne({ servedCase: 'RS-2026-0003' }).lean();
    expect(r).to.include({ level: 'SATISFIED', channel: 'QR' });
    // Rated by phone: the device leaves the case, and the same code rates nothing more.
    await page.locator('[data-test=idle]').waitFor();
    await p.goto(`${hallUrl(app.url)}${link.pathname}${link.search}`);
    await p.locator('[data-test=load-error]').getByText('已经评价过').waitFor();
    await phone.close();
  });

  it('shows the admin its devices, and once revoked the device is refused and asks to be paired', async () => {
    const adminPage = await (
      await browser.newContext({ ...DESKTOP, viewport: { width: 1280, height: 800 } })
    ).newPage();
    const user = await makeUser('ADMIN');
    await logIn(adminPage, hallUrl(app.url), user.username, PASSWORD);
    await adminPage.goto(`${hallUrl(app.url)}/admin/devices`);
    await adminPage.locator('[data-test=devices]').getByText('C05 平板').waitFor();
    await shot(adminPage, 'admin-devices');
    await adminPage.context().close();

    const id = ((await admin.gql(DEVICES)).data.ratingDevices as Array<{ id: string }>)[0]!.id;
    await admin.gql(REVOKE, { id });
    await page.locator('[data-test=pair]').waitFor();
    expect(await credential()).to.equal(null);
    // Only the refusals the test caused (the made-up code, the revoked device) and the browser's
    // notice that plain HTTP ignores COOP.
    const expected = /Cross-Origin-Opener-Policy|status of 400 \(Bad Request\)|status of 401 \(Unauthorized\)/;
    expect(errors.filter((e) => !expected.test(e))).to.deep.equal([]);
  });
});
