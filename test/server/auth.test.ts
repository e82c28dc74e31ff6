import { expect } from 'chai';
import { AuditModel } from '../../server/src/domains/audit/audit.model.js';
import { SessionModel } from '../../server/src/domains/accounts/session.model.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { Client } from '../helpers/client.js';
import { makeDepartment, makeUser, PASSWORD } from '../helpers/fixtures.js';

const ME = '{ me { username role department { code } } }';
const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { user { username role } } }';

describe('staff authentication', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(() => app.close());

  it('logs in, answers me, and logs out', async () => {
    const dept = await makeDepartment('GSJ');
    const { username } = await makeUser('DEPARTMENT', dept);
    const c = new Client(app.url);
    expect((await c.gql(ME)).data.me).to.equal(null);

    const res = await c.gql(LOGIN, { u: username, p: PASSWORD });
    expect(res.errors).to.equal(undefined);
    expect(res.data.login.user).to.deep.equal({ username, role: 'DEPARTMENT' });
    const setCookie = res.headers.getSetCookie().join(';').toLowerCase();
    expect(setCookie).to.include('httponly').and.include('samesite=strict');

    expect((await c.gql(ME)).data.me).to.deep.equal({ username, role: 'DEPARTMENT', department: { code: 'GSJ' } });

    const cookie = c.cookie;
    expect((await c.gql('mutation { logout }')).data.logout).to.equal(true);
    expect((await c.gql(ME)).data.me).to.equal(null);
    // The old cookie is dead on the server too, not just forgotten by the client.
    c.cookie = cookie;
    expect((await c.gql(ME)).data.me).to.equal(null);
  });

  it('refuses a wrong password with LOGIN_FAILED and records the attempt', async () => {
    const { username } = await makeUser('MANAGER');
    const c = new Client(app.url);
    const res = await c.gql(LOGIN, { u: username, p: 'wrong password!' });
    expect(res.errors?.[0]?.extensions?.code).to.equal('LOGIN_FAILED');
    expect(c.cookie).to.equal(null);
    const entry = await AuditModel.findOne({ action: 'login', actorName: username }).lean();
    expect(entry).to.include({ ok: false, errorCode: 'LOGIN_FAILED' });
    expect(entry!.args).to.not.include('wrong password');
  });

  it('throttles after 5 failures in 15 minutes, even for the right password', async () => {
    const { username } = await makeUser('INSPECTOR');
    const c = new Client(app.url);
    for (let i = 0; i < 5; i++) {
      expect((await c.gql(LOGIN, { u: username, p: `bad-${i}-password` })).errors?.[0]?.extensions?.code).to.be.oneOf([
        'LOGIN_FAILED',
        'LOGIN_THROTTLED',
      ]);
    }
    const res = await c.gql(LOGIN, { u: username, p: PASSWORD });
    expect(res.errors?.[0]?.extensions?.code).to.equal('LOGIN_THROTTLED');
    expect(res.errors?.[0]?.extensions?.retryAfter).to.be.within(1, 15 * 60);
  });

  it('issues a new session id at every login', async () => {
    const { username } = await makeUser('ADMIN');
    const c = new Client(app.url);
    await c.login(username, PASSWORD);
    const first = c.cookie;
    await c.login(username, PASSWORD);
    expect(c.cookie).to.not.equal(first);
    const other = new Client(app.url);
    other.cookie = first;
    expect((await other.gql(ME)).data.me).to.equal(null);
  });

  it('does not accept an expired session', async () => {
    const { username } = await makeUser('MANAGER');
    const c = new Client(app.url);
    await c.login(username, PASSWORD);
    await SessionModel.updateMany({}, { expiresAt: new Date(Date.now() - 1000) });
    expect((await c.gql(ME)).data.me).to.equal(null);
  });

  it('changes the own password and ends the other sessions', async () => {
    const { username } = await makeUser('INSPECTOR');
    const a = new Client(app.url);
    const b = new Client(app.url);
    await a.login(username, PASSWORD);
    await b.login(username, PASSWORD);
    const CHANGE =
      'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { username } }';
    const wrong = await a.gql(CHANGE, { c: 'not my password', n: 'a brand new secret' });
    expect(wrong.errors?.[0]?.extensions).to.deep.include({ code: 'VALIDATION_FAILED' });
    expect(wrong.errors?.[0]?.extensions?.fields[0].path).to.equal('currentPassword');
    const short = await a.gql(CHANGE, { c: PASSWORD, n: 'short' });
    expect(short.errors?.[0]?.extensions?.fields[0].path).to.equal('newPassword');

    expect((await a.gql(CHANGE, { c: PASSWORD, n: 'a brand new secret' })).errors).to.equal(undefined);
    expect((await a.gql(ME)).data.me.username).to.equal(username);
    expect((await b.gql(ME)).data.me).to.equal(null);
    const fresh = new Client(app.url);
    await fresh.login(username, 'a brand new secret');
  });

  it('refuses simple requests without the CSRF header (more in test/security/csrf.test.ts)', async () => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: ME }),
    });
    expect(res.status).to.equal(403);
    const body = (await res.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors[0]!.extensions.code).to.equal('CSRF_HEADER_MISSING');
  });
});
