import { request } from '@/graphql/client';
import { graphql, type ResultOf } from '@/graphql/graphql';

const Devices = graphql(`
  query RatingDevices {
    ratingDevices {
      id
      name
      pairedAt
      lastSeenAt
      revokedAt
      window {
        id
        code
        name
      }
    }
  }
`);
const WindowOptions = graphql(`
  query DeviceWindowOptions {
    windows(active: true) {
      id
      code
      name
    }
  }
`);
const IssueCode = graphql(`
  mutation IssueDevicePairingCode($windowId: ID!, $name: String) {
    issueDevicePairingCode(windowId: $windowId, name: $name) {
      code
      expiresAt
      window {
        code
        name
      }
    }
  }
`);
const Revoke = graphql(`
  mutation RevokeDevice($id: ID!) {
    revokeDevice(id: $id) {
      id
      revokedAt
    }
  }
`);

export type DeviceRow = ResultOf<typeof Devices>['ratingDevices'][number];
export type PairingCode = ResultOf<typeof IssueCode>['issueDevicePairingCode'];

export const listDevices = () => request(Devices).then((d) => d.ratingDevices);
export const windowOptions = () => request(WindowOptions).then((d) => d.windows);
export const issueCode = (windowId: string, name: string | null) =>
  request(IssueCode, { windowId, name }).then((d) => d.issueDevicePairingCode);
export const revokeDevice = (id: string) => request(Revoke, { id });
