// Helpers for tests that rate windows the way the citizen's page does.
import { randomUUID } from 'node:crypto';
import { signWindow } from '../../server/src/domains/windows/qr.js';
import type { TestApp } from './app.js';
import type { Client } from './client.js';

export const TICKET =
  'mutation($code: String!, $sig: String!) { issueRatingTicket(code: $code, sig: $sig) { ticket expiresAt } }';
export const SUBMIT =
  'mutation($input: SubmitRatingInput!) { submitRating(input: $input) { accepted replayed negative followUpDays } }';

/** Anything that knows the QR keys: a test app or a second instance of it. */
type Keyed = Pick<TestApp, 'config'>;

export const sigFor = (app: Keyed, code: string, version = 1) => signWindow(app.config.qrKeys, code, version);

export async function ticketFor(c: Client, app: Keyed, code: string, version = 1) {
  const r = await c.gql(TICKET, { code, sig: sigFor(app, code, version) });
  if (r.errors) throw new Error(`ticket refused: ${JSON.stringify(r.errors)}`);
  return r.data.issueRatingTicket.ticket as string;
}

/** Scans the window's code and submits one rating; returns the raw GraphQL result. */
export async function rate(c: Client, app: Keyed, code: string, level: string, extra: Record<string, unknown> = {}) {
  const ticket = await ticketFor(c, app, code);
  return c.gql(SUBMIT, { input: { ticket, level, clientKey: randomUUID(), ...extra } });
}
