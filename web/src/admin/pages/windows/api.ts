import { request } from '@/graphql/client';
import { graphql, type ResultOf, type VariablesOf } from '@/graphql/graphql';

const WindowPage = graphql(`
  query WindowPage($departmentId: ID, $zone: String, $search: String, $active: Boolean, $page: Int!, $pageSize: Int!) {
    windowPage(
      departmentId: $departmentId
      zone: $zone
      search: $search
      active: $active
      page: $page
      pageSize: $pageSize
    ) {
      total
      items {
        id
        code
        zone
        number
        name
        active
        department {
          id
          shortName
        }
        serviceItems {
          id
        }
        onDuty {
          id
          name
        }
      }
    }
  }
`);
const ItemOptions = graphql(`
  query WindowItemOptions($departmentId: ID!) {
    serviceItems(departmentId: $departmentId, active: true, pageSize: 100) {
      items {
        id
        code
        name
      }
    }
  }
`);
const Create = graphql(`
  mutation CreateWindow($input: WindowInput!) {
    createWindow(input: $input) {
      id
    }
  }
`);
const Update = graphql(`
  mutation UpdateWindow($id: ID!, $input: WindowUpdateInput!) {
    updateWindow(id: $id, input: $input) {
      id
    }
  }
`);

export type WindowFilters = Omit<VariablesOf<typeof WindowPage>, 'page' | 'pageSize'>;
export type WindowRow = ResultOf<typeof WindowPage>['windowPage']['items'][number];
export type WindowInput = VariablesOf<typeof Create>['input'];
export type WindowUpdate = VariablesOf<typeof Update>['input'];

export const pageWindows = (f: WindowFilters, page: number, pageSize: number) =>
  request(WindowPage, { ...f, page, pageSize }).then((d) => d.windowPage);
export const itemOptions = (departmentId: string) =>
  request(ItemOptions, { departmentId }).then((d) => d.serviceItems.items);
export const createWindow = (input: WindowInput) => request(Create, { input });
export const updateWindow = (id: string, input: WindowUpdate) => request(Update, { id, input });
