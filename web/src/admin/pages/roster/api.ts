import { request } from '@/graphql/client';
import { graphql, type ResultOf, type VariablesOf } from '@/graphql/graphql';

const Roster = graphql(`
  query Roster($departmentId: ID, $at: DateTime) {
    roster(departmentId: $departmentId, at: $at) {
      id
      from
      to
      note
      window {
        id
        code
        name
      }
      staff {
        id
        name
        staffNo
      }
    }
  }
`);
const Options = graphql(`
  query RosterOptions($departmentId: ID!) {
    windows(departmentId: $departmentId, active: true) {
      id
      code
      name
    }
    staffPage(departmentId: $departmentId, active: true, pageSize: 100) {
      items {
        id
        name
        staffNo
      }
    }
  }
`);
const Assign = graphql(`
  mutation AssignDuty($windowId: ID!, $staffId: ID!, $from: DateTime!, $to: DateTime, $note: String) {
    assignDuty(windowId: $windowId, staffId: $staffId, from: $from, to: $to, note: $note) {
      id
    }
  }
`);
const End = graphql(`
  mutation EndDuty($id: ID!, $to: DateTime!) {
    endDuty(id: $id, to: $to) {
      id
    }
  }
`);
const Remove = graphql(`
  mutation DeleteDuty($id: ID!) {
    deleteDuty(id: $id)
  }
`);

export type DutyRow = ResultOf<typeof Roster>['roster'][number];
export type AssignInput = VariablesOf<typeof Assign>;

export const listRoster = (departmentId: string, at: string | null) =>
  request(Roster, { departmentId, at }).then((d) => d.roster);
export const rosterOptions = (departmentId: string) =>
  request(Options, { departmentId }).then((d) => ({ windows: d.windows, staff: d.staffPage.items }));
export const assignDuty = (input: AssignInput) => request(Assign, input);
export const endDuty = (id: string, to: string) => request(End, { id, to });
export const deleteDuty = (id: string) => request(Remove, { id });
