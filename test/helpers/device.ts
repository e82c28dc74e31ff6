// Helpers for tests of the window rating device (评价器): its REST calls, with its credential.
import type { Client } from './client.js';

export const PAIRING_CODE =
  'mutation($w: ID!, $n: String) { issueDevicePairingCode(windowId: $w, name: $n) { code expiresAt window { code } } }';
export const REVOKE = 'mutation($id: ID!) { revokeDevice(id: $id) { id revokedAt } }';
export const DEVICES = 'query { ratingDevices { id name pairedAt lastSeenAt revokedAt window { code } } }';

/** A pairing code for the window, issued by an admin's client. */
export async function pairingCode(admin: Client, windowId: string, name?: string) {
  const r = await admin.gql(PAIRING_CODE, { w: windowId, n: name ?? null });
  if (r.errors) throw new Error(`pairing code refused: ${JSON.stringify(r.errors)}`);
  return r.data.issueDevicePairingCode.code as string;
}

/** One call of the device's REST surface; `credential` goes in X-WFP-Device. */
export async function deviceCall(
  baseUrl: string,
  path: string,
  credential: string | null,
  body?: unknown,
): Promise<{ status: number; body: any }> {
  const res = await fetch(`${baseUrl}/api/device/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(credential ? { 'x-wfp-device': credential } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

export const errorCode = (r: { body: any }) => r.body?.errors?.[0]?.extensions?.code as string | undefined;

/** Pairs a device with a fresh code and returns its credential. */
export async function pairedDevice(baseUrl: string, admin: Client, windowId: string, name?: string) {
  const r = await deviceCall(baseUrl, 'pair', null, { code: await pairingCode(admin, windowId, name) });
  if (r.status !== 201) throw new Error(`pairing failed: ${JSON.stringify(r.body)}`);
  return r.body.credential as string;
}
