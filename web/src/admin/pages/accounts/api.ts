import { request } from '@/graphql/client';
import { graphql, type ResultOf, type VariablesOf } from '@/graphql/graphql';

const Users = graphql(`
  query Users($search: String, $role: Role, $active: Boolean, $page: Int!, $pageSize: Int!) {
    users(search: $search, role: $role, active: $active, page: $page, pageSize: $pageSize) {
      total
      items {
        id
        username
        displayName
        role
        active
        lastLoginAt
        department {
          id
          shortName
        }
      }
    }
  }
`);
const Create = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      id
    }
  }
`);
const Update = graphql(`
  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {
    updateUser(id: $id, input: $input) {
      id
    }
  }
`);
const Reset = graphql(`
  mutation ResetUserPassword($id: ID!, $password: String!) {
    resetUserPassword(id: $id, password: $password)
  }
`);

export type UserFilters = Omit<VariablesOf<typeof Users>, 'page' | 'pageSize'>;
export type UserRow = ResultOf<typeof Users>['users']['items'][number];
export type CreateUserInput = VariablesOf<typeof Create>['input'];

export const pageUsers = (f: UserFilters, page: number, pageSize: number) =>
  request(Users, { ...f, page, pageSize }).then((d) => d.users);
export const createUser = (input: CreateUserInput) => request(Create, { input });
export const updateUser = (id: string, input: VariablesOf<typeof Update>['input']) => request(Update, { id, input });
export const resetPassword = (id: string, password: string) => request(Reset, { id, password });
