// submitRating over HTTP against raw driver inserts into the same server, and against a trivial
// GraphQL query on the same app, at the same concurrency, in one run. The ratios are the figures:
// they hold on any machine, where absolute numbers do not.
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import mongoose from 'mongoose';
import { createApp } from '../../server/src/app.js';
import { loadConfig } from '../../server/src/config.js';
import { DepartmentModel } from '../../server/src/domains/departments/department.model.js';
import { ratingSettings } from '../../server/src/domains/ratings/rating.settings.js';
import { signWindow } from '../../server/src/domains/windows/qr.js';
import { WindowModel } from '../../server/src/domains/windows/window.model.js';
import { createLogger } from '../../server/src/lib/logger.js';
import { periodKeys } from '../../common/periods.js';
import { runLoad, type LoadResult } from './load.js';

const WINDOWS = 200;
const LEVELS = [
  'VERY_SATISFIED',
  'VERY_SATISFIED',
  'SATISFIED',
  'SATISFIED',
  'BASIC',
  'SATISFIED',
  'VERY_SATISFIED',
  'SATISFIED',
  'VERY_SATISFIED',
  'DISSATISFIED',
];

export interface RatingBench {
  concurrency: number;
  submit: LoadResult;
  rawInsert: LoadResult;
  trivialQuery: LoadResult;
}

async function gql(base: string, query: string, variables?: object) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wfp-csrf': '1' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: Record<string, { ticket?: string } | undefined>; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 200));
  return body.data!;
}

/** Requires a connected mongoose (the caller's database is used and dropped). */
export async function benchRatings(concurrencies: number[], opsPerRun: number): Promise<RatingBench[]> {
  const config = loadConfig({
    NODE_ENV: 'production',
    MONGODB_URI: 'mongodb://bench',
    SESSION_SECRET: 'b'.repeat(32),
    PUBLIC_BASE_URL: 'http://localhost',
    LOG_LEVEL: 'silent',
    SERVE_WEB: 'false',
  });
  const { app } = await createApp({ config, logger: createLogger('silent') });
  const server: Server = await new Promise((r) => {
    const s = app.listen(0, '127.0.0.1', () => r(s));
  });
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

  const dept = await DepartmentModel.create({ code: 'BENCH', name: '基准测试局', shortName: '基准' });
  const windows = await WindowModel.insertMany(
    Array.from({ length: WINDOWS }, (_, i) => ({
      code: `W${String(i).padStart(3, '0')}`,
      zone: 'W',
      number: i + 1,
      name: `窗口${i}`,
      department: dept._id,
    })),
  );
  // Measure the whole path of an accepted rating, not the refusals: lift the abuse limits.
  await ratingSettings.update(
    { ipLimitPerHour: 1_000_000, ticketsPerIpHour: 1_000_000, burstCount: 100, cooldownMinutes: 0 },
    null,
  );
  const raw = mongoose.connection.db!.collection('bench_raw');

  const results: RatingBench[] = [];
  for (const concurrency of concurrencies) {
    // Tickets are what a scan gets; issued beforehand, outside the measured run.
    const tickets: string[] = [];
    await runLoad(opsPerRun, 50, async (i) => {
      const w = windows[i % WINDOWS]!;
      const d = await gql(
        base,
        'mutation($c: String!, $s: String!) { issueRatingTicket(code: $c, sig: $s) { ticket } }',
        {
          c: w.code,
          s: signWindow(config.qrKeys, w.code, 1),
        },
      );
      tickets[i] = d.issueRatingTicket?.ticket ?? '';
    });
    if (tickets.filter(Boolean).length !== opsPerRun) throw new Error('not every ticket was issued');
    const submit = await runLoad(opsPerRun, concurrency, async (i) => {
      await gql(base, 'mutation($input: SubmitRatingInput!) { submitRating(input: $input) { accepted } }', {
        input: { ticket: tickets[i], level: LEVELS[i % LEVELS.length], clientKey: randomUUID() },
      });
    });
    const rawInsert = await runLoad(opsPerRun, concurrency, async (i) => {
      const w = windows[i % WINDOWS]!;
      const now = new Date();
      await raw.insertOne({
        clientKey: randomUUID(),
        window: w._id,
        department: dept._id,
        level: LEVELS[i % LEVELS.length],
        createdAt: now,
        ...periodKeys(now),
        counted: true,
      });
    });
    const trivialQuery = await runLoad(opsPerRun, concurrency, async () => {
      await gql(base, '{ __typename }');
    });
    results.push({ concurrency, submit, rawInsert, trivialQuery });
  }
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  return results;
}
