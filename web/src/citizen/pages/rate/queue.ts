import { ApiError } from '@/graphql/client';
import { issueCaseTicket, issueTicket, submitRating, type CaseQr, type RatingInput, type SubmitResult } from './api';

// A rating is kept on the phone until the server has it. Each submission has a clientKey made
// once, so however often it is resent (lost answers, flaky hall Wi-Fi) it is stored once.

const KEY = 'wfp.pendingRatings';

export interface Pending {
  code: string;
  sig: string;
  ticket: string | null;
  /** Set when the page was opened from a device's rotating code for one case. */
  caseQr?: CaseQr;
  input: Omit<RatingInput, 'ticket'>;
}

const load = (): Pending[] => {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '[]') as Pending[];
  } catch {
    return [];
  }
};
const save = (list: Pending[]) => localStorage.setItem(KEY, JSON.stringify(list));

export function enqueue(p: Pending) {
  save([...load().filter((x) => x.input.clientKey !== p.input.clientKey), p]);
}

export function pending(): Pending[] {
  return load();
}

function drop(clientKey: string) {
  save(load().filter((x) => x.input.clientKey !== clientKey));
}

/** Failures worth retrying: the request may not have reached the server, or it could not answer. */
export const isTransient = (err: unknown) =>
  err instanceof ApiError && ['NETWORK', 'SERVICE_UNAVAILABLE', 'BAD_RESPONSE', 'INTERNAL'].includes(err.code);

/**
 * Sends one queued rating. An expired ticket is replaced (the QR signature is still in hand).
 * Resolves with the result, or rejects: transient errors keep it queued, others remove it.
 */
export async function send(p: Pending, retried = false): Promise<SubmitResult> {
  try {
    if (!p.ticket) {
      p.ticket = (await (p.caseQr ? issueCaseTicket(p.caseQr) : issueTicket(p.code, p.sig))).ticket;
      enqueue(p);
    }
    const result = await submitRating({ ...p.input, ticket: p.ticket });
    drop(p.input.clientKey);
    return result;
  } catch (err) {
    if (!retried && err instanceof ApiError && (err.code === 'TICKET_EXPIRED' || err.code === 'TICKET_INVALID')) {
      p.ticket = null;
      return send(p, true);
    }
    if (!isTransient(err)) drop(p.input.clientKey);
    throw err;
  }
}

/** Retries everything queued, now and whenever the phone comes back online, with backoff. */
export function keepFlushing(onSent: (p: Pending, r: SubmitResult) => void) {
  let delay = 2000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  async function flush() {
    clearTimeout(timer);
    if (running) return;
    running = true;
    let failed = false;
    for (const p of load()) {
      try {
        onSent(p, await send(p));
      } catch (err) {
        failed ||= isTransient(err);
      }
    }
    running = false;
    if (failed) {
      timer = setTimeout(() => void flush(), delay);
      delay = Math.min(delay * 2, 15_000);
    } else delay = 2000;
  }
  const online = () => void flush();
  window.addEventListener('online', online);
  void flush();
  return { flush, stop: () => (clearTimeout(timer), window.removeEventListener('online', online)) };
}
