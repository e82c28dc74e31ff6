import { expect } from 'chai';
import { UserModel } from '../../server/src/domains/accounts/user.model.js';
import { DepartmentModel } from '../../server/src/domains/departments/department.model.js';
import { ServiceItemModel } from '../../server/src/domains/service-items/service-item.model.js';
import { DutyModel } from '../../server/src/domains/staff/duty.model.js';
import { StaffModel } from '../../server/src/domains/staff/staff.model.js';
import { WindowModel } from '../../server/src/domains/windows/window.model.js';
import { FollowUpModel } from '../../server/src/domains/ratings/followup.model.js';
import { RatingModel } from '../../server/src/domains/ratings/rating.model.js';
import { seedDemo } from '../../scripts/seed/seed.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { Client } from '../helpers/client.js';

describe('demo seed', function () {
  this.timeout(60_000);
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

    const second = await seedDemo({ adminPassword: 'a different password', activityDays: 14 });
    expect(await counts()).to.deep.equal(after1);
    // The existing admin keeps its password; the new one given is not applied.
    expect(second.accounts.every((a) => a.password === null)).to.equal(true);
    await new Client(app.url).login('admin', 'seed admin password');
  });
});
