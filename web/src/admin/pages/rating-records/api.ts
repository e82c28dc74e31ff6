import { request } from '@/graphql/client';
import { graphql, type ResultOf, type VariablesOf } from '@/graphql/graphql';

const Ratings = graphql(`
  query RatingRecords($departmentId: ID, $level: RatingLevel, $suspect: Boolean, $page: Int!, $pageSize: Int!) {
    ratings(departmentId: $departmentId, level: $level, suspect: $suspect, page: $page, pageSize: $pageSize) {
      total
      items {
        id
        level
        tags
        comment
        caseNumber
        createdAt
        suspect
        suspectReason
        excluded
        excludedReason
        reviewedAt
        counted
        window {
          code
          name
        }
        department {
          shortName
        }
        staff {
          name
        }
      }
    }
  }
`);
const Review = graphql(`
  mutation ReviewSuspectRating($id: ID!, $genuine: Boolean!) {
    reviewSuspectRating(id: $id, genuine: $genuine) {
      id
      suspect
      counted
    }
  }
`);

export type RecordFilters = Omit<VariablesOf<typeof Ratings>, 'page' | 'pageSize'>;
export type RecordRow = ResultOf<typeof Ratings>['ratings']['items'][number];

export const pageRatings = (f: RecordFilters, page: number, pageSize: number) =>
  request(Ratings, { ...f, page, pageSize }).then((d) => d.ratings);
export const reviewSuspect = (id: string, genuine: boolean) => request(Review, { id, genuine });
