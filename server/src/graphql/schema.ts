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
import '../domains/inspections/checklist.schema.js';
import '../domains/inspections/round.schema.js';
import '../domains/inspections/finding.schema.js';
import '../domains/inspections/violation.schema.js';
import '../domains/inspections/attendance.schema.js';
import '../domains/notices/notice.schema.js';

export const schema = builder.toSchema({ sortSchema: true });
