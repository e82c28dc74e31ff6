import { expect } from 'chai';
import { takeAttempt } from '../../server/src/domains/accounts/login-throttle.js';
import { sweepOnce } from '../../server/src/sweep.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { Client } from '../helpers/client.js';
import { makeUser, PASSWORD } from '../helpers/fixtures.js';

// Password guesses: counted atomically (slots taken by insert), per account and address with
// progressive delays, and never a lock that others' failures can put on an account's own device
// or on everyone behind one address. All tests run from 127.0.0.1, one address.
const LOGIN = `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { user { id } } }`;

describe('security: password guessing', function () {
  this.timeout(120_000);
  let app: TestApp;

  before(async () => {
    app = await startTestApp();
  });
  after(() => app.close());

  const attempt = (client: Client, username: string, password: string, headers: Record<string, string> = {}) =>
    client
      .gql(LOGIN, { u: username, p: password }, headers)
      .then((r) => (r.errors?.[0]?.extensions?.code as string | undefined) ?? 'OK');

  it('lets exactly the free attempts through of 40 sent at once, the right password among them', async () => {
    const { username } = await makeUser('ADMIN');
    const passwords = [...Array.from({ length: 39 }, (_, i) => `wrong guess ${i}`), PASSWORD];
    const codes = await Promise.all(passwords.map((p) => attempt(new Client(app.url), username, p)));
    const wentAhead = codes.filter((c) => c !== 'LOGIN_THROTTLED');
    expect(wentAhead.length, codes.join(' ')).to.equal(5);
    expect(codes.filter((c) => c === 'LOGIN_THROTTLED').length).to.equal(35);
    // The right password now waits too, unless it was one of the five.
    const last = await attempt(new Client(app.url), username, PASSWORD);
    expect(last).to.equal(wentAhead.includes('OK') ? 'OK' : 'LOGIN_THROTTLED');
  });

  it("does not lock an account's owner out of a device it logged in from before", async () => {
    const { username } = await makeUser('MANAGER');
    const owner = new Client(app.url);
    await owner.login(username, PASSWORD);
    const attacker = new Client(app.url);
    for (let i = 0; i < 5; i++) expect(await attempt(attacker, username, `guess ${i}`)).to.equal('LOGIN_FAILED');
    expect(await attempt(attacker, username, PASSWORD)).to.equal('LOGIN_THROTTLED');
    expect(await attempt(owner, username, PASSWORD)).to.equal('OK');
    // Another account from the same address is not locked either (no lock on the address).
    const other = await makeUser('INSPECTOR');
    expect(await attempt(new Client(app.url), other.username, PASSWORD)).to.equal('OK');
  });

  it('caps an address over all accounts, except for devices known to the account', async () => {
    // Behind a proxy, from an address of its own: no other test's failures count here.
    const strict = await app.sibling({ LOGIN_ATTEMPTS_PER_ADDRESS: '4', TRUST_PROXY: '1' });
    const from = { 'x-forwarded-for': '203.0.113.9' };
    const staff = await makeUser('DEPARTMENT');
    const tablet = new Client(strict.url);
    expect(await attempt(tablet, staff.username, PASSWORD, from)).to.equal('OK');
    const sprayer = new Client(strict.url);
    // The tablet's login did not count (it was right): four failures fill the address.
    for (const name of ['nobody1', 'nobody2', 'nobody3', 'nobody4'])
      expect(await attempt(sprayer, name, 'spray', from)).to.equal('LOGIN_FAILED');
    expect(await attempt(sprayer, 'nobody5', 'spray', from)).to.equal('LOGIN_THROTTLED');
    expect(await attempt(new Client(strict.url), staff.username, PASSWORD, from)).to.equal('LOGIN_THROTTLED');
    expect(await attempt(tablet, staff.username, PASSWORD, from)).to.equal('OK');
    // The control: from another address, the same account logs in on any device.
    const elsewhere = { 'x-forwarded-for': '203.0.113.10' };
    expect(await attempt(new Client(strict.url), staff.username, PASSWORD, elsewhere)).to.equal('OK');
    await strict.close();
  });

  it('throttles password changes like logins', async () => {
    const { username } = await makeUser('INSPECTOR');
    const me = new Client(app.url);
    await me.login(username, PASSWORD);
    const CHANGE = `mutation($c: String!) { changePassword(currentPassword: $c, newPassword: "a brand new secret") { id } }`;
    for (let i = 0; i < 5; i++) expect(await me.code(CHANGE, { c: `guess ${i}` })).to.equal('VALIDATION_FAILED');
    expect(await me.code(CHANGE, { c: PASSWORD })).to.equal('LOGIN_THROTTLED');
  });

  it('delays further attempts progressively, at most a window after the last', async () => {
    const rule = { free: 2, windowMs: 3600_000 };
    const t0 = Math.floor(Date.now() / rule.windowMs) * rule.windowMs + 1000;
    const key = `test:${Math.random()}`;
    const at = (s: number) => takeAttempt(key, rule, t0 + s * 1000);
    expect(await at(0)).to.have.property('id');
    expect(await at(1)).to.have.property('id');
    expect(await at(2)).to.deep.equal({ wait: 59 }); // a minute after the last
    expect(await at(61)).to.have.property('id');
    expect(await at(62)).to.deep.equal({ wait: 119 }); // then two
    expect(await at(181)).to.have.property('id');
    expect(await at(182)).to.deep.equal({ wait: 239 }); // then four
    // The next fixed window: the four still count (a sliding window), but the delay they ask
    // for (four minutes after the last) has long passed. The next asks eight minutes after this.
    expect(await at(3600)).to.have.property('id');
    expect(await at(3601)).to.deep.equal({ wait: 479 });
  });

  it('counts failures just before a window turns just after it (the count slides)', async () => {
    const rule = { free: 5, windowMs: 15 * 60_000 };
    const turn = (Math.floor(Date.now() / rule.windowMs) + 1) * rule.windowMs;
    const key = `test:${Math.random()}`;
    const at = (s: number) => takeAttempt(key, rule, turn + s * 1000);
    for (const s of [-10, -9, -8, -7, -6]) expect(await at(s)).to.have.property('id');
    // Five seconds into the next window the five free attempts are spent, as five seconds before:
    // the next waits a minute after the last, and the one after it two minutes more.
    expect(await at(-5)).to.deep.equal({ wait: 59 });
    expect(await at(5)).to.deep.equal({ wait: 49 });
    expect(await at(54)).to.have.property('id');
    expect(await at(55)).to.deep.equal({ wait: 119 });
    // Once the earlier window has slid out, the key is free again.
    expect(await at(15 * 60 + 60)).to.have.property('id');
  });

  it('sweeps slots that no count reads any more (the local engine never applies TTL)', async () => {
    const rule = { free: 1, windowMs: 60_000 };
    const key = `test:${Math.random()}`;
    const hourAgo = Date.now() - 3600_000;
    expect(await takeAttempt(key, rule, hourAgo)).to.have.property('id');
    expect(await takeAttempt(key, rule, hourAgo + 1)).to.have.property('wait');
    await sweepOnce();
    // Asked again at that hour, the key finds no slot taken: the sweep deleted it.
    expect(await takeAttempt(key, rule, hourAgo + 2)).to.have.property('id');
  });
});
