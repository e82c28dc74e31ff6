import { expect } from 'chai';
import { createApp } from '../../server/src/app.js';
import { storeImage } from '../../server/src/domains/files/file-store.js';
import { createLogger } from '../../server/src/lib/logger.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { Client } from '../helpers/client.js';
import { act, fileComplaint, uploadPhoto } from '../helpers/complaints.js';
import { makeDepartment, makeStaff, makeUser, makeWindow, PASSWORD } from '../helpers/fixtures.js';

// The plain HTTP routes (exports, files, PDFs, QR images, uploads, imports) in the same matrix as
// the GraphQL fields (role-matrix.test.ts): every route the app serves has a written decision, and
// each is called as every role on the caller's own department's records, so the role alone
// decides. Refusals are 401 (anonymous) or 403; an admitted call may still find nothing (404).
type Actor = 'ANON' | 'ADMIN' | 'MANAGER' | 'INSPECTOR' | 'DEPARTMENT';
const STAFF: Actor[] = ['ADMIN', 'MANAGER', 'INSPECTOR', 'DEPARTMENT'];
const HANDLERS: Actor[] = ['ADMIN', 'MANAGER', 'DEPARTMENT'];
const CENTER: Actor[] = ['ADMIN', 'MANAGER'];
const PATROL: Actor[] = ['ADMIN', 'MANAGER', 'INSPECTOR'];
const PUBLIC: Actor[] = ['ANON', ...STAFF];
/** The window rating devices' routes: their credential (X-WFP-Device) admits them, no staff session does. */
const DEVICE_ONLY: Actor[] = [];
const ZERO_ID = '000000000000000000000000';

interface World {
  department: string;
  window: string;
  staff: string;
}
interface Call {
  path: string;
  method?: string;
  body?: Uint8Array<ArrayBuffer>;
}

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==',
  'base64',
);
const png = new Uint8Array(PNG);
const csv = new TextEncoder().encode('a,b\n');
const json = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));

