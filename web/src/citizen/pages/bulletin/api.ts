import { request } from '@/graphql/client';
import { graphql, type ResultOf } from '@/graphql/graphql';

const Bulletin = graphql(`
  query PublicBulletin($period: String) {
    publicBulletin(period: $period) {
      number
      title
      publishedAt
      period {
        key
        label
      }
      totals {
        ratings
        goodRate
        closureRate
        complaints
        replyOnTimeRate
        violations
        attendanceRate
        accepted
        completed
        completionRate
      }
      departments {
        departmentName
        score
        grade
        rank
        rankChange
      }
      smileStars {
        name
        departmentName
        ratings
        goodRate
      }
    }
    publicBulletinPeriods {
      key
      label
      number
    }
  }
`);

export type PublicBulletin = NonNullable<ResultOf<typeof Bulletin>['publicBulletin']>;
export type PublishedPeriod = ResultOf<typeof Bulletin>['publicBulletinPeriods'][number];

export const loadBulletin = (period: string | null) => request(Bulletin, { period });
