import { z } from 'zod';
import { builder } from '../../graphql/builder.js';
import { windowCode } from '../ratings/rating.inputs.js';
import type { Fix } from './fix-board.model.js';
import { BadRatingClassEnum } from './follow-up.schema.js';
import type { BadRatingClass } from './follow-up.model.js';
import { FIX_STAGES, fixStatus, recentFixes, type PublicFix } from './fix-public.service.js';

// The citizen's view of bad ratings being fixed (no login): see fix-public.service.ts.

const StageEnum = builder.enumType('RatingFixStage', {
  description: 'Received (being verified), verified (being rectified), rectified, called back, closed, or excluded',
  values: FIX_STAGES,
});

const StepRef = builder.objectRef<PublicFix['steps'][number]>('RatingFixStep').implement({
  fields: (t) => ({
    stage: t.field({ type: StageEnum, resolve: (s) => s.stage }),
    at: t.field({ type: 'DateTime', resolve: (s) => s.at }),
  }),
});

const StatusRef = builder.objectRef<PublicFix>('RatingFixStatus').implement({
  description: "A bad rating's follow-up as the public sees it: progress and result, nothing personal",
  fields: (t) => ({
    trackingCode: t.exposeString('trackingCode'),
    stage: t.field({ type: StageEnum, resolve: (f) => f.stage }),
    windowCode: t.exposeString('windowCode'),
    windowName: t.exposeString('windowName'),
    ratedAt: t.field({ type: 'DateTime', resolve: (f) => f.ratedAt }),
    dueAt: t.field({ type: 'DateTime', resolve: (f) => f.dueAt }),
    rounds: t.exposeInt('rounds', { description: 'Rectification rounds so far' }),
    steps: t.field({ type: [StepRef], description: 'Oldest first', resolve: (f) => f.steps }),
    category: t.field({
      type: BadRatingClassEnum,
      nullable: true,
      resolve: (f) => f.category ?? null,
    }),
    result: t.exposeString('result', { nullable: true, description: 'What was done, once closed' }),
    closedAt: t.field({ type: 'DateTime', nullable: true, resolve: (f) => f.closedAt ?? null }),
  }),
});

const SaidRef = builder.objectRef<Fix['said'][number]>('RatingFixSaid').implement({
  fields: (t) => ({ zh: t.exposeString('zh'), en: t.exposeString('en') }),
});

const FixRef = builder.objectRef<Fix>('RatingFix').implement({
  description: '您说，我们改: one bad rating fixed, anonymised',
  fields: (t) => ({
    at: t.field({ type: 'DateTime', description: 'Closed at', resolve: (f) => f.at }),
    windowCode: t.exposeString('windowCode'),
    windowName: t.exposeString('windowName'),
    departmentName: t.exposeString('departmentName'),
    said: t.field({ type: [SaidRef], description: 'The reasons the citizen picked', resolve: (f) => f.said }),
    category: t.field({
      type: BadRatingClassEnum,
      nullable: true,
      resolve: (f) => (f.category as BadRatingClass | null) ?? null,
    }),
    done: t.exposeString('done', { description: 'What was done' }),
  }),
});

const code = z.string().trim().min(1).max(40);

builder.queryFields((t) => ({
  ratingFixStatus: t.field({
    type: StatusRef,
    nullable: true,
    description: "A bad rating's follow-up by the code on the thanks screen (PJ-…); null for an unknown code",
    args: { code: t.arg.string({ required: true, validate: code }) },
    resolve: (_, a, ctx) => fixStatus(ctx, a.code),
  }),
  ratingFixes: t.field({
    type: [FixRef],
    description: '您说，我们改: recent bad ratings fixed, newest first; of one window, or of the centre',
    args: { windowCode: t.arg.string({ validate: windowCode.nullish() }) },
    resolve: (_, a) => recentFixes(a.windowCode ?? null),
  }),
}));
