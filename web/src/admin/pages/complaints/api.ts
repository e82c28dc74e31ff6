import { savedLocale } from '@/i18n/locale';
import { request } from '@/graphql/client';
import { graphql, type ResultOf, type VariablesOf } from '@/graphql/graphql';

const Inbox = graphql(`
  query ComplaintInbox(
    $state: ComplaintState
    $overdue: Boolean
    $departmentId: ID
    $category: ComplaintCategory
    $search: String
    $page: Int!
    $pageSize: Int!
  ) {
    complaints(
      state: $state
      overdue: $overdue
      departmentId: $departmentId
      category: $category
      search: $search
      page: $page
      pageSize: $pageSize
    ) {
      total
      items {
        id
        trackingCode
        state
        category
        filedAt
        replyDueAt
        overdue
        subject {
          kind
          windowCode
          windowName
          departmentName
          staffName
        }
        assignedTo {
          id
          shortName
        }
      }
    }
    complaintsOverdue
  }
`);

const Brief = graphql(`
  fragment ComplaintBrief on Complaint {
    id
    trackingCode
    state
    filedAt
    description
  }
`);

const Detail = graphql(
  `
    query ComplaintDetail($id: ID!) {
      complaint(id: $id) {
        id
        trackingCode
        state
        category
        description
        photoUrls
        anonymous
        name
        phone
        filedAt
        acceptDueAt
        replyDueAt
        overdue
        acceptedAt
        repliedAt
        repliedOnTime
        closedAt
        calledBack
        reopenCount
        handlerName
        subject {
          kind
          windowCode
          windowName
          departmentId
          departmentName
          staffName
          serviceItemName
        }
        assignedTo {
          id
          name
        }
        timeline {
          at
          actorName
          action
          from
          to
          note
          public
        }
        allowedActions
        feedback {
          resolved
          satisfaction
          at
        }
        duplicateOf {
          ...ComplaintBrief
        }
        duplicates {
          ...ComplaintBrief
        }
        possibleDuplicates {
          ...ComplaintBrief
        }
      }
    }
  `,
  [Brief],
);

const Act = graphql(`
  mutation ActOnComplaint($id: ID!, $input: ComplaintActionInput!) {
    actOnComplaint(id: $id, input: $input) {
      id
      state
    }
  }
`);
const Note = graphql(`
  mutation AddComplaintNote($id: ID!, $note: String!, $public: Boolean!) {
    addComplaintNote(id: $id, note: $note, public: $public) {
      id
    }
  }
`);
const Link = graphql(`
  mutation LinkComplaint($id: ID!, $duplicateOfId: ID) {
    linkComplaint(id: $id, duplicateOfId: $duplicateOfId) {
      id
    }
  }
`);

const Stats = graphql(`
  query ComplaintStats($from: DateTime, $to: DateTime, $departmentId: ID) {
    complaintStats(from: $from, to: $to, departmentId: $departmentId) {
      total
      open
      overdue
      closed
      repliesDue
      repliedOnTime
      onTimeReplyRate
      averageHandlingDays
      byCategory {
        category
        count
      }
      byDepartment {
        departmentId
        name
        count
      }
    }
  }
`);
const Settings = graphql(`
  query ComplaintSettings {
    complaintSettings {
      acceptDays
      replyDays
      reopenDays
    }
  }
`);
const SaveSettings = graphql(`
  mutation UpdateComplaintSettings($input: ComplaintSettingsInput!) {
    updateComplaintSettings(input: $input) {
      acceptDays
      replyDays
      reopenDays
    }
  }
`);

export type InboxFilters = Omit<VariablesOf<typeof Inbox>, 'page' | 'pageSize'>;
export type InboxRow = ResultOf<typeof Inbox>['complaints']['items'][number];
export type Complaint = NonNullable<ResultOf<typeof Detail>['complaint']>;
export type ComplaintAction = Complaint['allowedActions'][number];
export type ActionInput = VariablesOf<typeof Act>['input'];
export type Stats = ResultOf<typeof Stats>['complaintStats'];
export type Settings = ResultOf<typeof Settings>['complaintSettings'];

export const CATEGORIES = ['ATTITUDE', 'EFFICIENCY', 'RULES_FEES', 'INTEGRITY', 'ENVIRONMENT', 'OTHER'] as const;
export const STATES = [
  'RECEIVED',
  'ACCEPTED',
  'REJECTED',
  'ASSIGNED',
  'INVESTIGATING',
  'REPLIED',
  'REVIEWED',
  'CLOSED',
  'REOPENED',
] as const;

/** The inbox page plus how many of the viewer's complaints are overdue (the escalation banner). */
export async function pageInbox(f: InboxFilters, page: number, pageSize: number) {
  const d = await request(Inbox, { ...f, page, pageSize });
  return { ...d.complaints, overdueCount: d.complaintsOverdue };
}
export const loadComplaint = (id: string) => request(Detail, { id }).then((d) => d.complaint);
export const actOn = (id: string, input: ActionInput) => request(Act, { id, input });
export const addNote = (id: string, note: string, isPublic: boolean) => request(Note, { id, note, public: isPublic });
export const linkDuplicate = (id: string, duplicateOfId: string | null) => request(Link, { id, duplicateOfId });
export const loadStats = (v: VariablesOf<typeof Stats>) => request(Stats, v).then((d) => d.complaintStats);
export const loadSettings = () => request(Settings).then((d) => d.complaintSettings);
export const saveSettings = (input: VariablesOf<typeof SaveSettings>['input']) => request(SaveSettings, { input });

/** The CSV or XLSX download of the inbox with the same filters, headers in the chosen language. */
export function exportUrl(f: InboxFilters, personal: boolean, format: 'csv' | 'xlsx' = 'csv') {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(f))
    if (v !== null && v !== undefined && v !== '' && v !== false) q.set(k, String(v === true ? 1 : v));
  if (personal) q.set('personal', '1');
  q.set('lang', savedLocale());
  return `/api/complaints.${format}?${q.toString()}`;
}

/** Element Plus tag colours by state: waiting, in progress, answered, done. */
export function stateType(state: string) {
  if (state === 'RECEIVED' || state === 'REOPENED') return 'warning';
  if (state === 'REJECTED') return 'info';
  if (state === 'CLOSED') return 'success';
  return 'primary';
}
