import { request } from '@/graphql/client';
import { graphql, type ResultOf, type VariablesOf } from '@/graphql/graphql';
import { uploadTable } from '../../../composables/table-import';

const Attendance = graphql(`
  query Attendance($from: String!, $to: String!, $groupBy: AttendanceGroup!, $departmentId: ID) {
    attendance(from: $from, to: $to, groupBy: $groupBy, departmentId: $departmentId) {
      key
      observations
      onPost
      excused
      away
      absent
      rate
      signInDays
      late
      leftEarly
      staff {
        id
        name
        staffNo
        department {
          shortName
        }
      }
      window {
        id
        code
        name
        department {
          shortName
        }
      }
      department {
        id
        name
      }
    }
  }
`);

export type AttendanceRow = ResultOf<typeof Attendance>['attendance'][number];
export type AttendanceGroup = VariablesOf<typeof Attendance>['groupBy'];

export const loadAttendance = (from: string, to: string, groupBy: AttendanceGroup, departmentId: string | null) =>
  request(Attendance, { from, to, groupBy, departmentId }).then((d) => d.attendance);

export type { ImportReport } from '../../../composables/table-import';

export const importSignIns = (file: Blob) => uploadTable('/api/attendance/sign-ins', file);
