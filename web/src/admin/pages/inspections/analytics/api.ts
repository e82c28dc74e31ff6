import { request } from '@/graphql/client';
import { graphql, type ResultOf, type VariablesOf } from '@/graphql/graphql';

const Stats = graphql(`
  query PatrolStats($f: PatrolStatsFilter!) {
    patrolStats(filter: $f) {
      count
      confirmed
      points
      byDepartment {
        id
        count
        confirmed
        points
        department {
          shortName
        }
      }
      byWindow {
        id
        count
        confirmed
        points
        window {
          code
          name
        }
      }
      byStaff {
        id
        count
        confirmed
        points
        staff {
          name
          staffNo
        }
      }
      byCode {
        id
        label
        count
        confirmed
        points
      }
      trend {
        period
        count
        confirmed
        points
      }
    }
  }
`);

const Timeliness = graphql(`
  query PatrolTimeliness($f: PatrolStatsFilter!) {
    patrolTimeliness(filter: $f) {
      onTime
      late
      overdue
      missed
      open
      due
      onTimeRate
    }
  }
`);

export type PatrolStatsFilter = VariablesOf<typeof Stats>['f'];
export type PatrolStats = ResultOf<typeof Stats>['patrolStats'];
/** One unit's figures (a department, window, staff member or rule) with its display name. */
export interface NamedRow {
  name: string;
  count: number;
  confirmed: number;
  points: number;
}
export type Timeliness = ResultOf<typeof Timeliness>['patrolTimeliness'];
export type Interval = NonNullable<PatrolStatsFilter['interval']>;

export const loadStats = (f: PatrolStatsFilter) => request(Stats, { f }).then((d) => d.patrolStats);
export const loadTimeliness = (f: PatrolStatsFilter) => request(Timeliness, { f }).then((d) => d.patrolTimeliness);

/** Charts skip their animation for those who asked for less motion (and for still screenshots). */
export const animate = () => !window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
