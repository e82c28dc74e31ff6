import { builder } from './builder.js';

// Importing a domain's schema module registers its types and fields on the builder.
import '../domains/departments/department.schema.js';
import '../domains/accounts/accounts.schema.js';
import '../domains/audit/audit.schema.js';
import '../domains/service-items/service-item.schema.js';
import '../domains/windows/window.schema.js';
import '../domains/staff/staff.schema.js';
import '../domains/staff/duty.schema.js';
import '../domains/calendar/calendar.schema.js';
import '../domains/ratings/public.schema.js';
import '../domains/ratings/rating.schema.js';
import '../domains/ratings/settings.schema.js';
import '../domains/follow-ups/follow-up.schema.js';
import '../domains/alerts/alert.schema.js';
import '../domains/rating-stats/stats.schema.js';
import '../domains/rating-stats/public-stats.schema.js';
import '../domains/complaints/complaint-public.schema.js';
import '../domains/complaints/complaint.schema.js';
import '../domains/complaints/complaint-stats.schema.js';
import '../domains/inspections/checklist.schema.js';
import '../domains/inspections/round.schema.js';
import '../domains/inspections/finding.schema.js';
import '../domains/inspections/violation.schema.js';
import '../domains/inspections/patrol-stats.schema.js';
import '../domains/inspections/attendance.schema.js';
import '../domains/notices/notice.schema.js';
import '../domains/cases/case.schema.js';
import '../domains/bulletins/bulletin.schema.js';
import '../domains/bulletins/public.schema.js';
import '../domains/bulletins/settings.schema.js';
import '../domains/notifications/notification.schema.js';
import '../domains/devices/device.schema.js';
import '../domains/integration/integration.schema.js';
import '../domains/served-cases/participation.schema.js';

export const schema = builder.toSchema({ sortSchema: true });
