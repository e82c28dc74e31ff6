import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import { Types } from 'mongoose';
import { RatingModel } from '../../server/src/domains/ratings/rating.model.js';
import { ratingSettings } from '../../server/src/domains/ratings/rating.settings.js';
import { issueCaseTicket } from '../../server/src/domains/ratings/ticket.service.js';
import { ServedCaseModel } from '../../server/src/domains/served-cases/served-case.model.js';
import { recordCase, type CaseReport } from '../../server/src/domains/served-cases/served-case.service.js';
import { ServiceItemModel } from '../../server/src/domains/service-items/service-item.model.js';
import { forgetMigration, migrate } from '../../server/src/migrations.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { Client } from '../helpers/client.js';
import { makeDepartment, makeRating, makeStaff, makeWindow } from '../helpers/fixtures.js';
import { rate, SUBMIT } from '../helpers/rating.js';

// Ratings bound to served cases (issue 16): a rating binds to a case only when the centre knows
// the case at that window, so made-up numbers cannot take a real citizen's case.

describe('served cases: ratings bound to cases the centre knows', () => {
  let app: TestApp;
  let dept: Types.ObjectId;
  let w1: Types.ObjectId;
  let w2: Types.ObjectId;
  let staff: Types.ObjectId;
  let item: Types.ObjectId;
  const report = (caseNumber: string, over: Partial<CaseReport> = {}): CaseReport => ({
    caseNumber,
    window: w1,
    department: dept,
    staff,
    serviceItem: item,
    completed: true,
    at: new Date(),
    ...over,
  });

  before(async () => {
    app = await startTestApp();
    const d = await makeDepartment('SCJ', '市场监督管理局');
    dept = new Types.ObjectId(d);
    w1 = new Types.ObjectId(await makeWindow('SC01', d));
    w2 = new Types.ObjectId(await makeWindow('SC02', d));
    staff = new Types.ObjectId(await makeStaff('SCJ01', d, '王芳'));
    item = (
      await ServiceItemModel.create({
        code: 'SC-LIC-1',
        name: '食品经营许可',
        department: dept,
        category: 'LICENSING',
        legalDays: 20,
        promisedDays: 5,
      })
    )._id;
    await ratingSettings.update({ regionCode: '320500' }, new Types.ObjectId().toHexString());
  });
  after(() => app.close());

  it('records a case once, completes it once, and refuses it at another window', async () => {
    const first = await recordCase(report('SC-2026-0001', { completed: false }), 'API', 'key-1');
    expect(first).to.deep.include({ created: true, completedNow: false });
    const again = await recordCase(report('SC-2026-0001', { completed: false }), 'API', 'key-1');
    expect(again.created).to.equal(false);
    const done = await recordCase(report('SC-2026-0001'), 'API', 'key-1');
    expect(done.completedNow).to.equal(true);
    expect(done.servedCase.state).to.equal('COMPLETED');
    expect((await recordCase(report('SC-2026-0001'), 'API', 'key-1')).completedNow).to.equal(false);
    const elsewhere = await recordCase(report('SC-2026-0001', { window: w2 }), 'API', 'key-1').catch((e) => e);
    expect(elsewhere.extensions?.code).to.equal('CASE_WINDOW_CONFLICT');
    expect(String((await ServedCaseModel.findById('SC-2026-0001').lean())!.window)).to.equal(String(w1));
  });

  it('lets made-up case numbers bind nothing and block nobody (squatting)', async () => {
    const squatted = Array.from({ length: 20 }, (_, i) => `SC-2026-${String(100 + i).padStart(4, '0')}`);
    for (const n of squatted) {
      const r = await rate(new Client(app.url), app, 'SC01', 'SATISFIED', { caseNumber: n });
      expect(r.errors).to.equal(undefined);
    }
    const kept = await RatingModel.find({ caseNumber: squatted[0] }).lean();
    expect(kept).to.have.length(1);
    expect(kept[0]).to.include({ servedCase: null, channel: 'QR', regionCode: '320500', ratingSeq: 1 });
    // The real citizen of one of those numbers, served later, still rates it, bound to the case.
    await recordCase(report(squatted[5]!), 'API', 'key-1');
    const real = await rate(new Client(app.url), app, 'SC01', 'VERY_SATISFIED', { caseNumber: squatted[5] });
    expect(real.errors).to.equal(undefined);
    const bound = await RatingModel.findOne({ servedCase: squatted[5] }).lean();
    expect(String(bound!.serviceItem)).to.equal(String(item));
    expect(String(bound!.staff)).to.equal(String(staff));
    // …once.
    const twice = await rate(new Client(app.url), app, 'SC01', 'SATISFIED', { caseNumber: squatted[5] });
    expect(twice.errors?.[0]?.extensions?.code).to.equal('CASE_ALREADY_RATED');
  });

  it('does not bind a case typed at a window other than where it was served', async () => {
    await recordCase(report('SC-2026-0200'), 'API', 'key-1');
    const r = await rate(new Client(app.url), app, 'SC02', 'SATISFIED', { caseNumber: 'SC-2026-0200' });
    expect(r.errors).to.equal(undefined);
    expect(await RatingModel.findOne({ caseNumber: 'SC-2026-0200' }).lean()).to.include({ servedCase: null });
    expect((await ServedCaseModel.findById('SC-2026-0200').lean())!.ratedBy).to.equal(null);
  });

  it('binds a case ticket to its case and channel, and issues none once it is rated', async () => {
    await recordCase(report('SC-2026-0300'), 'API', 'key-1');
    const { ticket } = await issueCaseTicket('SC-2026-0300', 'HALL_TABLET');
    const c = new Client(app.url);
    const r = await c.gql(SUBMIT, { input: { ticket, level: 'SATISFIED', clientKey: randomUUID() } });
    expect(r.errors).to.equal(undefined);
    const stored = await RatingModel.findOne({ servedCase: 'SC-2026-0300' }).lean();
    expect(stored).to.include({ channel: 'HALL_TABLET', caseNumber: 'SC-2026-0300' });
    expect((await ServedCaseModel.findById('SC-2026-0300').lean())!.ratedBy).to.equal(stored!.clientKey);
    const again = await issueCaseTicket('SC-2026-0300', 'QR').catch((e) => e);
    expect(again.extensions?.code).to.equal('CASE_ALREADY_RATED');
    expect((await issueCaseTicket('SC-NOPE-1', 'QR').catch((e) => e)).extensions?.code).to.equal('CASE_UNKNOWN');
  });

  it('migrates ratings from before the national shape to the QR channel', async () => {
    const id = await makeRating({ window: String(w2), department: String(dept), level: 'SATISFIED', at: new Date() });
    await RatingModel.collection.updateOne(
      { _id: new Types.ObjectId(id) },
      { $unset: { channel: '', ratingSeq: '', regionCode: '' } },
    );
    await migrate(); // already done on this database: the old rating stays as it is
    expect(await RatingModel.findById(id).lean()).to.not.have.property('channel');
    // Production runs every step: an instance of the old version, still running in a rolling
    // upgrade, may have written that old shape after the step was first done.
    await migrate(() => {}, { everyStep: true });
    expect(await RatingModel.findById(id).lean()).to.include({ channel: 'QR', ratingSeq: 1, regionCode: '320500' });
    await RatingModel.collection.updateOne({ _id: new Types.ObjectId(id) }, { $unset: { channel: '' } });
    await forgetMigration('ratings.nationalShape'); // as on a database from before the step
    await migrate();
    expect(await RatingModel.findById(id).lean()).to.include({ channel: 'QR' });
  });
});
