// The staff session lookup is cached per instance (domains/accounts/session-cache.ts), yet what
// ends a session or changes an account on one instance holds on the other at the next request.
// Both instances cache for ten minutes here, so only the shared epoch can make the second one see
// a change in time; the second runs in a process of its own (helpers/instance.ts), so nothing in
// memory is shared between them.
import { expect } from 'chai';
import mongoose from 'mongoose';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { Client } from '../helpers/client.js';
import { makeUser, PASSWORD } from '../helpers/fixtures.js';
import { startInstance, type Instance } from '../helpers/instance.js';

const ME = '{ me { username displayName role } }';
const UPDATE = 'mutation($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { id } }';
const CACHE = { SESSION_CACHE_SECONDS: '600', TRUST_PROXY: '1' };

describe('staff session cache across instances', function () {
  this.timeout(60_000);
  let a: TestApp;
  let b: Instance;
  let admin: Client;
  let hosts = 0;
  const from = (url: string) => new Client(url, { 'x-forwarded-for': `198.51.100.${++hosts}` });

  before(async () => {
    a = await startTestApp({ env: CACHE });
    b = await startInstance(a);
    admin = from(a.url);
    await admin.login((await makeUser('ADMIN')).username, PASSWORD);
  });
  after(async () => {
    mongoose.set('debug', false);
    await b?.close();
    await a?.close();
  });

  /** A fresh account logged in on A, its session also used (and so cached) on B. */
  async function cachedOnB() {
    const user = await makeUser('MANAGER');
    const onA = from(a.url);
    await onA.login(user.username, PASSWORD);
    const onB = from(b.url);
    onB.cookie = onA.cookie;
    for (let i = 0; i < 2; i++) expect((await onB.gql(ME)).data.me).to.include({ username: user.username });
    return { user, onA, onB };
  }

  it('saves the session and account reads while nothing changes (positive control)', async () => {
    const { onA } = await cachedOnB();
    await onA.gql(ME); // loaded once on A
    const reads: string[] = [];
    mongoose.set('debug', (collection: string, method: string) => reads.push(`${collection}.${method}`));
    for (let i = 0; i < 10; i++) expect((await onA.gql(ME)).data.me).to.not.equal(null);
    mongoose.set('debug', false);
    const count = (what: string) => reads.filter((r) => r === what).length;
    expect(count('sessions.findOne'), 'session reads').to.equal(0);
    expect(count('users.findOne'), 'account reads').to.equal(0);
    expect(count('session_epochs.findOne'), 'epoch checks').to.be.within(1, 10);
  });

  it('refuses a session on B at once after its logout on A', async () => {
    const { onA, onB } = await cachedOnB();
    await onA.gql('mutation { logout }');
    expect((await onB.gql(ME)).data.me).to.equal(null);
  });

  it('ends the other sessions on B at once after a password change on A, and keeps the changing one', async () => {
    const { user, onB } = await cachedOnB();
    const other = from(a.url);
    await other.login(user.username, PASSWORD);
    const otherOnB = from(b.url);
    otherOnB.cookie = other.cookie;
    expect((await otherOnB.gql(ME)).data.me).to.include({ username: user.username });
    const r = await other.gql(
      'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { id } }',
      {
        c: PASSWORD,
        n: 'a brand new passphrase 42',
      },
    );
    expect(r.errors).to.equal(undefined);
    expect((await onB.gql(ME)).data.me).to.equal(null);
    expect((await otherOnB.gql(ME)).data.me).to.include({ username: user.username });
  });

  it('refuses a session on B at once after a role change on A', async () => {
    const { user, onB } = await cachedOnB();
    expect((await admin.gql(UPDATE, { id: user.id, input: { role: 'INSPECTOR' } })).errors).to.equal(undefined);
    expect((await onB.gql(ME)).data.me).to.equal(null);
  });

  it('refuses a session on B at once after the account is disabled on A', async () => {
    const { user, onB } = await cachedOnB();
    expect((await admin.gql(UPDATE, { id: user.id, input: { active: false } })).errors).to.equal(undefined);
    expect((await onB.gql(ME)).data.me).to.equal(null);
  });

  it('shows a new name on B at once after a rename on A', async () => {
    const { user, onB } = await cachedOnB();
    expect((await admin.gql(UPDATE, { id: user.id, input: { displayName: '改过的名字' } })).errors).to.equal(undefined);
    expect((await onB.gql(ME)).data.me).to.deep.equal({
      username: user.username,
      displayName: '改过的名字',
      role: 'MANAGER',
    });
  });
});
