import { expect } from 'chai';
import { UserModel } from '../../server/src/domains/accounts/user.model.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { Client } from '../helpers/client.js';
import { makeDepartment, makeStaff, makeUser, PASSWORD } from '../helpers/fixtures.js';

// Operator injection, prototype pollution and the HTTP security headers.
describe('security: hostile inputs and response headers', () => {
  let app: TestApp;
  let admin: Client;
  let username: string;

  before(async () => {
    app = await startTestApp({ web: true });
    username = (await makeUser('ADMIN')).username;
    admin = new Client(app.url);
    await admin.login(username, PASSWORD);
    await makeStaff('GSJ01', await makeDepartment('GSJ'), '张三');
  });
  after(() => app.close());

  it('refuses query operators where a GraphQL string is expected, with a coded error and no session', async () => {
    const c = new Client(app.url);
    for (const value of [{ $ne: null }, { $gt: '' }, { $where: 'return true' }]) {
      const r = await c.gql(
        'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { user { id } } }',
        { u: value, p: value },
      );
      expect(r.errors?.[0]?.extensions?.code).to.equal('BAD_USER_INPUT');
      expect(c.cookie).to.equal(null);
    }
    const status = await c.gql(
      'query($t: String!, $c: String!) { complaintStatus(trackingCode: $t, contact: $c) { state } }',
      { t: { $gt: '' }, c: { $ne: '' } },
    );
    expect(status.errors?.[0]?.extensions?.code).to.equal('BAD_USER_INPUT');
  });

  it('matches operator-looking text literally', async () => {
    for (const search of ['{"$where": "sleep(1000)"}', '.*', '{"$ne": null}', '张三|.*']) {
      const r = await admin.gql('query($s: String) { staffPage(search: $s) { total } }', { s: search });
      expect(r.data.staffPage.total, search).to.equal(0);
    }
    expect((await admin.gql('{ staffPage(search: "张三") { total } }')).data.staffPage.total).to.equal(1);
  });

  it('sanitizes filters in the data layer too, should a future resolver pass an object through', async () => {
    // A filter built from untrusted input is wrapped as a literal value ({$eq: {$ne: null}}), which
    // a string field cannot even hold: the query is refused rather than matching every user.
    const outcome = await UserModel.findOne({ username: { $ne: null } })
      .lean()
      .then(
        (doc) => doc,
        (err: Error) => err.name,
      );
    expect(outcome).to.equal('CastError');
    expect(await UserModel.findOne({ username }).lean()).to.not.equal(null);
  });

  it('refuses operator objects in plain-HTTP query strings', async () => {
    const res = await fetch(`${app.url}/api/ratings.csv?from[$gt]=&to=2030-01-01`, {
      headers: { cookie: admin.cookie! },
    });
    expect(res.status).to.equal(400);
    expect(
      ((await res.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code,
    ).to.equal('VALIDATION_FAILED');
  });

  it('does not let a request body pollute Object.prototype', async () => {
    await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wfp-csrf': '1' },
      body: '{"query":"{ me { id } }","__proto__":{"polluted":true},"variables":{"constructor":{"prototype":{"polluted":true}}}}',
    });
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
  });

  for (const path of ['/admin/', '/r/B07?s=x', '/graphql']) {
    it(`sends security headers on ${path}`, async () => {
      const res = await fetch(
        `${app.url}${path}`,
        path === '/graphql'
          ? {
              method: 'POST',
              headers: { 'content-type': 'application/json', 'x-wfp-csrf': '1' },
              body: '{"query":"{ me { id } }"}',
            }
          : {},
      );
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp)
        .to.include("default-src 'self'")
        .and.include("script-src 'self'")
        .and.include("frame-ancestors 'none'")
        .and.include("object-src 'none'");
      expect(csp).to.not.include("'unsafe-eval'");
      expect(res.headers.get('x-content-type-options')).to.equal('nosniff');
      expect(res.headers.get('referrer-policy')).to.equal('no-referrer');
      expect(res.headers.get('x-powered-by')).to.equal(null);
    });
  }
});
