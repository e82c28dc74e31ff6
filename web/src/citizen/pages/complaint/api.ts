import { request, sendFile } from '@/graphql/client';
import { graphql, type ResultOf, type VariablesOf } from '@/graphql/graphql';
import { RATING_LEVELS } from '@common/ratings';

const Targets = graphql(`
  query ComplaintTargets {
    complaintTargets {
      departments {
        id
        name
      }
      windows {
        code
        name
        departmentId
      }
    }
  }
`);
const Target = graphql(`
  query ComplaintTarget($windowCode: String, $departmentId: ID) {
    complaintTarget(windowCode: $windowCode, departmentId: $departmentId) {
      staff {
        id
        name
        title
      }
      serviceItems {
        id
        name
      }
    }
  }
`);
const Submit = graphql(`
  mutation SubmitComplaint($input: SubmitComplaintInput!) {
    submitComplaint(input: $input) {
      trackingCode
      lookupCode
      expectedBy
    }
  }
`);
const StatusFields = graphql(`
  fragment ComplaintStatusFields on ComplaintStatus {
    trackingCode
    state
    category
    filedAt
    expectedBy
    canGiveFeedback
    reopenableUntil
    progress {
      at
      action
      state
      note
    }
    feedback {
      resolved
      satisfaction
    }
  }
`);
const Status = graphql(
  `
    query ComplaintStatus($trackingCode: String!, $contact: String!) {
      complaintStatus(trackingCode: $trackingCode, contact: $contact) {
        ...ComplaintStatusFields
      }
    }
  `,
  [StatusFields],
);
const Feedback = graphql(
  `
    mutation GiveComplaintFeedback($input: ComplaintFeedbackInput!) {
      giveComplaintFeedback(input: $input) {
        ...ComplaintStatusFields
      }
    }
  `,
  [StatusFields],
);

export type Targets = ResultOf<typeof Targets>['complaintTargets'];
export type TargetDetail = ResultOf<typeof Target>['complaintTarget'];
export type SubmitInput = VariablesOf<typeof Submit>['input'];
export type Submitted = ResultOf<typeof Submit>['submitComplaint'];
export type ComplaintStatus = ResultOf<typeof StatusFields>;
export type FeedbackInput = VariablesOf<typeof Feedback>['input'];

export const CATEGORIES = ['ATTITUDE', 'EFFICIENCY', 'RULES_FEES', 'INTEGRITY', 'ENVIRONMENT', 'OTHER'] as const;
/** "How satisfied are you?" after closing, on the rating scale. */
export const SATISFACTION = RATING_LEVELS;

export const loadTargets = () => request(Targets).then((d) => d.complaintTargets);
export const loadTarget = (windowCode: string | null, departmentId: string | null) =>
  request(Target, { windowCode, departmentId }).then((d) => d.complaintTarget);
export const submitComplaint = (input: SubmitInput) => request(Submit, { input }).then((d) => d.submitComplaint);
export const uploadPhoto = (file: Blob) => sendFile<{ id: string }>('POST', '/api/complaints/photos', file);
export const lookUp = (trackingCode: string, contact: string) =>
  request(Status, { trackingCode, contact }).then((d) => d.complaintStatus);
export const giveFeedback = (input: FeedbackInput) => request(Feedback, { input }).then((d) => d.giveComplaintFeedback);

/** What a complaint concerns: a window, a department or a staff member, and optionally a service item. */
export interface Subject {
  subjectKind: 'WINDOW' | 'DEPARTMENT' | 'STAFF';
  windowCode: string;
  departmentId: string;
  staffId: string;
  serviceItemId: string;
}
