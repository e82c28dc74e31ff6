import { builder } from '../../graphql/builder.js';
import { requireUser } from '../accounts/access.js';
import { DepartmentRef } from '../departments/department.schema.js';
import { StaffRef } from '../staff/staff.schema.js';
import { WindowRef } from '../windows/window.schema.js';
import { ATTENDANCE_GROUPS, attendance, type AttendanceRow } from './attendance.service.js';
import { attendanceFilter } from './inspection.inputs.js';

const Group = builder.enumType('AttendanceGroup', { values: ATTENDANCE_GROUPS });

const RowRef = builder.objectRef<AttendanceRow>('AttendanceRow').implement({
  description: 'Attendance of one staff member, window or department over a period',
  fields: (t) => ({
    key: t.id({ resolve: (r) => r.key }),
    staff: t.field({ type: StaffRef, nullable: true, resolve: (r) => (r.group === 'STAFF' ? r.key : null) }),
    window: t.field({ type: WindowRef, nullable: true, resolve: (r) => (r.group === 'WINDOW' ? r.key : null) }),
    department: t.field({
      type: DepartmentRef,
      nullable: true,
      resolve: (r) => (r.group === 'DEPARTMENT' ? r.key : null),
    }),
    observations: t.exposeInt('observations', { description: 'Times a submitted round saw them' }),
    onPost: t.exposeInt('onPost'),
    excused: t.exposeInt('excused', { description: 'Away with a stated reason' }),
    away: t.exposeInt('away', { description: 'Away without a reason' }),
    absent: t.exposeInt('absent'),
    rate: t.exposeFloat('rate', { nullable: true, description: '(on post + excused) / observations' }),
    signInDays: t.exposeInt('signInDays', { description: 'Days with an imported sign-in record' }),
    late: t.exposeInt('late'),
    leftEarly: t.exposeInt('leftEarly'),
  }),
});

builder.queryField('attendance', (t) =>
  t.field({
    type: [RowRef],
    description: 'Attendance from submitted patrol rounds and imported sign-ins; lowest rate first',
    authScopes: { can: 'viewAttendance' },
    args: {
      from: t.arg.string({ required: true, validate: attendanceFilter.shape.from }),
      to: t.arg.string({ required: true, validate: attendanceFilter.shape.to }),
      groupBy: t.arg({ type: Group, required: true }),
      departmentId: t.arg.id({ validate: attendanceFilter.shape.departmentId }),
    },
    resolve: (_, a, ctx) => attendance(requireUser(ctx.user), a),
  }),
);
