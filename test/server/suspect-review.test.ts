import { expect } from 'chai';
import { FollowUpModel } from '../../server/src/domains/follow-ups/follow-up.model.js';
import { openFollowUp } from '../../server/src/domains/follow-ups/follow-up.service.js';
import { RatingModel, type Rating } from '../../server/src/domains/ratings/rating.model.js';
import { ratingSettings } from '../../server/src/domains/ratings/rating.settings.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { Client } from '../helpers/client.js';
import { makeDepartment, makeRating, makeWindow, staffClient } from '../helpers/fixtures.js';

// 确认为刷评 ends the review: the rating is excluded with the reason and leaves the queue.
const QUEUE = '{ ratings(suspect: true) { total items { id } } }';
const REVIEW = `mutation($id: ID!, $genuine: Boolean!, $note: String) {
  reviewSuspectRating(id: $id, genuine: $genuine, note: $note) { suspect excluded counted excludedReason reviewedAt } }`;

describe('suspect review (疑似刷评复核)', () => {
  let app: TestApp;
  let dept: string;
  let win: string;
  let manager: Client;

  before(async () => {
    app = await startTestApp();
    dept = await makeDepartment('SRV');
    win = await makeWindow('S01', dept);
    manager = await staffClient(app.url, 'MANAGER');
  });
  after(() => app.close());

  const suspect = (level: 'DISSATISFIED' | 'SATISFIED') =>
    makeRating({ window: win, department: dept, level, at: new Date(), suspect: true });

  it('empties the queue: 刷评 is excluded with the reason, 正常 is counted, and neither is reviewed twice', async () => {
    const bad = await suspect('DISSATISFIED');
    await RatingModel.updateOne({ _id: bad }, { suspectReason: '10+ ratings from one address' });
    await openFollowUp((await RatingModel.findById(bad).lean<Rating>())!, await ratingSettings.get());
    const good = await suspect('SATISFIED');
    expect((await manager.gql(QUEUE)).data.ratings.total).to.equal(2);

    const misuse = (await manager.gql(REVIEW, { id: bad, genuine: false, note: '同一手机连续评价' })).data;
    expect(misuse.reviewSuspectRating).to.include({ suspect: false, excluded: true, counted: false });
    expect(misuse.reviewSuspectRating.excludedReason).to.include('10+ ratings').and.include('同一手机连续评价');
    // Its follow-up needs no rectification any more.
    expect((await FollowUpModel.findOne({ rating: bad }).lean())!.state).to.equal('EXCLUDED');

    const genuine = (await manager.gql(REVIEW, { id: good, genuine: true })).data.reviewSuspectRating;
    expect(genuine).to.include({ suspect: false, excluded: false, counted: true });
    expect(genuine.reviewedAt).to.be.a('string');

    expect((await manager.gql(QUEUE)).data.ratings.total).to.equal(0);
    expect(await manager.code(REVIEW, { id: bad, genuine: true })).to.equal('INVALID_STATE');
  });

  it('is the centre’s: a liaison and an inspector are refused', async () => {
    const id = await suspect('SATISFIED');
    for (const role of ['DEPARTMENT', 'INSPECTOR'] as const) {
      const c = await staffClient(app.url, role, role === 'DEPARTMENT' ? dept : undefined);
      expect(await c.code(REVIEW, { id, genuine: false })).to.equal('FORBIDDEN');
    }
    expect((await RatingModel.findById(id).lean())!.suspect).to.equal(true);
  });
});
