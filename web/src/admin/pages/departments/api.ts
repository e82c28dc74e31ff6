import { request } from '@/graphql/client';
import { graphql, type ResultOf, type VariablesOf } from '@/graphql/graphql';

const Departments = graphql(`
  query Departments($search: String, $active: Boolean) {
    departments(search: $search, active: $active) {
      id
      code
      name
      shortName
      sortOrder
      active
    }
  }
`);
const Create = graphql(`
  mutation CreateDepartment($input: DepartmentInput!) {
    createDepartment(input: $input) {
      id
    }
  }
`);
const Update = graphql(`
  mutation UpdateDepartment($id: ID!, $input: DepartmentUpdateInput!) {
    updateDepartment(id: $id, input: $input) {
      id
    }
  }
`);

export type DepartmentRow = ResultOf<typeof Departments>['departments'][number];
export type DepartmentInput = VariablesOf<typeof Create>['input'];

export const listDepartments = (search: string, active: boolean | null) =>
  request(Departments, { search: search || null, active }).then((d) => d.departments);
export const createDepartment = (input: DepartmentInput) => request(Create, { input });
export const updateDepartment = (id: string, input: VariablesOf<typeof Update>['input']) =>
  request(Update, { id, input });
