import { request } from '@/graphql/client';
import { graphql, type ResultOf, type VariablesOf } from '@/graphql/graphql';

const Attendance = graphql(`
  query Attendance($from: String!, $to: String!, $groupBy: AttendanceGroup!, $departmentId: ID) {
    attendance(from: $from, to: $to, groupBy: $groupBy, departmentId: $departmentId) {
      key observations onPost excused away absent rate signInDays late leftEarly
      staff { id name staffNo department { shortName } }
      window { id code name department { shortName } }
      department { id name }
    }
  }
`);

export type AttendanceRow = ResultOf<typeof Attendance>['attendance'][number];
export type AttendanceGroup = VariablesOf<typeof Attendance>['groupBy'];

export const loadAttendance = (from: string, to: string, groupBy: AttendanceGroup, departmentId: string | null) =>
  request(Attendance, { from, to, groupBy, departmentId }).then((d) => d.attendance);

export interface ImportReport {
  ok: boolean;
  rows: number;
  imported: number;
  errors: Array<{ line: number; field: string; message: string; value: string }>;
}

/** Sends the CSV as it is; a 422 answer is the row report, not a failure of the request. */
export async function importSignIns(file: Blob): Promise<ImportReport> {
  const res = await fetch('/api/attendance/sign-ins', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'x-wfp-csrf': '1', 'content-type': 'text/csv' },
    body: file,
  });
  const body = await res.json();
  if (res.ok || res.status === 422) return body as ImportReport;
  throw new Error(body?.errors?.[0]?.message ?? `HTTP ${res.status}`);
}
