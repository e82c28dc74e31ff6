import { request } from '@/graphql/client';
import { graphql, type ResultOf, type VariablesOf } from '@/graphql/graphql';
import { uploadTable } from '../../composables/table-import';

const Page = graphql(`
  query CaseRecordPage($filter: CaseFilter, $page: Int!, $pageSize: Int!) {
    caseRecordPage(filter: $filter, page: $page, pageSize: $pageSize) {
      total
      items {
        id
        periodFrom
        periodTo
        accepted
        completed
        onTime
        overdue
        source
        updatedAt
        department {
          id
          shortName
        }
        window {
          id
          code
        }
        serviceItem {
          id
          code
          name
        }
      }
    }
    caseTotals(filter: $filter) {
      records
      accepted
      completed
      onTime
      overdue
    }
  }
`);
const Options = graphql(`
  query CaseOptions($departmentId: ID!) {
    serviceItems(departmentId: $departmentId, active: true, pageSize: 100) {
      items {
        id
        code
        name
      }
    }
    windowPage(departmentId: $departmentId, active: true, pageSize: 100) {
      items {
        id
        code
        name
      }
    }
  }
`);
const Save = graphql(`
  mutation SaveCaseRecord($input: CaseRecordInput!) {
    saveCaseRecord(input: $input) {
      id
    }
  }
`);
const Delete = graphql(`
  mutation DeleteCaseRecord($id: ID!) {
    deleteCaseRecord(id: $id)
  }
`);

export type CaseFilters = NonNullable<VariablesOf<typeof Page>['filter']>;
export type CaseRow = ResultOf<typeof Page>['caseRecordPage']['items'][number];
export type CaseTotals = ResultOf<typeof Page>['caseTotals'];
export type CaseInput = VariablesOf<typeof Save>['input'];

let lastTotals: CaseTotals | null = null;
/** One page of records; the totals of the whole filter come with it (see `totals()`). */
export const pageCases = (filter: CaseFilters, page: number, pageSize: number) =>
  request(Page, { filter, page, pageSize }).then((d) => {
    lastTotals = d.caseTotals;
    return d.caseRecordPage;
  });
export const totals = () => lastTotals;
export const caseOptions = (departmentId: string) =>
  request(Options, { departmentId }).then((d) => ({ items: d.serviceItems.items, windows: d.windowPage.items }));
export const saveCase = (input: CaseInput) => request(Save, { input });
export const deleteCase = (id: string) => request(Delete, { id });
export const importCases = (file: Blob) => uploadTable('/api/cases/import', file);