const POLICY: Record<string, [Actor[], (w: World) => Call]> = {
  'GET /healthz': [PUBLIC, () => ({ path: '/healthz' })],
  'GET /readyz': [PUBLIC, () => ({ path: '/readyz' })],
  // Who reads a file depends on the file: its own matrix below.
  'GET /files/:id': [PUBLIC, () => ({ path: `/files/${ZERO_ID}` })],
  'PUT /api/staff/:id/photo': [
    ['ADMIN', 'DEPARTMENT'],
    (w) => ({ method: 'PUT', path: `/api/staff/${w.staff}/photo`, body: png }),
  ],
  'DELETE /api/staff/:id/photo': [
    ['ADMIN', 'DEPARTMENT'],
    (w) => ({ method: 'DELETE', path: `/api/staff/${w.staff}/photo` }),
  ],
  'GET /api/windows/:id/qr.:format': [STAFF, (w) => ({ path: `/api/windows/${w.window}/qr.png` })],
  'GET /api/windows/qr-sheet': [STAFF, (w) => ({ path: `/api/windows/qr-sheet?departmentId=${w.department}` })],
  // One route serves each export as CSV and as XLSX.
  'GET /api/ratings.csv,/api/ratings.xlsx': [
    HANDLERS,
    () => ({ path: '/api/ratings.xlsx?from=2026-01-01&to=2026-12-31' }),
  ],
  'GET /api/province-feed/records.json,/api/province-feed/records.csv': [
    CENTER,
    () => ({ path: '/api/province-feed/records.csv?from=2026-01-01&to=2026-01-31' }),
  ],
  'POST /api/complaints/photos': [PUBLIC, () => ({ method: 'POST', path: '/api/complaints/photos', body: png })],
  'GET /api/complaints.csv,/api/complaints.xlsx': [HANDLERS, () => ({ path: '/api/complaints.xlsx' })],
  'POST /api/patrol/rounds/:roundId/photos': [
    PATROL,
    (w) => ({ method: 'POST', path: `/api/patrol/rounds/${ZERO_ID}/photos?windowId=${w.window}`, body: png }),
  ],
  'POST /api/attendance/sign-ins': [CENTER, () => ({ method: 'POST', path: '/api/attendance/sign-ins', body: csv })],
  'GET /api/notices/:id.pdf': [HANDLERS, () => ({ path: `/api/notices/${ZERO_ID}.pdf` })],
  'POST /api/cases/import': [CENTER, () => ({ method: 'POST', path: '/api/cases/import', body: csv })],
  // The integration API takes API keys, never a staff session: every session is refused (401).
  'POST /api/integration/v1/cases': [
    [],
    () => ({ method: 'POST', path: '/api/integration/v1/cases', body: new TextEncoder().encode('{}') }),
  ],
  'GET /api/integration/v1/cases/:caseNumber': [[], () => ({ path: '/api/integration/v1/cases/AB-0001' })],
  'GET /api/integration/v1/ratings': [[], () => ({ path: '/api/integration/v1/ratings' })],
  'POST /api/served-cases/import': [CENTER, () => ({ method: 'POST', path: '/api/served-cases/import', body: csv })],
  'GET /api/served-cases/import/template.xlsx': [CENTER, () => ({ path: '/api/served-cases/import/template.xlsx' })],
  'GET /api/bulletins/:id.pdf': [HANDLERS, () => ({ path: `/api/bulletins/${ZERO_ID}.pdf` })],
  'GET /api/cases/import/template.xlsx': [CENTER, () => ({ path: '/api/cases/import/template.xlsx' })],
  'GET /api/attendance/sign-ins/template.xlsx': [CENTER, () => ({ path: '/api/attendance/sign-ins/template.xlsx' })],
  // Evidence for a follow-up's steps (centre and liaison) and for a liaison's notice appeal.
  'POST /api/follow-ups/:id/evidence': [
    HANDLERS,
    () => ({ method: 'POST', path: `/api/follow-ups/${ZERO_ID}/evidence`, body: png }),
  ],
  'POST /api/notices/:id/evidence': [
    ['DEPARTMENT'],
    () => ({ method: 'POST', path: `/api/notices/${ZERO_ID}/evidence`, body: png }),
  ],
  // A window's rating device (docs/device.md): anyone may try a pairing code (limited per address).
  'POST /api/device/pair': [
    PUBLIC,
    () => ({ method: 'POST', path: '/api/device/pair', body: json({ code: 'ZZZZ-ZZZZ' }) }),
  ],
  'GET /api/device/me': [DEVICE_ONLY, () => ({ path: '/api/device/me' })],
  'GET /api/device/invitation': [DEVICE_ONLY, () => ({ path: '/api/device/invitation' })],
  'POST /api/device/complete': [
    DEVICE_ONLY,
    () => ({ method: 'POST', path: '/api/device/complete', body: json({ caseNumber: 'X-0001' }) }),
  ],
  'POST /api/device/ticket': [
    DEVICE_ONLY,
    () => ({ method: 'POST', path: '/api/device/ticket', body: json({ caseNumber: 'X-0001' }) }),
  ],
};

type Layer = { route?: { path: string; methods: Record<string, boolean> }; handle: { stack?: Layer[] } };
/** "METHOD /path" of every route in an Express app, nested routers included. */
const routesOf = (stack: Layer[]): string[] =>
  stack.flatMap((l) =>
    l.route
      ? Object.keys(l.route.methods).map((m) => `${m.toUpperCase()} ${l.route!.path}`)
      : l.handle.stack
        ? routesOf(l.handle.stack)
        : [],
  );

