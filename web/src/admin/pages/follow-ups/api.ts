import { request, sendFile } from '@/graphql/client';
import { graphql, type ResultOf, type VariablesOf } from '@/graphql/graphql';

const Fields = graphql(`
  fragment FollowUpFields on FollowUp {
    id
    state
    dueAt
    overdue
    onTime
    ratedAt
    closedAt
    allowedActions
    waitsForOtherDecider
    finding
    responsible
    action
    callbackOutcome
    callbackNote
    callbackOutcomes
    realName
    category
    rounds
    resolution
    appealReason
    decisionReason
    trackingCode
    publicResult
    decidedByName
    decidedAt
    appealDueAt
    attachments {
      url
      contentType
      action
      at
      byName
    }
    window {
      code
      name
    }
    department {
      shortName
    }
    staff {
      name
      staffNo
    }
    rating {
      level
      tags
      comment
      caseNumber
      callbackPhone
      createdAt
    }
    timeline {
      at
      byName
      action
      from
      to
      note
    }
  }
`);
const Page = graphql(
  `
    query FollowUps(
      $state: FollowUpState
      $departmentId: ID
      $overdue: Boolean
      $unfinished: Boolean
      $page: Int!
      $pageSize: Int!
    ) {
      followUps(
        state: $state
        departmentId: $departmentId
        overdue: $overdue
        unfinished: $unfinished
        page: $page
        pageSize: $pageSize
      ) {
        total
        items {
          ...FollowUpFields
        }
      }
    }
  `,
  [Fields],
);
const One = graphql(
  `
    query FollowUp($id: ID!) {
      followUp(id: $id) {
        ...FollowUpFields
      }
    }
  `,
  [Fields],
);
const Advance = graphql(
  `
    mutation AdvanceFollowUp($id: ID!, $action: FollowUpAction!, $input: FollowUpStepInput) {
      advanceFollowUp(id: $id, action: $action, input: $input) {
        ...FollowUpFields
      }
    }
  `,
  [Fields],
);

export type FollowUpFilters = Omit<VariablesOf<typeof Page>, 'page' | 'pageSize'>;
export type FollowUpRow = ResultOf<typeof Fields>;
export type Action = FollowUpRow['allowedActions'][number];
export type StepInput = NonNullable<VariablesOf<typeof Advance>['input']>;
export const CLASSES = ['ATTITUDE', 'EFFICIENCY', 'COMPETENCE', 'POLICY', 'MISTAKEN', 'OTHER'] as const;
export const STATES = ['OPEN', 'VERIFIED', 'RECTIFIED', 'CALLED_BACK', 'CLOSED', 'APPEALED', 'EXCLUDED'] as const;

export const pageFollowUps = (f: FollowUpFilters, page: number, pageSize: number) =>
  request(Page, { ...f, page, pageSize }).then((d) => d.followUps);
export const loadFollowUp = (id: string) => request(One, { id }).then((d) => d.followUp);
export const advance = (id: string, action: Action, input: StepInput) =>
  request(Advance, { id, action, input }).then((d) => d.advanceFollowUp);
/** Uploads one photo or PDF for a later verify, rectify or appeal step; the server checks the bytes. */
export const uploadEvidence = (id: string, file: File) =>
  sendFile<{ id: string; url: string; contentType: string }>('POST', `/api/follow-ups/${id}/evidence`, file);
