import { expect } from 'chai';
import { ComplaintModel } from '../../server/src/domains/complaints/complaint.model.js';
import { seedDemo } from '../../scripts/seed/seed.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { Client } from '../helpers/client.js';
import { normalizeTrackingCode } from '../../common/ids.js';

describe('demo complaints', function () {
  // Seeding four months of activity is CPU-bound: under load on a 2-core CI machine it needs more than a minute.
  this.timeout(240_000);
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(() => app.close());

  it('seeds complaints in many states over four months, once', async () => {
    await seedDemo({ adminPassword: 'seed admin password' });
    const first = await ComplaintModel.find().sort({ createdAt: 1 }).lean();
    await seedDemo({ adminPassword: 'seed admin password' });
    expect(await ComplaintModel.countDocuments())
      .to.equal(first.length)
      .and.to.be.within(15, 25);

    const states = new Set(first.map((c) => c.state));
    expect([...states].sort()).to.include.members([
      'CLOSED',
      'INVESTIGATING',
      'RECEIVED',
      'REJECTED',
      'REOPENED',
      'REPLIED',
    ]);
    const spanDays = (first.at(-1)!.createdAt.getTime() - first[0]!.createdAt.getTime()) / 86_400_000;
    expect(spanDays).to.be.within(100, 125);
    // Codes are real tracking codes, and each timeline starts with the filing.
    for (const c of first) {
      expect(normalizeTrackingCode(c.trackingCode)).to.equal(c.trackingCode);
      expect(c.timeline[0]).to.include({ action: 'SUBMIT', to: 'RECEIVED' });
    }

    const manager = new Client(app.url);
    await manager.login('manager', 'seed admin password');
    const stats = (await manager.gql('{ complaintStats { total closed onTimeReplyRate overdue } }')).data
      .complaintStats;
    expect(stats.total).to.equal(first.length);
    expect(stats.closed).to.be.greaterThan(5);
    expect(stats.onTimeReplyRate).to.be.within(0.3, 0.95);
    expect(stats.overdue).to.be.greaterThan(0);
  });
});
