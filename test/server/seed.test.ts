import { expect } from 'chai';
import { UserModel } from '../../server/src/domains/accounts/user.model.js';
import { BulletinModel } from '../../server/src/domains/bulletins/bulletin.model.js';
import { CaseRecordModel } from '../../server/src/domains/cases/case.model.js';
import { FindingModel } from '../../server/src/domains/inspections/finding.model.js';
import { RoundModel } from '../../server/src/domains/inspections/round.model.js';
import { ViolationModel } from '../../server/src/domains/inspections/violation.model.js';
import { NoticeModel } from '../../server/src/domains/notices/notice.model.js';
import { DepartmentModel } from '../../server/src/domains/departments/department.model.js';
import { ServiceItemModel } from '../../server/src/domains/service-items/service-item.model.js';
import { DutyModel } from '../../server/src/domains/staff/duty.model.js';
import { StaffModel } from '../../server/src/domains/staff/staff.model.js';
import { WindowModel } from '../../server/src/domains/windows/window.model.js';
import { FollowUpModel } from '../../server/src/domains/follow-ups/follow-up.model.js';
import { RatingModel } from '../../server/src/domains/ratings/rating.model.js';
import { seedDemo } from '../../scripts/seed/seed.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { Client } from '../helpers/client.js';

describe('demo seed', function () {
  this.timeout(120_000);
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(() => app.close());

  const counts = async () => ({
    departments: await DepartmentModel.countDocuments(),
    items: await ServiceItemModel.countDocuments(),
    licensing: await ServiceItemModel.countDocuments({ category: 'LICENSING' }),
    nonLicensing: await ServiceItemModel.countDocuments({ category: 'NON_LICENSING' }),
    publicService: await ServiceItemModel.countDocuments({ category: 'PUBLIC_SERVICE' }),
    windows: await WindowModel.countDocuments(),
    staff: await StaffModel.countDocuments(),
    duties: await DutyModel.countDocuments(),
    users: await UserModel.countDocuments(),
    ratings: await RatingModel.countDocuments(),
    followUps: await FollowUpModel.countDocuments(),
    rounds: await RoundModel.countDocuments(),
    missed: await RoundModel.countDocuments({ status: 'PLANNED' }),
    findings: await FindingModel.countDocuments(),
    confirmed: await ViolationModel.countDocuments({ status: 'CONFIRMED' }),
    dismissed: await ViolationModel.countDocuments({ status: 'DISMISSED' }),
    notices: await NoticeModel.countDocuments({ status: 'PUBLISHED' }),
    cases: await CaseRecordModel.countDocuments(),
    bulletins: await BulletinModel.countDocuments({ status: 'PUBLISHED' }),
  });

  it('loads a center shaped like the report, and a second run changes nothing', async () => {
    const first = await seedDemo({ adminPassword: 'seed admin password', activityDays: 14 });
    const after1 = await counts();
    expect(after1).to.include({ departments: 34, items: 196, licensing: 157, nonLicensing: 7, publicService: 32 });
    expect(after1.windows).to.be.within(75, 85);
    expect(after1.staff).to.be.within(140, 170);
    expect(after1.duties).to.equal(after1.windows);
    // Two weeks of demo activity: roughly 3 ratings a window a working day, a few percent bad.
    expect(after1.ratings).to.be.within(80 * 8 * 1.5, 80 * 11 * 4.5);
    expect(after1.followUps).to.be.within(1, after1.ratings * 0.15);
    expect(first.accounts.find((a) => a.username === 'admin')?.password).to.equal('seed admin password');
    // About two months of patrols: four rounds a working day, a few missed, decided violations
    // and one published notice.
    expect(after1.rounds).to.be.within(150, 190);
    expect(after1.missed).to.be.within(1, 15);
    expect(after1.findings).to.equal((after1.rounds - after1.missed) * after1.windows);
    expect(after1.confirmed).to.be.greaterThan(3);
    expect(after1.dismissed).to.be.greaterThan(0);
    expect(after1.notices).to.equal(1);
    expect((await NoticeModel.findOne().lean())!.number).to.match(/^〔\d{4}〕第\d+号$/);
    // A published demo bulletin for the public page and the liaison.
    expect(after1.bulletins).to.equal(1);
    expect((await BulletinModel.findOne().lean())!.number).to.match(/^〔\d{4}〕第1期$/);

    const second = await seedDemo({ adminPassword: 'a different password', activityDays: 14 });
    expect(await counts()).to.deep.equal(after1);
    // The existing admin keeps its password; the new one given is not applied.
    expect(second.accounts.every((a) => a.password === null)).to.equal(true);
    await new Client(app.url).login('admin', 'seed admin password');
  });
});
