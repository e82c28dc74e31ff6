import { request } from '@/graphql/client';
import { graphql, type ResultOf } from '@/graphql/graphql';

const Inbox = graphql(`
  query MyNotifications {
    myNotifications(limit: 20) {
      unread
      items {
        id
        kind
        title
        body
        link
        createdAt
        read
      }
    }
  }
`);
const MarkRead = graphql(`
  mutation MarkNotificationsRead($ids: [String!]) {
    markNotificationsRead(ids: $ids) {
      unread
    }
  }
`);

export type Inbox = ResultOf<typeof Inbox>['myNotifications'];
export const loadInbox = () => request(Inbox).then((d) => d.myNotifications);
export const markRead = (ids: string[] | null) => request(MarkRead, { ids });
