import { request, sendFile } from '@/graphql/client';
import { graphql, type ResultOf, type VariablesOf } from '@/graphql/graphql';
import { DocumentLayoutFields } from '../../components/document/layout';

const Page = graphql(`
  query NoticePage($status: NoticeStatus, $page: Int!, $pageSize: Int!) {
    noticePage(status: $status, page: $page, pageSize: $pageSize) {
      total
      items {
        id
        number
        title
        periodFrom
        periodTo
        status
        createdAt
        publishedAt
        departments {
          id
          shortName
        }
        receipts {
          acknowledgedAt
          appeal {
            decision
          }
        }
      }
    }
  }
`);
const Notice = graphql(
  `
    query Notice($id: ID!) {
      notice(id: $id) {
        id
        number
        title
        body
        periodFrom
        periodTo
        status
        createdAt
        approvedAt
        publishedAt
        appealDeadline
        pdfUrl
        layout {
          ...DocumentLayoutFields
        }
        departments {
          id
          name
          shortName
        }
        violations {
          id
          label
          observedAt
          status
          department {
            id
          }
          window {
            code
          }
          staff {
            name
          }
        }
        receipts {
          department {
            id
            name
          }
          acknowledgedAt
          acknowledgedByName
          appeal {
            text
            at
            byName
            decision
            reason
            decidedAt
            decidedByName
            violationIds
            attachmentUrls
          }
        }
      }
    }
  `,
  [DocumentLayoutFields],
);
const Draft = graphql(`
  mutation CreateNoticeDraft($input: NoticeDraftInput!) {
    createNoticeDraft(input: $input) {
      id
    }
  }
`);
const Edit = graphql(`
  mutation UpdateNoticeDraft($id: ID!, $input: NoticeDraftUpdateInput!) {
    updateNoticeDraft(id: $id, input: $input) {
      id
    }
  }
`);
const Delete = graphql(`
  mutation DeleteNoticeDraft($id: ID!) {
    deleteNoticeDraft(id: $id)
  }
`);
const Approve = graphql(`
  mutation ApproveNotice($id: ID!) {
    approveNotice(id: $id) {
      id
    }
  }
`);
const Publish = graphql(`
  mutation PublishNotice($id: ID!) {
    publishNotice(id: $id) {
      id
    }
  }
`);
const Ack = graphql(`
  mutation AcknowledgeNotice($id: ID!) {
    acknowledgeNotice(id: $id) {
      id
    }
  }
`);
const Appeal = graphql(`
  mutation AppealNotice($id: ID!, $text: String!, $violationIds: [ID!], $attachmentIds: [ID!]) {
    appealNotice(id: $id, text: $text, violationIds: $violationIds, attachmentIds: $attachmentIds) {
      id
    }
  }
`);
const Decide = graphql(`
  mutation DecideNoticeAppeal($id: ID!, $departmentId: ID!, $decision: AppealDecision!, $reason: String!) {
    decideNoticeAppeal(id: $id, departmentId: $departmentId, decision: $decision, reason: $reason) {
      id
    }
  }
`);

export type NoticeRow = ResultOf<typeof Page>['noticePage']['items'][number];
export type NoticeFilters = Omit<VariablesOf<typeof Page>, 'page' | 'pageSize'>;
export type NoticeDoc = NonNullable<ResultOf<typeof Notice>['notice']>;
export type NoticeStatus = NoticeRow['status'];

export const pageNotices = (f: NoticeFilters, page: number, pageSize: number) =>
  request(Page, { ...f, page, pageSize }).then((d) => d.noticePage);
export const loadNotice = (id: string) => request(Notice, { id }).then((d) => d.notice);
export const createDraft = (input: VariablesOf<typeof Draft>['input']) =>
  request(Draft, { input }).then((d) => d.createNoticeDraft.id);
export const editDraft = (id: string, input: VariablesOf<typeof Edit>['input']) => request(Edit, { id, input });
export const deleteDraft = (id: string) => request(Delete, { id });
export const approveNotice = (id: string) => request(Approve, { id });
export const publishNotice = (id: string) => request(Publish, { id });
export const acknowledgeNotice = (id: string) => request(Ack, { id });
export const appealNotice = (id: string, text: string, violationIds: string[], attachmentIds: string[]) =>
  request(Appeal, { id, text, violationIds, attachmentIds });
/** Evidence for the department's appeal: a photo or PDF, checked by its bytes on the server. */
export const uploadNoticeEvidence = (id: string, file: File) =>
  sendFile<{ id: string; url: string }>('POST', `/api/notices/${id}/evidence`, file);
export const decideAppeal = (id: string, departmentId: string, decision: 'UPHELD' | 'OVERTURNED', reason: string) =>
  request(Decide, { id, departmentId, decision, reason });

export const STATUS_TYPE: Record<NoticeStatus, 'info' | 'warning' | 'success'> = {
  DRAFT: 'info',
  APPROVED: 'warning',
  PUBLISHED: 'success',
};
