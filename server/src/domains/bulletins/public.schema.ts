import { z } from 'zod';
import { builder } from '../../graphql/builder.js';
import type { Bulletin } from './bulletin.model.js';
import { publishedBulletin, publishedPeriods, smileStars } from './bulletin.query.js';
import { BulletinGrade, PeriodRef } from './bulletin.types.js';

// What the public page shows of a published bulletin: the center's totals, the department
// ranking and the smile stars (named by design). No windows' or other staff's figures.

type Row = Bulletin['snapshot']['departments'][number];
type Star = ReturnType<typeof smileStars>[number];

const PublicRank = builder.objectRef<Row>('PublicBulletinRank').implement({
  fields: (t) => ({
    departmentName: t.exposeString('departmentName'),
    score: t.exposeFloat('score', { nullable: true }),
    grade: t.field({ type: BulletinGrade, nullable: true, resolve: (r) => r.grade }),
    rank: t.exposeInt('rank', { nullable: true }),
    rankChange: t.exposeInt('rankChange', { nullable: true }),
    ratings: t.exposeInt('ratings'),
    goodRate: t.exposeFloat('goodRate', { nullable: true }),
  }),
});

const PublicStar = builder.objectRef<Star>('PublicSmileStar').implement({
  fields: (t) => ({
    name: t.string({ resolve: (s) => s.staffName ?? '' }),
    departmentName: t.exposeString('departmentName'),
    ratings: t.exposeInt('ratings'),
    goodRate: t.exposeFloat('goodRate', { nullable: true }),
  }),
});

const PublicTotals = builder.objectRef<Bulletin['snapshot']['center']>('PublicBulletinTotals').implement({
  fields: (t) => ({
    ratings: t.exposeInt('ratings'),
    goodRate: t.exposeFloat('goodRate', { nullable: true }),
    closureRate: t.exposeFloat('closureRate', { nullable: true, description: '差评整改率' }),
    complaints: t.exposeInt('complaints'),
    replyOnTimeRate: t.exposeFloat('replyOnTimeRate', { nullable: true }),
    violations: t.exposeInt('violations'),
    attendanceRate: t.exposeFloat('attendanceRate', { nullable: true }),
    accepted: t.exposeInt('accepted'),
    completed: t.exposeInt('completed'),
    completionRate: t.exposeFloat('completionRate', { nullable: true }),
  }),
});

const PublicBulletin = builder.objectRef<Bulletin>('PublicBulletin').implement({
  fields: (t) => ({
    number: t.exposeString('number'),
    title: t.exposeString('title'),
    period: t.field({ type: PeriodRef, resolve: (b) => b.period }),
    publishedAt: t.field({ type: 'DateTime', resolve: (b) => b.publishedAt! }),
    totals: t.field({ type: PublicTotals, resolve: (b) => b.snapshot.center }),
    departments: t.field({ type: [PublicRank], resolve: (b) => b.snapshot.departments }),
    smileStars: t.field({ type: [PublicStar], resolve: (b) => smileStars(b) }),
  }),
});

const PublishedPeriod = builder
  .objectRef<Awaited<ReturnType<typeof publishedPeriods>>[number]>('PublishedBulletinPeriod')
  .implement({
    fields: (t) => ({ key: t.exposeString('key'), label: t.exposeString('label'), number: t.exposeString('number') }),
  });

builder.queryFields((t) => ({
  publicBulletin: t.field({
    type: PublicBulletin,
    nullable: true,
    description: 'The latest published bulletin, or the one of a period (key like 2026-B6); null when none',
    args: { period: t.arg.string({ validate: z.string().max(40) }) },
    resolve: (_, a) => publishedBulletin(a.period),
  }),
  publicBulletinPeriods: t.field({
    type: [PublishedPeriod],
    description: 'Published periods, newest first',
    resolve: () => publishedPeriods(),
  }),
}));
