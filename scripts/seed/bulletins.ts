// A published demo bulletin: the bimonth before the last complete one, so the departments and the
// public page have one to read, and the manager's first own bulletin (the last complete bimonth)
// has a published one before it. Left alone when one exists for that period.
import { UserModel } from '../../server/src/domains/accounts/user.model.js';
import { BulletinModel } from '../../server/src/domains/bulletins/bulletin.model.js';
import { generate, pickStars, publish, submit } from '../../server/src/domains/bulletins/bulletin.service.js';
import { periodOf, previousPeriod } from '../../server/src/domains/bulletins/period.js';
import type { SessionUser } from '../../server/src/graphql/context.js';
import { periodKeys } from '../../common/periods.js';
import { ROLE } from '../../common/roles.js';

export async function seedBulletin(now = new Date()) {
  const period = previousPeriod(previousPeriod(periodOf(periodKeys(now).bimonth)));
  if (await BulletinModel.exists({ 'period.key': period.key })) return null;
  const manager = await UserModel.findOne({ username: 'manager' }).lean();
  if (!manager) return null;
  const user: SessionUser = {
    id: String(manager._id),
    username: manager.username,
    displayName: manager.displayName,
    role: ROLE.MANAGER,
    departmentId: null,
  };
  const draft = await generate(user, period, now);
  const id = String(draft._id);
  await pickStars(
    id,
    draft.snapshot.candidates.slice(0, 3).map((c) => c.staffId),
  );
  await submit(id);
  return publish(user, id);
}
