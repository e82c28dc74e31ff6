import { request } from '@/graphql/client';
import { graphql, type ResultOf } from '@/graphql/graphql';

const Work = graphql(`
  query MyWork {
    myWork {
      key
      group
      count
      link
    }
  }
`);
const Overview = graphql(`
  query Overview {
    departments(active: true) {
      id
    }
    windows(active: true) {
      id
      onDuty {
        id
      }
    }
    staffPage(active: true, pageSize: 1) {
      total
    }
    serviceItems(active: true, pageSize: 1) {
      total
    }
  }
`);

export type Todo = ResultOf<typeof Work>['myWork'][number];
export const GROUPS = ['DUE_TODAY', 'OVERDUE', 'MINE', 'OTHERS'] as const;
export const loadWork = () => request(Work).then((d) => d.myWork);

/** The registry at a glance: the admin's work is the centre's structure. */
export async function loadRegistry() {
  const d = await request(Overview);
  return [
    { key: 'departments', value: d.departments.length, to: '/departments' },
    { key: 'windows', value: d.windows.length, to: '/windows' },
    { key: 'onDuty', value: d.windows.filter((w) => w.onDuty.length > 0).length, to: '/roster' },
    { key: 'staff', value: d.staffPage.total, to: '/staff' },
    { key: 'serviceItems', value: d.serviceItems.total, to: '/service-items' },
  ];
}
