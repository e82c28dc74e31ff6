import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import { Types } from 'mongoose';
import { RatedCaseModel, RatingModel } from '../../server/src/domains/ratings/rating.model.js';
import { ratingSettings } from '../../server/src/domains/ratings/rating.settings.js';
import { recordCase } from '../../server/src/domains/served-cases/served-case.service.js';
import { WindowModel } from '../../server/src/domains/windows/window.model.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { Client } from '../helpers/client.js';
import { makeDepartment, makeStaff, makeUser, makeWindow, PASSWORD, putOnDuty } from '../helpers/fixtures.js';
import { rate, sigFor, SUBMIT, TICKET, ticketFor } from '../helpers/rating.js';

const windowId = async (code: string) => (await WindowModel.findOne({ code }).lean())!._id;

describe('rating a window (好差评): tickets, submission, abuse controls', () => {
  let app: TestApp;
  let gsj: string;
  let b07: string;
  let staff: string;

  before(async () => {
    app = await startTestApp();
    gsj = await makeDepartment('GSJ', '市工商行政管理局');
    b07 = await makeWindow('B07', gsj);
    staff = await makeStaff('GSJ07', gsj, '李娜');
    await putOnDuty(b07, staff, gsj);
    // Each test uses its own windows, so the per-device cooldown of one does not touch another.
    for (const code of ['C01', 'C02', 'C03', 'C04', 'C05', 'C06', 'C07']) await makeWindow(code, gsj);
  });
  after(() => app.close());
  const b07Id = () => new Types.ObjectId(b07);
  const gsjId = () => new Types.ObjectId(gsj);

  it('shows the window, its department, the staff on duty and the tag options to anyone', async () => {
    const res = await new Client(app.url).gql(
      '{ publicWindow(code: "b07") { code departmentName onDuty { name staffNo } negativeTags { code zh en } followUpDays } }',
    );
    expect(res.data.publicWindow).to.deep.include({ code: 'B07', departmentName: '市工商行政管理局', followUpDays: 5 });
    expect(res.data.publicWindow.onDuty).to.deep.equal([{ name: '李娜', staffNo: 'GSJ07' }]);
    expect(res.data.publicWindow.negativeTags.map((t: { code: string }) => t.code)).to.include('ATTITUDE');
  });

  it('stores a rating attributed to the staff on duty, with period keys and a hashed address', async () => {
    const c = new Client(app.url);
    const res = await rate(c, app, 'B07', 'VERY_SATISFIED', { tags: ['WARM'] });
    expect(res.data.submitRating).to.deep.equal({
      accepted: true,
      replayed: false,
      negative: false,
      followUpDays: null,
    });
    const stored = await RatingModel.findOne({ window: b07 }).lean();
    expect(String(stored!.staff)).to.equal(staff);
    expect(stored).to.include({ level: 'VERY_SATISFIED', good: true, negative: false, counted: true });
    expect(stored!.day).to.match(/^\d{4}-\d{2}-\d{2}$/);
    expect(stored!.bimonth).to.match(/^\d{4}-B[1-6]$/);
    expect(stored!.ipHash).to.not.include('127.0.0.1');
    expect(stored!.ipHash).to.have.length.greaterThan(20);
  });

  it('refuses a forged signature, an unknown window and a revoked code alike with QR_INVALID', async () => {
    const c = new Client(app.url);
    expect(await c.code(TICKET, { code: 'C01', sig: 'k1.AAAAAAAAAAAAAAAAAAAAAA' })).to.equal('QR_INVALID');
    expect(await c.code(TICKET, { code: 'C01', sig: sigFor(app, 'C02') })).to.equal('QR_INVALID');
    expect(await c.code(TICKET, { code: 'ZZ99', sig: sigFor(app, 'ZZ99') })).to.equal('QR_INVALID');

    const admin = new Client(app.url);
    await admin.login((await makeUser('ADMIN')).username, PASSWORD);
    const win = await admin.gql('{ windows(search: "C01") { id qrUrl } }');
    const oldUrl = new URL(win.data.windows[0].qrUrl);
    expect(oldUrl.pathname).to.equal('/r/C01');
    expect((await c.gql(TICKET, { code: 'C01', sig: oldUrl.searchParams.get('s') })).errors).to.equal(undefined);
    const re = await admin.gql('mutation($id: ID!) { reissueWindowQr(id: $id) { qrUrl qrVersion } }', {
      id: win.data.windows[0].id,
    });
    expect(re.data.reissueWindowQr.qrVersion).to.equal(2);
    expect(await c.code(TICKET, { code: 'C01', sig: oldUrl.searchParams.get('s') })).to.equal('QR_INVALID');
    const fresh = new URL(re.data.reissueWindowQr.qrUrl).searchParams.get('s');
    expect((await c.gql(TICKET, { code: 'C01', sig: fresh })).errors).to.equal(undefined);
  });

  it('accepts a ticket once: a second submission with it is TICKET_USED, a made-up one TICKET_INVALID', async () => {
    const c = new Client(app.url);
    const ticket = await ticketFor(c, app, 'C02');
    expect((await c.gql(SUBMIT, { input: { ticket, level: 'SATISFIED', clientKey: randomUUID() } })).errors).to.equal(
      undefined,
    );
    const other = new Client(app.url); // another device, so the cooldown does not answer first
    expect(await other.code(SUBMIT, { input: { ticket, level: 'BASIC', clientKey: randomUUID() } })).to.equal(
      'TICKET_USED',
    );
    expect(
      await other.code(SUBMIT, { input: { ticket: 'x'.repeat(32), level: 'BASIC', clientKey: randomUUID() } }),
    ).to.equal('TICKET_INVALID');
  });

  it('stores a resent submission (same clientKey) once and answers it the same way', async () => {
    const c = new Client(app.url);
    const ticket = await ticketFor(c, app, 'C03');
    const input = { ticket, level: 'DISSATISFIED', tags: ['SLOW'], comment: '等了一个小时', clientKey: randomUUID() };
    const first = await c.gql(SUBMIT, { input });
    const again = await new Client(app.url).gql(SUBMIT, { input }); // e.g. the phone retried after losing the answer
    expect(first.data.submitRating).to.deep.include({
      accepted: true,
      negative: true,
      followUpDays: 5,
      replayed: false,
    });
    expect(again.data.submitRating).to.deep.include({ accepted: true, negative: true, replayed: true });
    expect(await RatingModel.countDocuments({ clientKey: input.clientKey })).to.equal(1);
  });

  it('lets one device rate one window once per cooldown (signed cookie)', async () => {
    const c = new Client(app.url);
    expect((await rate(c, app, 'C04', 'SATISFIED')).errors).to.equal(undefined);
    const second = await rate(c, app, 'C04', 'SATISFIED');
    expect(second.errors?.[0]?.extensions?.code).to.equal('RATING_COOLDOWN');
    expect(second.errors?.[0]?.extensions?.retryAfter).to.be.within(1, 600);
    expect(await RatingModel.countDocuments({ window: await windowId('C04') })).to.equal(1);
    // A forged cookie is ignored, not trusted: it cannot lift or impose a cooldown.
    const forger = new Client(app.url);
    forger.jar.set('wfp_rated', 'e30.forged');
    expect((await rate(forger, app, 'C05', 'SATISFIED')).errors).to.equal(undefined);
  });

  it('rate-limits one address per hour, shared by every app instance through MongoDB', async () => {
    await ratingSettings.update({ ipLimitPerHour: 10 }, null);
    try {
      let refused: string | undefined;
      for (let i = 0; i < 12 && !refused; i++) {
        const r = await rate(new Client(app.url), app, 'C06', 'SATISFIED');
        refused = r.errors?.[0]?.extensions?.code;
      }
      expect(refused).to.equal('RATE_LIMITED');
    } finally {
      await ratingSettings.update({ ipLimitPerHour: 300 }, null);
    }
  });

  it('flags a burst from one address at one window as suspect from its first rating: kept, not counted', async () => {
    await ratingSettings.update({ burstCount: 3 }, null);
    try {
      // Fresh devices each time (no cooldown), all from this one address.
      const rows = async () =>
        RatingModel.find({ window: await windowId('C07') })
          .sort({ createdAt: 1 })
          .lean();
      for (let i = 0; i < 2; i++) await rate(new Client(app.url), app, 'C07', 'VERY_SATISFIED');
      // Positive control: below the threshold, nothing is suspect.
      expect((await rows()).map((r) => r.counted)).to.deep.equal([true, true]);
      for (let i = 0; i < 2; i++) await rate(new Client(app.url), app, 'C07', 'VERY_SATISFIED');
      expect((await rows()).map((r) => r.suspect)).to.deep.equal([true, true, true, true]);
      expect((await rows()).map((r) => r.counted)).to.deep.equal([false, false, false, false]);
      expect((await rows())[0]!.suspectReason).to.include('3+ ratings');
    } finally {
      await ratingSettings.update({ burstCount: 10 }, null);
    }
  });

  it('refuses invalid input with the field named, and storing nothing', async () => {
    const c = new Client(app.url);
    const ticket = await ticketFor(c, app, 'B07');
    const before = await RatingModel.countDocuments();
    const bad = async (input: Record<string, unknown>) =>
      (await c.gql(SUBMIT, { input: { ticket, level: 'DISSATISFIED', clientKey: randomUUID(), ...input } })).errors?.[0]
        ?.extensions;
    expect((await bad({ comment: '太'.repeat(501) }))?.fields[0].path).to.equal('comment');
    expect((await bad({ tags: ['NOT_A_TAG'] }))?.fields[0].path).to.equal('tags');
    expect((await bad({ clientKey: 'not-a-uuid' }))?.fields[0].path).to.equal('clientKey');
    expect((await bad({ caseNumber: '<script>' }))?.fields[0].path).to.equal('caseNumber');
    expect((await bad({ level: 'SATISFIED', callbackPhone: '13800138000' }))?.fields[0].path).to.equal('callbackPhone');
    expect(
      (await c.gql(SUBMIT, { input: { ticket, level: 'MEH', clientKey: randomUUID() } })).errors?.[0]?.extensions?.code,
    ).to.equal('BAD_USER_INPUT');
    expect(await RatingModel.countDocuments()).to.equal(before);
  });

  it('rates a case the centre knows once (一次一评)', async () => {
    await recordCase(
      {
        caseNumber: 'SJ-2026-000123',
        window: b07Id(),
        department: gsjId(),
        staff: null,
        serviceItem: null,
        completed: true,
        at: new Date(),
      },
      'IMPORT',
      'test',
    );
    const first = await rate(new Client(app.url), app, 'B07', 'SATISFIED', { caseNumber: 'sj-2026-000123' });
    expect(first.errors).to.equal(undefined);
    expect(await RatedCaseModel.exists({ _id: 'SJ-2026-000123' })).to.not.equal(null);
    const second = await rate(new Client(app.url), app, 'B07', 'SATISFIED', { caseNumber: 'SJ-2026-000123' });
    expect(second.errors?.[0]?.extensions?.code).to.equal('CASE_ALREADY_RATED');
  });
});
