import { expect } from 'chai';
import { trusted } from 'mongoose';
import type { Browser, Page } from 'playwright-core';
import { FollowUpModel } from '../../server/src/domains/follow-ups/follow-up.model.js';
import { openFollowUp } from '../../server/src/domains/follow-ups/follow-up.service.js';
import { RatingModel, type Rating } from '../../server/src/domains/ratings/rating.model.js';
import { ratingSettings } from '../../server/src/domains/ratings/rating.settings.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { DESKTOP, HALL_HOST, hallUrl, launchBrowser, logIn, watchErrors } from '../helpers/browser.js';
import { Client } from '../helpers/client.js';
import { makeDepartment, makeRating, makeUser, makeWindow, PASSWORD } from '../helpers/fixtures.js';

// The follow-up work in the staff admin, on the hall's plain-HTTP origin: evidence attached to a
// step, an appeal decided by a second manager (the filer is offered no decision), a notification
// opening its record, and each role's to-do home with counts that match and links that work.
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);
const ADVANCE = `mutation($id: ID!, $action: FollowUpAction!, $input: FollowUpStepInput) {
  advanceFollowUp(id: $id, action: $action, input: $input) { state } }`;
const WORK = '{ myWork { key group count link } }';
interface Todo {
  key: string;
  group: string;
  count: number;
  link: string;
}

