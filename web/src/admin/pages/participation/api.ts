import { request } from '@/graphql/client';
import { graphql, type ResultOf } from '@/graphql/graphql';
import { uploadTable } from '../../composables/table-import';

const Figures = graphql(`
  query RatingParticipation($from: String!, $to: String!, $departmentId: ID) {
    ratingParticipation(from: $from, to: $to, departmentId: $departmentId) {
      totals {
        cases
        rated
        rate
        ratings
        bound
        unbound
      }
      windows {
        window {
          id
          code
          name
        }
        cases
        rated
        rate
        ratings
        unbound
      }
      staff {
        staff {
          id
          name
          staffNo
        }
        cases
        rated
        rate
        ratings
        unbound
      }
      steering {
        goodRatings
        answered
        yes
        yesShare
      }
    }
  }
`);

export type Participation = ResultOf<typeof Figures>['ratingParticipation'];
export const loadParticipation = (from: string, to: string, departmentId: string | null) =>
  request(Figures, { from, to, departmentId }).then((d) => d.ratingParticipation);
export const importServedCases = (file: Blob) => uploadTable('/api/served-cases/import', file);
