import { request } from '@/graphql/client';
import { graphql, type ResultOf } from '@/graphql/graphql';

const Status = graphql(`
  query RatingFixStatus($code: String!) {
    ratingFixStatus(code: $code) {
      trackingCode
      stage
      windowCode
      windowName
      ratedAt
      dueAt
      rounds
      category
      result
      closedAt
      steps {
        stage
        at
      }
    }
  }
`);
const Fixes = graphql(`
  query RatingFixes($windowCode: String) {
    ratingFixes(windowCode: $windowCode) {
      at
      windowCode
      windowName
      departmentName
      category
      done
      said {
        zh
        en
      }
    }
  }
`);

export type FixStatus = NonNullable<ResultOf<typeof Status>['ratingFixStatus']>;
export type Fix = ResultOf<typeof Fixes>['ratingFixes'][number];
export const lookUpFix = (code: string) => request(Status, { code }).then((d) => d.ratingFixStatus);
export const loadFixes = (windowCode: string | null) => request(Fixes, { windowCode }).then((d) => d.ratingFixes);
