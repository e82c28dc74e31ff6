import { uuid } from '@/citizen/uuid';
import { request } from '@/graphql/client';
import { graphql, type ResultOf, type VariablesOf } from '@/graphql/graphql';

const Rounds = graphql(`
  query PatrolRounds($from: String!, $to: String!, $state: RoundState) {
    patrolRounds(from: $from, to: $to, state: $state) {
      id
      date
      slot
      kind
      plannedAt
      dueAt
      state
      late
      inspectorId
      inspectorName
      startedAt
      submittedAt
      violationCount
    }
  }
`);
const Inspectors = graphql(`
  query Inspectors {
    inspectors {
      id
      displayName
    }
  }
`);
const Generate = graphql(`
  mutation GenerateRounds($from: String!, $to: String!) {
    generateRounds(from: $from, to: $to)
  }
`);
const Assign = graphql(`
  mutation AssignRound($id: ID!, $inspectorId: ID) {
    assignRound(id: $id, inspectorId: $inspectorId) {
      id
    }
  }
`);
const Unscheduled = graphql(`
  mutation StartUnscheduled($clientKey: String!) {
    startUnscheduledRound(clientKey: $clientKey) {
      id
    }
  }
`);

export type RoundRow = ResultOf<typeof Rounds>['patrolRounds'][number];
export type RoundState = NonNullable<VariablesOf<typeof Rounds>['state']>;

export const listRounds = (from: string, to: string, state: RoundState | null) =>
  request(Rounds, { from, to, state }).then((d) => d.patrolRounds);
export const listInspectors = () => request(Inspectors).then((d) => d.inspectors);
export const generateRounds = (from: string, to: string) =>
  request(Generate, { from, to }).then((d) => d.generateRounds);
export const assignRound = (id: string, inspectorId: string | null) => request(Assign, { id, inspectorId });
export const startUnscheduled = () =>
  request(Unscheduled, { clientKey: uuid() }).then((d) => d.startUnscheduledRound.id);

/** The state's tag colour, shared by the calendar and the patrol page. */
export const STATE_TYPE: Record<RoundState, 'info' | 'primary' | 'success' | 'danger' | 'warning'> = {
  PLANNED: 'info',
  IN_PROGRESS: 'primary',
  SUBMITTED: 'success',
  MISSED: 'danger',
  OVERDUE: 'warning',
};
