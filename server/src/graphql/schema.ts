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
import '../domains/complaints/complaint-public.schema.js';
import '../domains/complaints/complaint.schema.js';
import '../domains/complaints/complaint-stats.schema.js';

export const schema = builder.toSchema({ sortSchema: true });
