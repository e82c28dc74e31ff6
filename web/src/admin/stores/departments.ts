import { defineStore } from 'pinia';
import { ref } from 'vue';
import { request } from '@/graphql/client';
import { graphql, type ResultOf } from '@/graphql/graphql';

const DepartmentOptions = graphql(`
  query DepartmentOptions {
    departments {
      id
      code
      name
      shortName
      active
    }
  }
`);
export type DepartmentOption = ResultOf<typeof DepartmentOptions>['departments'][number];

/** Departments for pickers and labels, loaded once and refreshed after edits. */
export const useDepartmentsStore = defineStore('departments', () => {
  const list = ref<DepartmentOption[]>([]);
  let loading: Promise<void> | null = null;

  function ensure() {
    loading ??= refresh();
    return loading;
  }

  async function refresh() {
    list.value = (await request(DepartmentOptions)).departments;
  }

  return { list, ensure, refresh };
});
