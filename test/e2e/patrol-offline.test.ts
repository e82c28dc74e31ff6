import { expect } from 'chai';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import mongoose from 'mongoose';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import QRCode from 'qrcode';
import { FindingModel } from '../../server/src/domains/inspections/finding.model.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { collapseSettled, HALL_HOST, hallUrl, launchBrowser, logIn, PHONE, watchErrors } from '../helpers/browser.js';
import { makeUser, PASSWORD } from '../helpers/fixtures.js';
import { makeHall, roundFor } from '../helpers/patrol.js';

// The hall's Wi-Fi drops mid-round. Findings and photos wait on the phone (IndexedDB) and reach
// the server exactly once when it is back. Reloading with no network needs the service worker,
// which browsers install only in a secure context: not on the hall's plain HTTP (checked below),
// so the offline reload is tested on http://127.0.0.1, which Chromium treats as secure.
describe('the patrol app offline', function () {
  this.timeout(120_000);
  let app: TestApp;
  let browser: Browser;
  let hall: Awaited<ReturnType<typeof makeHall>>;

  before(async () => {
    app = await startTestApp({ web: true });
    browser = await launchBrowser(HALL_HOST);
    hall = await makeHall();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  async function openRound(base: string, slot: string) {
    const inspector = await makeUser('INSPECTOR');
    const roundId = await roundFor(inspector.id, slot);
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await logIn(page, base, inspector.username, PASSWORD);
    await page.goto(`${base}/admin/patrol/${roundId}`);
    await page.locator('[data-test=start-round]').click();
    await page.locator('[data-test=fine-B02]').waitFor();
    return { inspector, roundId, context, page, errors };
  }

  /** Offline: B01 gets a failed check, a photo and a note; B02 its one-tap 正常. */
  async function recordOffline(context: BrowserContext, page: Page) {
    await context.setOffline(true);
    await page.locator('[data-test=window-B01] .el-collapse-item__header').click();
    await collapseSettled(page);
    const b01 = page.locator('[data-test=finding-B01]');
    await b01.locator('[data-test=check-PHONE]').click();
    await b01.locator('[data-test=photo-input]').setInputFiles({
      name: 'p.png',
      mimeType: 'image/png',
      buffer: await QRCode.toBuffer('离线拍的照片'),
    });
    await b01.locator('[data-test=photo-waiting] img').waitFor();
    await b01.locator('[data-test=note]').fill('离线记录');
    await b01.locator('[data-test=save-finding]').click();
    await collapseSettled(page); // B01 closing moves B02 up
    await page.locator('[data-test=fine-B02]').click();
    for (const w of ['B01', 'B02'])
      await page.locator(`[data-test=window-${w}] [data-test=window-tag]`, { hasText: '待同步' }).waitFor();
    await page.locator('[data-test=queue-banner]', { hasText: '2 条记录、1 张照片待同步' }).waitFor();
  }

  /** Every finding and photo on the server exactly once. */
  async function expectStoredOnce(roundId: string, inspectorId: string) {
    const findings = await FindingModel.find({ round: roundId }).lean();
    expect(findings.map((f) => String(f.window)).sort()).to.deep.equal([hall.b01.window, hall.b02.window].sort());
    const b01 = findings.find((f) => String(f.window) === hall.b01.window)!;
    expect([b01.note, b01.failures.map((f) => f.code), b01.photos.length]).to.deep.equal(['离线记录', ['PHONE'], 1]);
    const files = mongoose.connection.db!.collection('files.files');
    const mine = await files.find({ 'metadata.uploadedBy': inspectorId }).toArray();
    expect(mine.map((f) => String(f._id))).to.deep.equal(b01.photos.map(String));
  }

  it('on the hall’s plain HTTP keeps findings and photos while offline and sends each once', async () => {
    const { inspector, roundId, context, page, errors } = await openRound(hallUrl(app.url), 'S6');
    // No secure context, so no service worker here: an offline reload cannot work on this origin.
    expect(await page.evaluate(() => [window.isSecureContext, 'serviceWorker' in navigator])).to.deep.equal([
      false,
      false,
    ]);
    await recordOffline(context, page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: '/tmp/wfp-patrol-offline-waiting.png', animations: 'disabled' });
    expect(await FindingModel.countDocuments({ round: roundId })).to.equal(0);

    // Back online, the first photo upload reaches the server but its answer is lost: the queue
    // sends it again with the same key, and the server hands back the file it already stored.
    let lost = 0;
    let stored = 0;
    await page.route('**/api/patrol/rounds/*/photos*', async (route) => {
      if (lost++) return route.continue();
      // Node sends it (hall.test resolves only inside Chromium), so that the server really stores it.
      const url = new URL(route.request().url());
      const headers = { ...(await route.request().allHeaders()), host: url.host };
      stored = (await route.fetch({ url: url.href.replace('hall.test', '127.0.0.1'), headers })).status();
      await route.abort('connectionreset');
    });
    await context.setOffline(false);
    await page.locator('[data-test=queue-banner]').waitFor({ state: 'detached', timeout: 40_000 });
    expect([stored, lost]).to.deep.equal([201, 2]);
    await expectStoredOnce(roundId, inspector.id);
    expect(
      errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|ERR_CONNECTION_RESET|Cross-Origin-Opener/.test(e)),
    ).to.deep.equal([]);
    await context.close();
  });

  it('reloads the round with no network where a service worker can run, and sends everything once after', async () => {
    const { inspector, roundId, context, page } = await openRound(app.url, 'S5');
    // Once the service worker is active (the admin shell precached) it takes over from the next
    // page load on: it never claims a page that is already open.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    await page.locator('[data-test=fine-B02]').waitFor();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).to.equal(true);
    await recordOffline(context, page);

    await page.reload();
    await page.locator('[data-test=device-copy]').waitFor();
    await page.locator('[data-test=queue-banner]', { hasText: '2 条记录、1 张照片待同步' }).waitFor();
    await page.locator('[data-test=window-B01] [data-test=window-tag]', { hasText: '待同步' }).waitFor();
    await page.locator('[data-test=window-B01] .el-collapse-item__header').click();
    await page.locator('[data-test=finding-B01] [data-test=photo-waiting] img').waitFor();
    await page.locator('[data-test=finding-B01] [data-test=save-finding]').waitFor();
    await collapseSettled(page);
    await page.screenshot({ path: '/tmp/wfp-patrol-offline-reload.png' });

    await context.setOffline(false);
    await page.locator('[data-test=queue-banner]').waitFor({ state: 'detached', timeout: 40_000 });
    await expectStoredOnce(roundId, inspector.id);
    await context.close();
  });

  it('keeps a finding being typed when a new service worker takes over mid-round (a deployment)', async () => {
    const { roundId, context, page } = await openRound(app.url, 'S7');
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    await page.locator('[data-test=fine-B02]').waitFor();
    let loads = 0;
    page.on('load', () => loads++);
    await page.locator('[data-test=window-B01] .el-collapse-item__header').click();
    await collapseSettled(page);
    await page.locator('[data-test=finding-B01] [data-test=note]').fill('部署时正在填写');

    // A new build on the server: the worker script changes, the browser installs it, and the new
    // worker activates (skipWaiting) while the round is open.
    const sw = path.resolve('web', 'dist', 'sw.js');
    const original = await readFile(sw, 'utf8');
    try {
      await writeFile(sw, `${original}\n// a later build\n`);
      await page.evaluate(async () => {
        const reg = (await navigator.serviceWorker.getRegistration())!;
        const before = reg.active;
        await reg.update();
        const next = reg.installing ?? reg.waiting ?? reg.active;
        if (!next || next === before) throw new Error('no new service worker was installed');
        if (next.state !== 'activated')
          await new Promise<void>((done) =>
            next.addEventListener('statechange', () => next.state === 'activated' && done()),
          );
      });
    } finally {
      await writeFile(sw, original);
    }
    // The plugin would reload on activation; the typed note is still there and is what gets saved.
    await page.locator('[data-test=finding-B01] [data-test=save-finding]').click();
    await page.locator('[data-test=window-B01] [data-test=window-tag]').waitFor();
    const [saved] = await FindingModel.find({ round: roundId }).lean();
    expect([saved?.note, loads]).to.deep.equal(['部署时正在填写', 0]);
    await context.close();
  });
});
