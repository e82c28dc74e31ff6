import { request, sendFile } from '@/graphql/client';
import { graphql, type ResultOf, type VariablesOf } from '@/graphql/graphql';

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
export const SATISFACTION = ['VERY_SATISFIED', 'SATISFIED', 'BASIC', 'DISSATISFIED', 'VERY_DISSATISFIED'] as const;

export const loadTargets = () => request(Targets).then((d) => d.complaintTargets);
export const loadTarget = (windowCode: string | null, departmentId: string | null) =>
  request(Target, { windowCode, departmentId }).then((d) => d.complaintTarget);
export const submitComplaint = (input: SubmitInput) => request(Submit, { input }).then((d) => d.submitComplaint);
export const uploadPhoto = (file: Blob) => sendFile<{ id: string }>('POST', '/api/complaints/photos', file);
export const lookUp = (trackingCode: string, contact: string) =>
  request(Status, { trackingCode, contact }).then((d) => d.complaintStatus);
export const giveFeedback = (input: FeedbackInput) => request(Feedback, { input }).then((d) => d.giveComplaintFeedback);

/** A v4 UUID: crypto.randomUUID needs a secure context, which a hall's plain-HTTP kiosk may lack. */
export function uuid() {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A date in the center's time zone, in the reader's language. */
export const formatDate = (value: string | null | undefined, locale: string, withTime = false) =>
  value
    ? new Intl.DateTimeFormat(locale, {
        timeZone: 'Asia/Shanghai',
        dateStyle: 'medium',
        ...(withTime ? { timeStyle: 'short' } : {}),
      }).format(new Date(value))
    : '';

/** What a complaint concerns: a window, a department or a staff member, and optionally a service item. */
export interface Subject {
  subjectKind: 'WINDOW' | 'DEPARTMENT' | 'STAFF';
  windowCode: string;
  departmentId: string;
  staffId: string;
  serviceItemId: string;
}
