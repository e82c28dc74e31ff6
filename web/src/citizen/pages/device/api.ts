import { ApiError, languageHeader } from '@/graphql/client';

// The window rating device's calls (server: domains/devices/device.routes.ts, docs/device.md).
// Its credential lives in localStorage (no secure-context API needed: the hall may serve plain
// HTTP) and goes with every call as X-WFP-Device.

const KEY = 'wfp.deviceCredential';

export const credential = () => localStorage.getItem(KEY);
export const forget = () => localStorage.removeItem(KEY);

export interface DeviceMe {
  name: string;
  window: { code: string; name: string; active: boolean };
  windowQrUrl: string;
}
export interface Invitation {
  caseNumber: string;
  serviceItemName: string | null;
  expiresAt: string;
  qrUrl: string;
  qrRotatesAt: string;
}

async function call<R>(path: string, body?: unknown): Promise<R> {
  const c = credential();
  let res: Response;
  try {
    res = await fetch(`/api/device/${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      credentials: 'omit',
      headers: {
        ...languageHeader(),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(c ? { 'x-wfp-device': c } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (err) {
    throw new ApiError('NETWORK', (err as Error).message);
  }
  const data = (await res.json().catch(() => null)) as
    (R & { errors?: Array<{ message: string; extensions?: { code?: string } }> }) | null;
  const first = data?.errors?.[0];
  if (!res.ok || !data || first)
    throw new ApiError(
      first?.extensions?.code ?? (res.status >= 500 ? 'SERVICE_UNAVAILABLE' : 'INTERNAL'),
      first?.message ?? `HTTP ${res.status}`,
    );
  return data;
}

/** Whether an error means the device must be paired (again). */
export const needsPairing = (err: unknown) =>
  err instanceof ApiError && (err.code === 'DEVICE_UNPAIRED' || err.code === 'DEVICE_REVOKED');

export async function pair(code: string) {
  const r = await call<{ credential: string; name: string }>('pair', { code });
  localStorage.setItem(KEY, r.credential);
  return r;
}
export const me = () => call<DeviceMe>('me');
export const invitation = () => call<{ invitation: Invitation | null }>('invitation').then((r) => r.invitation);
export const completeCase = (caseNumber: string) => call<{ caseNumber: string }>('complete', { caseNumber });
export const caseTicket = (caseNumber: string) => call<{ ticket: string; expiresAt: string }>('ticket', { caseNumber });