describe('security: every plain HTTP route as every role', function () {
  this.timeout(120_000);
  let app: TestApp;
  let world: World;
  const clients = new Map<Actor, Client>();

  before(async () => {
    app = await startTestApp();
    const department = await makeDepartment('GSJ');
    world = { department, window: await makeWindow('A01', department), staff: await makeStaff('GSJ01', department) };
    clients.set('ANON', new Client(app.url));
    for (const role of STAFF) {
      const c = new Client(app.url);
      await c.login(
        (await makeUser(role as 'ADMIN', role === 'DEPARTMENT' ? department : undefined)).username,
        PASSWORD,
      );
      clients.set(role, c);
    }
  });
  after(() => app.close());

  const send = (client: Client, call: Call) =>
    fetch(`${app.url}${call.path}`, {
      method: call.method ?? 'GET',
      headers: { 'x-wfp-csrf': '1', ...(client.cookie ? { cookie: client.cookie } : {}) },
      body: call.body,
    });

  it('has a decision for every route the app serves, and none for routes that no longer exist', async () => {
    const { app: express } = await createApp({ config: app.config, logger: createLogger('silent') });
    const served = routesOf((express as unknown as { router: { stack: Layer[] } }).router.stack);
    expect(served.filter((r) => !(r in POLICY))).to.deep.equal([]);
    expect(Object.keys(POLICY).filter((r) => !served.includes(r))).to.deep.equal([]);
  });

  it('admits and refuses every route as its policy says', async () => {
    const wrong: string[] = [];
    for (const [route, [allowed, call]] of Object.entries(POLICY)) {
      for (const [actor, client] of clients) {
        const { status } = await send(client, call(world));
        const refused = status === 401 || status === 403;
        if (allowed.includes(actor) === refused) wrong.push(`${route} as ${actor}: ${status}`);
        if (!allowed.includes(actor) && actor === 'ANON' && status !== 401) wrong.push(`${route} as ANON: ${status}`);
        if (status >= 500) wrong.push(`${route} as ${actor}: server error ${status}`);
      }
    }
    expect(wrong).to.deep.equal([]);
  });

  it('serves each kind of file to its readers only, and the same 404 to everyone else', async () => {
    const other = await makeDepartment('DSJ');
    const manager = clients.get('MANAGER')!;
    const stored = (department: string | null, visibility: 'public' | 'staff') =>
      storeImage(PNG, { purpose: 'patrol-photo', visibility, department, uploadedBy: null }, 1e6).then((f) => f.id);
    const complaintPhoto = async (assignTo: string | null) => {
      const id = ((await (await uploadPhoto(app.url, PNG)).json()) as { id: string }).id;
      const c = await fileComplaint(new Client(app.url), { windowCode: 'A01', photoIds: [id] });
      if (assignTo) {
        await act(manager, c.id, { action: 'ACCEPT' });
        await act(manager, c.id, { action: 'ASSIGN', departmentId: assignTo });
      }
      return id;
    };
    const unclaimed = ((await (await uploadPhoto(app.url, PNG)).json()) as { id: string }).id;
    const cases: Array<[string, string, Actor[]]> = [
      ['a public staff photo', await stored(world.department, 'public'), PUBLIC],
      ["a patrol photo of the liaison's department", await stored(world.department, 'staff'), STAFF],
      ['a patrol photo of another department', await stored(other, 'staff'), CENTER.concat('INSPECTOR')],
      ['an unclaimed complaint photo', unclaimed, CENTER],
      ["a complaint photo about the liaison's department, not yet assigned", await complaintPhoto(null), CENTER],
      ['a complaint photo assigned to the liaison', await complaintPhoto(world.department), HANDLERS],
      ['a complaint photo assigned to another department', await complaintPhoto(other), CENTER],
    ];
    const wrong: string[] = [];
    for (const [what, id, readers] of cases) {
      for (const [actor, client] of clients) {
        const { status } = await send(client, { path: `/files/${id}` });
        const expected = readers.includes(actor) ? 200 : 404;
        if (status !== expected) wrong.push(`${what} as ${actor}: ${status}, not ${expected}`);
      }
    }
    expect(wrong).to.deep.equal([]);
  });

  it('gives files ids that cannot be found by counting from a known one', async () => {
    const ids = [];
    for (let i = 0; i < 6; i++) ids.push(((await (await uploadPhoto(app.url, PNG)).json()) as { id: string }).id);
    // An ObjectId of the usual kind is a timestamp, a per-process value and a counter: 6 in a row
    // share their first 8 bytes. Random ids share none of the 4 leading bytes.
    expect(new Set(ids.map((id) => id.slice(0, 8))).size).to.equal(ids.length);
    expect(new Set(ids.map((id) => id.slice(8, 18))).size).to.equal(ids.length);
  });
});
