import { request } from '@/graphql/client';
import { graphql, type ResultOf, type VariablesOf } from '@/graphql/graphql';

const Page = graphql(`
  query ViolationPage(
    $status: ViolationStatus
    $departmentId: ID
    $from: String
    $to: String
    $page: Int!
    $pageSize: Int!
  ) {
    violationPage(
      status: $status
      departmentId: $departmentId
      from: $from
      to: $to
      page: $page
      pageSize: $pageSize
    ) {
      total
      items {
        id
        code
        label
        points
        observedAt
        photoUrls
        note
        status
        reason
        overturned
        noticeId
        roundId
        window {
          id
          code
        }
        department {
          id
          shortName
        }
        staff {
          id
          name
        }
      }
    }
  }
`);
const Decide = graphql(`
  mutation DecideViolation($id: ID!, $decision: ViolationDecision!, $reason: String) {
    decideViolation(id: $id, decision: $decision, reason: $reason) {
      id
      status
    }
  }
`);

export type ViolationFilters = Omit<VariablesOf<typeof Page>, 'page' | 'pageSize'>;
export type ViolationRow = ResultOf<typeof Page>['violationPage']['items'][number];
export type ViolationStatus = ViolationRow['status'];

export const pageViolations = (f: ViolationFilters, page: number, pageSize: number) =>
  request(Page, { ...f, page, pageSize }).then((d) => d.violationPage);
export const decideViolation = (id: string, decision: 'CONFIRMED' | 'DISMISSED', reason?: string) =>
  request(Decide, { id, decision, reason });

export const STATUS_TYPE: Record<ViolationStatus, 'warning' | 'danger' | 'info'> = {
  PENDING: 'warning',
  CONFIRMED: 'danger',
  DISMISSED: 'info',
};
