import { request } from '@/graphql/client';
import { graphql, type ResultOf } from '@/graphql/graphql';

// A submitted (or missed) round as a manager reads it: who, when, every window's findings, photos
// and the violations it raised.
const Report = graphql(`
  query RoundReport($id: ID!) {
    patrolRound(id: $id) {
      id
      date
      kind
      plannedAt
      dueAt
      startedAt
      submittedAt
      state
      late
      inspectorName
      note
      violationCount
      findings {
        id
        observedAt
        note
        photoUrls
        window {
          id
          code
          name
        }
        marks {
          staff {
            id
            name
          }
          presence
          reason
        }
        failures {
          code
          staffId
        }
      }
    }
    checklistItems(activeOnly: false) {
      code
      label
      labelEn
    }
    violationPage(roundId: $id, page: 1, pageSize: 100) {
      total
      items {
        id
        label
        status
        window {
          code
        }
        staff {
          name
        }
      }
    }
  }
`);

export type RoundReport = ResultOf<typeof Report>;
export const loadReport = (id: string) => request(Report, { id });
