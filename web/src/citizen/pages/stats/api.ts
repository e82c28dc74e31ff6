import { request } from '@/graphql/client';
import { graphql, type ResultOf } from '@/graphql/graphql';

const Stats = graphql(`
  query PublicDepartmentStats($period: String) {
    publicDepartmentStats(period: $period) {
      period
      from
      to
      departments {
        departmentName
        total
        goodRate
        bad
        rectificationRate
        rank
      }
    }
  }
`);

export type PeriodStats = ResultOf<typeof Stats>['publicDepartmentStats'];
export const loadStats = (period: string | null) => request(Stats, { period }).then((d) => d.publicDepartmentStats);
