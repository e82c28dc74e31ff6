// `npm run bench`: the platform's performance figures, each as a ratio against a baseline measured
// in the same run on the same server, so they compare across machines. Prints them and rewrites
// docs/benchmarks.md.
import { cpus, totalmem } from 'node:os';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import '../../server/src/graphql/schema.js';
import { connectDb, disconnectDb } from '../../server/src/db.js';
import { migrate } from '../../server/src/migrations.js';
import { citizenBundleSize } from '../bundle-size.js';
import { startLocalDb } from '../db.js';
import { buildWebIfStale } from '../web-build.js';
import { benchBulletin, type BulletinBench } from './bulletin.js';
import { fmt } from './load.js';
import { benchRatings } from './rating.js';

const OPS = Number(process.env.BENCH_OPS ?? 3000);
const BULLETIN_RATINGS = Number(process.env.BENCH_BULLETIN_RATINGS ?? 1_000_000);

// First, while the process is fresh, so its peak memory is the bulletin's.
console.log(`[bench] bulletin generation over ${BULLETIN_RATINGS} ratings (inserting them takes a while)...`);
const bulletin = await benchBulletin(BULLETIN_RATINGS, (m) => console.log(`[bench] ${m}`));
console.log(
  `bulletin: generate ${bulletin.generateMs.toFixed(0)} ms, one raw aggregation ${bulletin.rawAggregationMs.toFixed(0)} ms, ` +
    `ratio ${bulletin.ratio.toFixed(2)} (target ≤ 3), peak RSS ${bulletin.peakRssMb.toFixed(0)} MB`,
);

const CONCURRENCY = (process.env.BENCH_CONCURRENCY ?? '50,200').split(',').map(Number);

const db = await startLocalDb({ log: (m) => console.log(`[bench] ${m}`) });
await connectDb(db.uri, { dbName: `bench_${Date.now()}` });
await migrate();
console.log(`[bench] rating submissions: ${OPS} per run, concurrency ${CONCURRENCY.join(' and ')}`);
const ratings = await benchRatings(CONCURRENCY, OPS);
for (const r of ratings) {
  console.log(`\nconcurrency ${r.concurrency}`);
  console.log(`  submitRating (HTTP)  ${fmt(r.submit)}`);
  console.log(`  raw insertOne        ${fmt(r.rawInsert)}`);
  console.log(`  trivial query (HTTP) ${fmt(r.trivialQuery)}`);
  console.log(
    `  ratio submitRating / insertOne     ${(r.submit.throughput / r.rawInsert.throughput).toFixed(2)}  (target ≥ 0.5)`,
  );
  console.log(`  ratio submitRating / trivial query ${(r.submit.throughput / r.trivialQuery.throughput).toFixed(2)}`);
}
await import('mongoose').then((m) => m.default.connection.dropDatabase());
await disconnectDb();
await db.stop();

await buildWebIfStale((m) => console.log(`[bench] ${m}`));
const bundle = citizenBundleSize('rate');
const kb = (n: number) => (n / 1024).toFixed(1);
console.log(
  `\ncitizen bundle (gzip, JS+CSS): rating page ${kb(bundle.page!)} KB (target ≤ 60), entry ${kb(bundle.entry)} KB, every citizen page ${kb(bundle.all)} KB`,
);

writeBenchmarksDoc({ engine: db.engine, ratings, bundle, bulletin });

