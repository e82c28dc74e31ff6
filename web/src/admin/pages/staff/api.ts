import { request, sendFile } from '@/graphql/client';
import { graphql, type ResultOf, type VariablesOf } from '@/graphql/graphql';

const StaffPage = graphql(`
  query StaffPage($departmentId: ID, $search: String, $active: Boolean, $page: Int!, $pageSize: Int!) {
    staffPage(departmentId: $departmentId, search: $search, active: $active, page: $page, pageSize: $pageSize) {
      total
      items {
        id
        staffNo
        name
        title
        active
        photoUrl
        department {
          id
          shortName
        }
      }
    }
  }
`);
const Create = graphql(`
  mutation CreateStaff($input: StaffInput!) {
    createStaff(input: $input) {
      id
    }
  }
`);
const Update = graphql(`
  mutation UpdateStaff($id: ID!, $input: StaffUpdateInput!) {
    updateStaff(id: $id, input: $input) {
      id
    }
  }
`);

export type StaffFilters = Omit<VariablesOf<typeof StaffPage>, 'page' | 'pageSize'>;
export type StaffRow = ResultOf<typeof StaffPage>['staffPage']['items'][number];
export type StaffInput = VariablesOf<typeof Create>['input'];

export const pageStaff = (f: StaffFilters, page: number, pageSize: number) =>
  request(StaffPage, { ...f, page, pageSize }).then((d) => d.staffPage);
export const createStaff = (input: StaffInput) => request(Create, { input });
export const updateStaff = (id: string, input: VariablesOf<typeof Update>['input']) => request(Update, { id, input });

export const uploadPhoto = (id: string, file: Blob) =>
  sendFile<{ photoUrl: string }>('PUT', `/api/staff/${id}/photo`, file);
export const removePhoto = (id: string) => sendFile<{ photoUrl: null }>('DELETE', `/api/staff/${id}/photo`);