describe('follow-up work in the staff admin (Chromium, plain HTTP)', function () {
  this.timeout(120_000);
  let app: TestApp;
  let base: string;
  let browser: Browser;
  let gsj: string;
  let win: string;
  const users: Record<'liaison' | 'managerA' | 'managerB' | 'admin', { username: string; client: Client }> =
    {} as never;

  before(async () => {
    app = await startTestApp({ web: true });
    base = hallUrl(app.url);
    browser = await launchBrowser(HALL_HOST);
    gsj = await makeDepartment('GSJ', '市市场监督管理局');
    win = await makeWindow('E01', gsj);
    const make = async (role: 'DEPARTMENT' | 'MANAGER' | 'ADMIN', dept?: string) => {
      const { username } = await makeUser(role, dept);
      const client = new Client(app.url);
      await client.login(username, PASSWORD);
      return { username, client };
    };
    users.liaison = await make('DEPARTMENT', gsj);
    users.managerA = await make('MANAGER');
    users.managerB = await make('MANAGER');
    users.admin = await make('ADMIN');
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  async function followUp(at = new Date()) {
    const id = await makeRating({ window: win, department: gsj, level: 'DISSATISFIED', at });
    await openFollowUp((await RatingModel.findById(id).lean<Rating>())!, await ratingSettings.get());
    return String((await FollowUpModel.findOne({ rating: id }).lean())!._id);
  }
  const step = async (c: Client, id: string, action: string, input?: object) => {
    const r = await c.gql(ADVANCE, { id, action, input });
    expect(r.errors, JSON.stringify(r.errors)).to.equal(undefined);
  };
  async function pageAs(who: keyof typeof users, locale?: 'en') {
    const ctx = await browser.newContext(DESKTOP);
    if (locale) await ctx.addInitScript(() => localStorage.setItem('wfp.locale', 'en'));
    const page = await ctx.newPage();
    const all = watchErrors(page);
    await logIn(page, base, users[who].username, PASSWORD);
    // Chromium's warning that a plain-HTTP origin ignores the COOP header is the hall's setting, not a fault.
    const errors = { filter: () => all.filter((e) => !e.includes('Cross-Origin-Opener-Policy')) };
    return { page, errors, close: () => ctx.close() };
  }
  const drawer = (page: Page) => page.locator('.el-drawer');

  it('attaches a photo to the verify step and shows it with the step', async () => {
    const id = await followUp();
    const { page, errors, close } = await pageAs('liaison');
    await page.goto(`${base}/admin/follow-ups?id=${id}`);
    await page.locator('[data-test=action-verify]').click();
    await page.locator('.el-dialog [data-test=finding]').fill('调取监控核实：窗口人员未一次性告知材料');
    await page.locator('[data-test=category-ATTITUDE]').click();
    await page
      .locator('.el-dialog [data-test=evidence-input]')
      .setInputFiles({ name: '监控截图.png', mimeType: 'image/png', buffer: PNG });
    await page.locator('.el-dialog [data-test=evidence-list]').getByText('监控截图.png').waitFor();
    await page.locator('.el-dialog [data-test=save]').click();
    await drawer(page).locator('[data-test=attachment]').first().waitFor();
    await page.screenshot({ path: '/tmp/wfp-e2e-followup-evidence.png', fullPage: true });
    const href = await drawer(page).locator('[data-test=attachment] a').getAttribute('href');
    // Read as the page would read it (the hall's host name resolves inside Chromium only).
    const [status, type] = await page.evaluate(async (url) => {
      const r = await fetch(url!);
      return [r.status, r.headers.get('content-type')];
    }, href);
    expect(status).to.equal(200);
    expect(type).to.match(/^image\/png/);
    const doc = (await FollowUpModel.findById(id).lean())!;
    expect(doc.state).to.equal('VERIFIED');
    expect(doc.attachments.map((a) => [a.action, a.contentType])).to.deep.equal([['verify', 'image/png']]);
    expect(errors.filter()).to.deep.equal([]);
    await close();
  });

  it('lets a second manager decide an appeal, and offers the filer no decision', async () => {
    const id = await followUp();
    await step(users.managerA.client, id, 'verify', { finding: '系误评：群众当日未到本窗口', category: 'MISTAKEN' });
    await step(users.managerA.client, id, 'appeal', { note: '叫号记录显示未在本窗口办理' });

    const a = await pageAs('managerA');
    await a.page.goto(`${base}/admin/follow-ups?id=${id}`);
    await drawer(a.page).locator('[data-test=four-eyes]').waitFor();
    expect(await a.page.locator('[data-test=action-exclude]').count()).to.equal(0);
    expect(await a.page.locator('[data-test=action-reinstate]').count()).to.equal(0);
    await a.page.screenshot({ path: '/tmp/wfp-e2e-appeal-four-eyes.png', fullPage: true });
    await a.close();

    const b = await pageAs('managerB');
    await b.page.goto(`${base}/admin/follow-ups?id=${id}`);
    await b.page.locator('[data-test=action-exclude]').click();
    await b.page.locator('.el-dialog [data-test=note]').fill('经复核叫号记录，同意剔除');
    await b.page.locator('.el-dialog [data-test=save]').click();
    await drawer(b.page).getByText('经复核叫号记录，同意剔除').first().waitFor();
    expect(await drawer(b.page).locator('[data-test=four-eyes]').count()).to.equal(0);
    const doc = (await FollowUpModel.findById(id).lean())!;
    expect(doc.state).to.equal('EXCLUDED');
    expect(String(doc.decidedBy)).not.to.equal(String(doc.appealedBy));
    expect(b.errors.filter()).to.deep.equal([]);
    await b.close();
  });

  it('opens the record from a notification, titled in the reader’s language', async () => {
    const id = await followUp();
    for (const locale of [undefined, 'en'] as const) {
      const { page, errors, close } = await pageAs('liaison', locale);
      await page.locator('[data-test=bell]').click();
      const title = locale === 'en' ? 'New bad rating to follow up' : '新差评待整改';
      // The newest first: this follow-up's notification.
      const n = page.locator('[data-test=notification]').first();
      await n.getByText(title).waitFor();
      await n.click();
      await page.waitForURL((u) => u.pathname === '/admin/follow-ups' && u.searchParams.get('id') === id);
      await drawer(page).getByText('E01 窗口').first().waitFor();
      if (!locale) await page.screenshot({ path: '/tmp/wfp-e2e-notification-opened.png', fullPage: true });
      expect(errors.filter()).to.deep.equal([]);
      await close();
    }
  });

  it("shows each role's to-do home with the counts of its work and links that open it", async () => {
    // Work for everyone: one overdue, one waiting for the centre's close, one for the department.
    const overdue = await followUp(new Date(Date.now() - 30 * 86_400_000));
    await FollowUpModel.updateOne({ _id: overdue }, { dueAt: new Date(Date.now() - 86_400_000) });
    const toClose = await followUp();
    await step(users.liaison.client, toClose, 'verify', { finding: '属实', category: 'EFFICIENCY' });
    await step(users.liaison.client, toClose, 'rectify', { action: '增开窗口' });
    await step(users.liaison.client, toClose, 'callBack', { outcome: 'NO_CONTACT' });

    for (const who of ['manager', 'liaison', 'admin'] as const) {
      const key = who === 'manager' ? 'managerB' : who;
      const work = (await users[key].client.gql(WORK)).data.myWork as Todo[];
      expect(work.length, who).to.be.greaterThan(0);
      const { page, errors, close } = await pageAs(key);
      await page.locator('[data-test=todo]').waitFor();
      for (const w of work) {
        expect((await page.locator(`[data-test=todo-${w.key}] .count`).textContent())?.trim(), w.key).to.equal(
          String(w.count),
        );
      }
      await page.screenshot({ path: `/tmp/wfp-e2e-home-${who}.png`, fullPage: true });
      for (const w of work) {
        await page.locator(`[data-test=todo-${w.key}]`).click();
        await page.waitForURL((u) => `${u.pathname}${u.search}` === `/admin${w.link}`);
        // A real page of the admin, not the not-found page nor a refusal.
        await page.locator('.page').first().waitFor();
        expect(await page.locator('.el-result').count(), w.link).to.equal(0);
        await page.goBack();
        await page.locator('[data-test=todo]').waitFor();
      }
      expect(errors.filter(), who).to.deep.equal([]);
      await close();
    }
    // The overdue link lists exactly the overdue follow-ups.
    const { page, close } = await pageAs('managerB');
    await page.locator('[data-test=todo-followUpsOverdue]').click();
    await page.locator('[data-test=follow-ups] .el-table__row').first().waitFor();
    const overdueCount = await FollowUpModel.countDocuments({
      state: trusted({ $nin: ['CLOSED', 'EXCLUDED'] }),
      dueAt: trusted({ $lt: new Date() }),
    });
    expect(await page.locator('[data-test=follow-ups] .el-table__row').count()).to.equal(overdueCount);
    await close();
  });
});
