import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { deliverDue, enqueue, registerChannel } from '../../server/src/lib/outbox/outbox.js';
import { OutboxModel } from '../../server/src/lib/outbox/outbox.model.js';
import { webhookChannel } from '../../server/src/lib/outbox/webhook.js';
import { openFollowUp } from '../../server/src/domains/follow-ups/follow-up.service.js';
import { FollowUpModel } from '../../server/src/domains/follow-ups/follow-up.model.js';
import { sweepFollowUpDeadlines } from '../../server/src/domains/follow-ups/follow-up.deadlines.js';
import { addWorkingDays } from '../../server/src/domains/calendar/calendar.service.js';
import { WEBHOOK_CHANNEL } from '../../server/src/domains/notifications/notification.service.js';
import { NotificationModel } from '../../server/src/domains/notifications/notification.model.js';
import { hasChinese } from '../../server/src/lib/messages.js';
import { notificationSettings } from '../../server/src/domains/notifications/notification.settings.js';
import { RatingModel, type Rating } from '../../server/src/domains/ratings/rating.model.js';
import { ratingSettings } from '../../server/src/domains/ratings/rating.settings.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import type { Client } from '../helpers/client.js';
import { makeDepartment, makeRating, makeWindow, staffClient } from '../helpers/fixtures.js';

// Notifications: in-app for each person once, and through the outbox to a signed webhook,
// retried across a receiver outage and delivered exactly once.
const SECRET = 'test-webhook-secret-0123456789';
const INBOX = '{ myNotifications { unread items { kind title link read } } }';

/** A real receiver: down (503) for the first `outage` requests of each event, then up; checks signatures. */
function receiver(outage: number) {
  const got: Array<{ status: number; eventId: string; valid: boolean; body: { data: { kind: string } } }> = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const sig = String(req.headers['x-wfp-signature'] ?? '');
      const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(sig) ?? [];
      const valid = !!t && createHmac('sha256', SECRET).update(`${t}.${raw}`).digest('hex') === v1;
      const eventId = String(req.headers['x-wfp-event-id']);
      const status = got.filter((g) => g.eventId === eventId).length < outage ? 503 : 200;
      got.push({ status, eventId, valid, body: JSON.parse(raw) });
      res.writeHead(status).end();
    });
  });
  return { got, server, listening: new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r())) };
}