function writeBenchmarksDoc(r: {
  engine: string;
  ratings: Awaited<ReturnType<typeof benchRatings>>;
  bundle: ReturnType<typeof citizenBundleSize>;
  bulletin: BulletinBench;
}) {
  const row = (name: string, x: (typeof r.ratings)[number]['submit']) =>
    `| ${name} | ${x.throughput.toFixed(0)} | ${x.p50.toFixed(1)} | ${x.p99.toFixed(1)} | ${x.errors} |`;
  const sections = r.ratings.map(
    (b) => `### Concurrency ${b.concurrency} (${b.submit.ops} operations each)

| operation | ops/s | p50 ms | p99 ms | errors |
|---|---|---|---|---|
${row('`submitRating` over HTTP', b.submit)}
${row('raw driver `insertOne`', b.rawInsert)}
${row('trivial GraphQL query over HTTP', b.trivialQuery)}

- submitRating / insertOne: **${(b.submit.throughput / b.rawInsert.throughput).toFixed(2)}** (target ≥ 0.5)
- submitRating / trivial query: **${(b.submit.throughput / b.trivialQuery.throughput).toFixed(2)}**`,
  );
  const text = `# Benchmarks

Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} CPU cores (${cpus()[0]?.model ?? 'unknown'}),
${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node.js ${process.version}, database engine: ${r.engine}. The load generator, the app and
the database share the machine. Each figure is a ratio against a baseline measured in the same run, on
the same server: absolute numbers depend on the machine, the ratios much less.

Rerun: \`npm run bench\` (env \`BENCH_OPS\`, \`BENCH_CONCURRENCY=50,200\`, \`MONGODB_URI\` to use a real MongoDB).
The file is rewritten by every run.

## Rating submissions

Each \`submitRating\` is a full accepted rating: a resend check, the per-address counter, the atomic
ticket consumption, the burst counter and the insert, plus a follow-up and alert evaluation for the
one in ten that is bad. Tickets are issued beforehand (a citizen's scan), outside the timing. The
baselines: a raw driver \`insertOne\` of a rating-shaped document into the same server, and the
cheapest GraphQL request (\`{ __typename }\`) through the same HTTP stack.

${sections.join('\n\n')}

### Reading the ratios

The target of 0.5 for submitRating against a raw \`insertOne\` is not met, and cannot be on this stack
as measured here: the cheapest possible request through the same HTTP and GraphQL stack — no
database work at all — reaches only **${(r.ratings[0]!.trivialQuery.throughput / r.ratings[0]!.rawInsert.throughput).toFixed(2)}** of the raw insert rate at concurrency
${r.ratings[0]!.concurrency}: an HTTP request with parsing, CSRF and armor checks, context and a JSON answer costs
Node several times what handing one document to the driver does, and the load generator shares
the same two cores. Against that floor, an accepted rating — three atomic counter/ticket updates run
in parallel, then a validated insert, a follow-up and alert check for bad ones, a signed cookie —
costs about **${(r.ratings[0]!.trivialQuery.throughput / r.ratings[0]!.submit.throughput).toFixed(1)}** trivial requests. In absolute terms one instance takes ~${Math.round(r.ratings[0]!.submit.throughput)}
ratings a second on this machine; the reference center receives a few hundred a day.

## Bulletin generation

Generating a bimonthly bulletin (every figure per department, window and staff member: ratings,
follow-ups, complaints, violations, attendance, cases; scores, ranks, smile-star candidates;
stored as a snapshot) over **${r.bulletin.ratings.toLocaleString('en')} ratings across ${r.bulletin.windows} windows**,
against one raw \`$group\` aggregation (counts by window and level) over the same ratings:

| | ms |
|---|---|
| generate the bulletin | ${r.bulletin.generateMs.toFixed(0)} |
| one raw aggregation | ${r.bulletin.rawAggregationMs.toFixed(0)} |

- ratio: **${r.bulletin.ratio.toFixed(2)}×** (target ≤ 3×)
- peak memory (RSS) of the process: **${r.bulletin.peakRssMb.toFixed(0)} MB** — the figures are aggregated in the
  database; Node holds only one row per department, window and staff member.

## Citizen bundle

What a phone downloads to rate a window (gzip, JS+CSS, both languages): **${kb(r.bundle.page!)} KB** (target ≤ 60 KB).
The citizen entry alone is ${kb(r.bundle.entry)} KB; every citizen page together ${kb(r.bundle.all)} KB.
`;
  writeFileSync(path.resolve(import.meta.dirname, '..', '..', 'docs', 'benchmarks.md'), text);
  console.log('\nwritten to docs/benchmarks.md');
}
