import { expect } from 'chai';
import { Types } from 'mongoose';
import type { Browser, Page } from 'playwright-core';
import { RoundModel } from '../../server/src/domains/inspections/round.model.js';
import { ViolationModel } from '../../server/src/domains/inspections/violation.model.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { DESKTOP, launchBrowser, logIn, watchErrors } from '../helpers/browser.js';
import { makeUser, PASSWORD } from '../helpers/fixtures.js';
import { makeHall } from '../helpers/patrol.js';
import { localDate } from '../../common/time.js';

// The patrol analytics page on a desktop, over its own small fixture: three violations this
// bimonth (two confirmed), from one submitted round; and the violations list's link to that round.
describe('patrol analytics page (desktop)', function () {
  this.timeout(120_000);
  let app: TestApp;
  let browser: Browser;
  let hall: Awaited<ReturnType<typeof makeHall>>;
  let roundId: string;

  before(async () => {
    app = await startTestApp({ web: true });
    browser = await launchBrowser();
    hall = await makeHall();
    const inspector = await makeUser('INSPECTOR');
    const now = Date.now();
    const round = await RoundModel.create({
      date: localDate(new Date(now - 3 * 3600_000)),
      slot: 'S1',
      kind: 'SCHEDULED',
      plannedAt: new Date(now - 3 * 3600_000),
      dueAt: new Date(now - 2 * 3600_000),
      inspector: inspector.id,
      status: 'SUBMITTED',
      startedAt: new Date(now - 3 * 3600_000),
      submittedAt: new Date(now - 2.5 * 3600_000),
      violationsRaised: true,
    });
    roundId = String(round._id);
    const violation = (seat: { window: string; staff: string }, department: string, code: string, status: string) =>
      ViolationModel.create({
        round: round._id,
        finding: new Types.ObjectId(),
        window: seat.window,
        department,
        staff: seat.staff,
        code,
        label: code === 'ABSENT' ? '脱岗' : '未着工装',
        points: 1,
        status,
        observedAt: new Date(now - 2.8 * 3600_000),
        raisedBy: inspector.id,
      });
    await violation(hall.b01, hall.gsj, 'ABSENT', 'CONFIRMED');
    await violation(hall.b02, hall.gsj, 'UNIFORM', 'PENDING');
    await violation(hall.c01, hall.dsj, 'ABSENT', 'CONFIRMED');
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  async function open(role: 'MANAGER' | 'DEPARTMENT', department?: string) {
    const user = await makeUser(role, department);
    const context = await browser.newContext({ ...DESKTOP, reducedMotion: 'reduce' });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await logIn(page, app.url, user.username, PASSWORD);
    return { page, errors, close: () => context.close() };
  }

  /** A chart is drawn when its card holds an ECharts canvas of some size. */
  async function drawn(page: Page, card: string) {
    const canvas = page.locator(`[data-test=${card}] canvas`).first();
    await canvas.waitFor();
    const box = await canvas.boundingBox();
    expect(box?.width, card).to.be.greaterThan(100);
    expect(box?.height, card).to.be.greaterThan(100);
  }

  it('draws the trend, the on-time share and the four breakdowns from the menu', async () => {
    const { page, errors, close } = await open('MANAGER');
    await page.locator('.el-menu-item', { hasText: '巡查统计' }).click();
    await page.waitForURL(/\/admin\/inspections\/analytics$/);
    await page.locator('[data-test=kpi-count] .v', { hasText: /^3$/ }).waitFor();
    for (const card of [
      'trend-chart',
      'timeliness',
      'chart-byDepartment',
      'chart-byWindow',
      'chart-byStaff',
      'chart-byCode',
    ])
      await drawn(page, card);
    expect(await page.locator('[data-test=on-time-rate] strong').innerText()).to.equal('100.0%');
    await page.screenshot({ path: '/tmp/wfp-patrol-analytics.png', fullPage: true });
    expect(errors).to.deep.equal([]);
    await close();
  });

  it('shows a liaison its own department only, without the rounds', async () => {
    const { page, errors, close } = await open('DEPARTMENT', hall.gsj);
    await page.goto(`${app.url}/admin/inspections/analytics`);
    await page.locator('[data-test=kpi-count] .v', { hasText: /^1$/ }).waitFor();
    await drawn(page, 'chart-byWindow');
    expect(await page.locator('[data-test=timeliness]').count()).to.equal(0);
    expect(errors).to.deep.equal([]);
    await close();
  });

  it('links a violation in the list to its round’s report', async () => {
    const { page, errors, close } = await open('MANAGER');
    await page.goto(`${app.url}/admin/inspections/violations`);
    await page.locator('[data-test=round-report]').first().click();
    await page.waitForURL(new RegExp(`/admin/inspections/rounds/${roundId}$`));
    expect(errors).to.deep.equal([]);
    await close();
  });
});
