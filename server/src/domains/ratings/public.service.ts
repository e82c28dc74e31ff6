import { DepartmentModel, type Department } from '../departments/department.model.js';
import { staffOnDuty } from '../staff/duty.service.js';
import { photoUrl } from '../staff/staff.service.js';
import { WindowModel, type Window } from '../windows/window.model.js';
import { ratingSettings } from './rating.settings.js';

/** What the citizen's rating page shows, or null for an unknown or inactive window. */
export async function publicWindow(code: string) {
  // By the unique code alone (an index on every engine), then judged.
  const window = await WindowModel.findOne({ code: code.toUpperCase() }).lean<Window>();
  if (!window?.active) return null;
  const [department, [staff = []], settings] = await Promise.all([
    DepartmentModel.findById(window.department).lean<Department>(),
    staffOnDuty([window._id.toHexString()], new Date()),
    ratingSettings.get(),
  ]);
  // Name, badge number and photo, as worn at the window: nothing else about the staff.
  const onDuty = staff.map((s) => ({ name: s.name, staffNo: s.staffNo, title: s.title, photoUrl: photoUrl(s) }));
  return department ? { window, department, onDuty, settings } : null;
}
export type PublicWindow = NonNullable<Awaited<ReturnType<typeof publicWindow>>>;