describe('notifications and the outbox', () => {
  let app: TestApp;
  let dept: string;
  let win: string;
  let manager: Client;
  let liaison: Client;
  const rx = receiver(2);

  before(async () => {
    app = await startTestApp();
    await rx.listening;
    dept = await makeDepartment('NTF');
    win = await makeWindow('N01', dept);
    manager = await staffClient(app.url, 'MANAGER');
    liaison = await staffClient(app.url, 'DEPARTMENT', dept);
    const port = (rx.server.address() as AddressInfo).port;
    await notificationSettings.update({ webhookUrl: `http://127.0.0.1:${port}/hook`, webhookSecret: SECRET }, null);
    registerChannel(
      WEBHOOK_CHANNEL,
      webhookChannel(async () => {
        const s = await notificationSettings.get();
        return { url: s.webhookUrl, secret: s.webhookSecret };
      }),
    );
  });
  after(async () => {
    await notificationSettings.update({ webhookUrl: '', webhookSecret: '' }, null);
    rx.server.close();
    await app.close();
  });

  async function followUp() {
    const id = await makeRating({ window: win, department: dept, level: 'DISSATISFIED', at: new Date() });
    await openFollowUp((await RatingModel.findById(id).lean<Rating>())!, await ratingSettings.get());
    return String((await FollowUpModel.findOne({ rating: id }).lean())!._id);
  }

  it('tells the department of a new bad rating in-app, linking to the follow-up, once', async () => {
    const id = await followUp();
    // Opening it again (a resent rating) tells nobody twice.
    await openFollowUp(
      (await RatingModel.findById((await FollowUpModel.findById(id).lean())!.rating).lean<Rating>())!,
      await ratingSettings.get(),
    );
    const inbox = (await liaison.gql(INBOX)).data.myNotifications;
    const mine = inbox.items.filter((n: { link: string }) => n.link.endsWith(id));
    expect(mine).to.have.length(1);
    expect(mine[0]).to.include({ kind: 'FOLLOW_UP_ASSIGNED', read: false });
    const other = await staffClient(app.url, 'DEPARTMENT', await makeDepartment('NTX'));
    expect((await other.gql(INBOX)).data.myNotifications.items).to.deep.equal([]);
  });

  it('delivers a 催办 to the webhook exactly once across a receiver outage, with two workers', async () => {
    const id = await followUp();
    const told = await manager.gql('mutation($id: ID!) { remindFollowUp(id: $id, note: "请今日内处理") }', { id });
    expect(told.data.remindFollowUp).to.equal(1);
    const inspector = await staffClient(app.url, 'INSPECTOR');
    expect(await inspector.code('mutation($id: ID!) { remindFollowUp(id: $id) }', { id })).to.equal('FORBIDDEN');

    const message = (await OutboxModel.findOne({ eventKey: /^remind:followUp:/ }).lean())!;
    // Two workers (as two app instances would) race over the same due messages until it is delivered.
    const fast = { baseDelayMs: 0 };
    for (let i = 0; i < 10; i++) {
      await Promise.all([deliverDue('worker-a', fast), deliverDue('worker-b', fast)]);
      if ((await OutboxModel.findById(message._id).lean())!.state === 'DELIVERED') break;
    }
    const done = (await OutboxModel.findById(message._id).lean())!;
    expect(done).to.include({ state: 'DELIVERED', attempts: 3 });
    const forIt = rx.got.filter((g) => g.eventId === message.eventKey);
    expect(forIt.map((g) => g.status)).to.deep.equal([503, 503, 200]);
    expect(forIt.every((g) => g.valid)).to.equal(true);
    expect(forIt[2]!.body.data.kind).to.equal('REMINDER');
    // Nothing more goes out for it.
    await Promise.all([deliverDue('worker-a', fast), deliverDue('worker-b', fast)]);
    expect(rx.got.filter((g) => g.eventId === message.eventKey)).to.have.length(3);
  });

  it('tells of a deadline one working day ahead and once missed, and not of one far away', async () => {
    const [soon, missed, far] = [await followUp(), await followUp(), await followUp()];
    const horizon = await addWorkingDays(new Date(), 1);
    await FollowUpModel.updateOne({ _id: soon }, { dueAt: new Date(horizon.getTime() - 60_000) });
    await FollowUpModel.updateOne({ _id: missed }, { dueAt: new Date(Date.now() - 3_600_000) });
    await FollowUpModel.updateOne({ _id: far }, { dueAt: await addWorkingDays(new Date(), 10) });
    await sweepFollowUpDeadlines();
    await sweepFollowUpDeadlines(); // a second sweep (or instance) tells nobody again
    const items = (await liaison.gql(INBOX)).data.myNotifications.items as Array<{ kind: string; link: string }>;
    const kinds = (id: string) =>
      items
        .filter((n) => n.link.endsWith(id))
        .map((n) => n.kind)
        .sort();
    expect(kinds(soon)).to.deep.equal(['FOLLOW_UP_ASSIGNED', 'FOLLOW_UP_DUE']);
    expect(kinds(missed)).to.deep.equal(['FOLLOW_UP_ASSIGNED', 'FOLLOW_UP_OVERDUE']);
    expect(kinds(far)).to.deep.equal(['FOLLOW_UP_ASSIGNED']);
  });

  it('keeps one message per event key and gives up with the reason after the attempts (a reusable channel)', async () => {
    expect(await enqueue('test-feed', 'rating:1', { n: 1 })).to.equal(true);
    expect(await enqueue('test-feed', 'rating:1', { n: 2 })).to.equal(false);
    registerChannel('test-feed', {
      maxAttempts: 2,
      send: () => Promise.reject(new Error('省平台不可达')),
    });
    for (let i = 0; i < 3; i++) await deliverDue('worker-a', { baseDelayMs: 0 });
    const m = (await OutboxModel.findById('test-feed:rating:1').lean())!;
    expect(m).to.include({ state: 'FAILED', attempts: 2, lastError: '省平台不可达' });
    expect(m.payload).to.deep.equal({ n: 1 });
  });

  it('stores a key and params and gives each reader their language; older rows read as stored', async () => {
    const id = await followUp();
    await manager.gql('mutation($id: ID!) { remindFollowUp(id: $id, note: "今天下班前") }', { id });
    const stored = (await NotificationModel.findOne({ kind: 'REMINDER', link: `/admin/follow-ups?id=${id}` }).lean())!;
    expect(stored).to.deep.include({ titleKey: 'Reminder: follow-up of a bad rating', title: '' });
    expect(stored.params).to.include({ note: '今天下班前' });
    const read = async (headers: Record<string, string>) =>
      (
        (await liaison.gql(INBOX, {}, headers)).data.myNotifications.items as Array<{
          title: string;
          link: string;
        }>
      ).filter((n) => n.link.endsWith(id));
    const zh = (await liaison.gql('{ myNotifications { items { kind title body link } } }')).data.myNotifications
      .items as Array<{ kind: string; title: string; body: string; link: string }>;
    const reminder = zh.find((n) => n.kind === 'REMINDER' && n.link.endsWith(id))!;
    expect(reminder.title).to.equal('催办：差评整改');
    expect(reminder.body).to.match(/催办一条差评整改：今天下班前$/);
    const en = (
      await liaison.gql('{ myNotifications { items { kind title body link } } }', {}, { 'accept-language': 'en' })
    ).data.myNotifications.items as Array<{ kind: string; title: string; body: string; link: string }>;
    const inEnglish = en.find((n) => n.kind === 'REMINDER' && n.link.endsWith(id))!;
    expect(inEnglish.title).to.equal('Reminder: follow-up of a bad rating');
    expect(inEnglish.body).to.match(/ sent a reminder about a follow-up: 今天下班前$/);
    expect((await read({ 'accept-language': 'en' })).map((n) => n.title)).to.include('New bad rating to follow up');

    // A row stored before the keys (Chinese title and body) reads as it was stored, in both languages.
    const legacy = { ...stored, _id: `legacy:${stored._id}`, titleKey: '', bodyKey: '', params: {} };
    await NotificationModel.collection.insertOne({ ...legacy, title: '旧通知标题', body: '旧通知正文' } as never);
    for (const headers of [{}, { 'accept-language': 'en' }] as Array<Record<string, string>>) {
      const items = (await liaison.gql('{ myNotifications { items { id title body } } }', {}, headers)).data
        .myNotifications.items as Array<{ id: string; title: string; body: string }>;
      expect(items.find((n) => n.id === legacy._id)).to.include({ title: '旧通知标题', body: '旧通知正文' });
    }
  });

  it('has Chinese for every notification text the server raises', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
      );
    const keys = files('server/src').flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/\btext\(\s*'((?:[^'\\]|\\.)+)'/g)].map((m) => m[1]!),
    );
    expect(keys.length).to.be.greaterThan(10);
    expect(keys.filter((k) => !hasChinese(k))).to.deep.equal([]);
  });
});
