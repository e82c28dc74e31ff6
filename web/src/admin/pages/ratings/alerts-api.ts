import { request } from '@/graphql/client';
import { graphql, type ResultOf } from '@/graphql/graphql';
import { subscribe } from '@/graphql/subscribe';

const AlertFields = graphql(`
  fragment AlertFields on Alert {
    id
    rule
    total
    negative
    minutes
    createdAt
    state
    acknowledgedBy
    note
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
`);
const OpenAlerts = graphql(
  `
    query OpenAlerts {
      open: alerts(state: OPEN, pageSize: 50) {
        items {
          ...AlertFields
        }
      }
      acknowledged: alerts(state: ACKNOWLEDGED, pageSize: 50) {
        items {
          ...AlertFields
        }
      }
    }
  `,
  [AlertFields],
);
const Raised = graphql(
  `
    subscription AlertRaised {
      alertRaised {
        ...AlertFields
      }
    }
  `,
  [AlertFields],
);
const Ack = graphql(
  `
    mutation AcknowledgeAlert($id: ID!, $note: String) {
      acknowledgeAlert(id: $id, note: $note) {
        ...AlertFields
      }
    }
  `,
  [AlertFields],
);
const Close = graphql(`
  mutation CloseAlert($id: ID!, $note: String) {
    closeAlert(id: $id, note: $note) {
      id
    }
  }
`);

export type AlertRow = ResultOf<typeof AlertFields>;

export const loadOpenAlerts = () => request(OpenAlerts).then((d) => [...d.open.items, ...d.acknowledged.items]);
export const onAlert = (cb: (a: AlertRow) => void) => subscribe(Raised, {}, (d) => cb(d.alertRaised));
export const acknowledgeAlert = (id: string, note?: string) =>
  request(Ack, { id, note: note || null }).then((d) => d.acknowledgeAlert);
export const closeAlert = (id: string, note?: string) => request(Close, { id, note: note || null });
