import { createServer, type Server } from 'node:http';
import { expect } from 'chai';
import { trusted } from 'mongoose';
import type { Browser, BrowserContext } from 'playwright-core';
import { UserModel } from '../../server/src/domains/accounts/user.model.js';
import { CaseRecordModel } from '../../server/src/domains/cases/case.model.js';
import { ServiceItemModel } from '../../server/src/domains/service-items/service-item.model.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { DESKTOP, launchBrowser, logIn } from '../helpers/browser.js';
import { makeDepartment, makeUser, PASSWORD } from '../helpers/fixtures.js';

// An admin is logged in; a page of ANOTHER origin on the SAME site (same host name, another port:
// SameSite=Strict cookies go along) tries to use the session: read the accounts, create an ADMIN,
// import cases. Everything is refused. The same script on a server that grants the attacker's
// origin CORS reads the accounts: the cookie did travel, only CORS and the CSRF rule stop it.
const HOST = 'hall.test';
const USERS = JSON.stringify({ query: '{ users { items { username role } } }' });
const mutation = (name: string) =>
  `mutation { createUser(input: { username: "${name}", displayName: "x", role: ADMIN, password: "intruder password 1" }) { id } }`;
const intruder = (name: string) => JSON.stringify({ query: mutation(name) });
const INTRUDERS = ['intruder1', 'intruder2', 'intruder3'];
// A valid import: it would be stored if the page got through.
const CASES =
  '部门编码,事项编码,起始日期,截止日期,受理,办结,按时办结,超期\nGSJ,GSJ-001,2031-03-01,2031-03-31,10,10,10,0\n';

/**
 * The attacker's page: its script tries every way a page may reach another origin (the target is
 * in its query string) and leaves what it could read in `window.outcome`.
 */
const ATTACK_PAGE = `<!doctype html><meta charset="utf-8"><title>抽奖活动</title><body><script>
const target = new URLSearchParams(location.search).get('target');
const users = ${JSON.stringify(USERS)};
const read = (init) => fetch(target + '/graphql', { method: 'POST', credentials: 'include', body: users, ...init })
  .then(async (r) => 'read ' + r.status + ': ' + (await r.text()), (e) => 'blocked: ' + e.name);
window.outcome = (async () => {
  const json = { 'content-type': 'application/json' };
  const readJson = await read({ headers: json });
  const readWithHeader = await read({ headers: { ...json, 'x-wfp-csrf': '1' } });
  // Fire-and-forget writes: the page cannot read their answers (the server's
  // Cross-Origin-Resource-Policy even fails the fetch), only the server's state tells.
  const blind = { mode: 'no-cors', credentials: 'include', method: 'POST' };
  const send = (url, init) => fetch(target + url, { ...blind, ...init }).catch(() => null);
  await send('/graphql', { body: new URLSearchParams({ query: ${JSON.stringify(mutation('intruder1'))} }) });
  await send('/graphql', { headers: { 'content-type': 'text/plain' }, body: ${JSON.stringify(intruder('intruder2'))} });
  await send('/graphql?query=' + encodeURIComponent('{ users { total } }'), { method: 'GET' });
  await send('/api/cases/import', { body: ${JSON.stringify(CASES)} });
  // A classic form, as a link in a mail would submit it.
  const frame = Object.assign(document.createElement('iframe'), { name: 'sink' });
  const form = Object.assign(document.createElement('form'), { method: 'POST', action: target + '/graphql', target: 'sink' });
  form.append(Object.assign(document.createElement('input'), { name: 'query', value: ${JSON.stringify(mutation('intruder3'))} }));
  document.body.append(frame, form);
  const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
  form.submit();
  await loaded;
  return { readJson, readWithHeader };
})();
</script>`;

/** Opens the attacker's page against a target and waits for its script to finish. */
async function attack(context: BrowserContext, attackerOrigin: string, target: string) {
  const page = await context.newPage();
  await page.goto(`${attackerOrigin}/?target=${encodeURIComponent(target)}`);
  const outcome = await page.evaluate(
    () => (window as unknown as { outcome: Promise<Record<string, string>> }).outcome,
  );
  await page.close();
  return outcome;
}

describe('a page of another origin and a logged-in admin, in Chromium', function () {
  this.timeout(90_000);
  let app: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let attacker: Server;
  let attackerOrigin: string;
  const named = (url: string) => url.replace('127.0.0.1', HOST);

  before(async () => {
    app = await startTestApp({ web: true });
    const gsj = await makeDepartment('GSJ');
    await ServiceItemModel.create({
      code: 'GSJ-001',
      name: '登记',
      department: gsj,
      category: 'LICENSING',
      legalDays: 20,
      promisedDays: 5,
    });
    attacker = createServer((_req, res) => res.setHeader('content-type', 'text/html').end(ATTACK_PAGE));
    await new Promise<void>((r) => attacker.listen(0, '127.0.0.1', () => r()));
    attackerOrigin = `http://${HOST}:${(attacker.address() as { port: number }).port}`;
    browser = await launchBrowser([`--host-resolver-rules=MAP ${HOST} 127.0.0.1`]);
    context = await browser.newContext(DESKTOP);
    const admin = await context.newPage();
    await logIn(admin, named(app.url), (await makeUser('ADMIN')).username, PASSWORD);
    await admin.close();
  });
  after(async () => {
    await browser?.close();
    if (attacker) await new Promise((r) => attacker.close(r));
    await app?.close();
  });

  it('cannot list users, create an ADMIN or import anything with the session', async () => {
    const { readJson, readWithHeader } = await attack(context, attackerOrigin, named(app.url));
    expect(readJson).to.equal('blocked: TypeError');
    expect(readWithHeader).to.equal('blocked: TypeError');
    expect(await UserModel.countDocuments({ username: trusted({ $in: INTRUDERS }) })).to.equal(0);
    expect(await CaseRecordModel.countDocuments()).to.equal(0);
  });

  it('controls: its own pages read the accounts, and so does an origin granted CORS', async () => {
    const own = await context.newPage();
    await own.goto(`${named(app.url)}/admin/`);
    const mine = await own.evaluate(async (body) => {
      const r = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      return r.text();
    }, USERS);
    expect(mine).to.include('"role":"ADMIN"');
    await own.close();

    const lenient = await app.sibling({ CORS_ORIGINS: attackerOrigin });
    const { readWithHeader } = await attack(context, attackerOrigin, named(lenient.url));
    expect(readWithHeader).to.match(/^read 200: .*"role":"ADMIN"/);
    await lenient.close();
  });
});
