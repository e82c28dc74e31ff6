import { request } from '@/graphql/client';
import { graphql, type ResultOf, type VariablesOf } from '@/graphql/graphql';

const ItemPage = graphql(`
  query ServiceItemPage(
    $departmentId: ID
    $category: ItemCategory
    $search: String
    $active: Boolean
    $page: Int!
    $pageSize: Int!
  ) {
    serviceItems(
      departmentId: $departmentId
      category: $category
      search: $search
      active: $active
      page: $page
      pageSize: $pageSize
    ) {
      total
      items {
        id
        code
        name
        category
        legalDays
        promisedDays
        active
        department {
          id
          shortName
        }
      }
    }
  }
`);
const Create = graphql(`
  mutation CreateServiceItem($input: ServiceItemInput!) {
    createServiceItem(input: $input) {
      id
    }
  }
`);
const Update = graphql(`
  mutation UpdateServiceItem($id: ID!, $input: ServiceItemUpdateInput!) {
    updateServiceItem(id: $id, input: $input) {
      id
    }
  }
`);

export type ItemFilters = Omit<VariablesOf<typeof ItemPage>, 'page' | 'pageSize'>;
export type ItemRow = ResultOf<typeof ItemPage>['serviceItems']['items'][number];
export type ItemInput = VariablesOf<typeof Create>['input'];
export const CATEGORIES = ['LICENSING', 'NON_LICENSING', 'PUBLIC_SERVICE'] as const;

export const pageItems = (f: ItemFilters, page: number, pageSize: number) =>
  request(ItemPage, { ...f, page, pageSize }).then((d) => d.serviceItems);
export const createItem = (input: ItemInput) => request(Create, { input });
export const updateItem = (id: string, input: VariablesOf<typeof Update>['input']) => request(Update, { id, input });
