import { isBad, RATING_LEVEL_LABELS, RATING_LEVELS, type RatingLevel } from '../../../../common/ratings.js';
import { builder } from '../../graphql/builder.js';
import { publicWindow, type PublicWindow as PublicWindowShape } from './public.service.js';
import { qrSignature, submitRatingInput, windowCode } from './rating.inputs.js';
import type { RatingSettings } from './rating.settings.js';
import { submitRating, type SubmitRatingResult } from './submit.service.js';
import { answerSteeringQuestion } from './steering.service.js';
import { issueTicket } from './ticket.service.js';

// What the citizen's rating page may see and do, without logging in (names fixed in API.md).

export const RatingLevelEnum = builder.enumType('RatingLevel', {
  values: Object.fromEntries(
    RATING_LEVELS.map((l) => [l, { description: `${RATING_LEVEL_LABELS[l].zh}${isBad(l) ? ' (差评)' : ''}` }]),
  ) as Record<RatingLevel, { description: string }>,
});

type Tag = RatingSettings['negativeTags'][number];
const TagRef = builder.objectRef<Tag>('RatingTag').implement({
  fields: (t) => ({ code: t.exposeString('code'), zh: t.exposeString('zh'), en: t.exposeString('en') }),
});

const PublicStaff = builder.objectRef<PublicWindowShape['onDuty'][number]>('PublicStaff').implement({
  description: 'A staff member as the citizen sees them: name and badge number, as worn at the window',
  fields: (t) => ({
    name: t.exposeString('name'),
    staffNo: t.exposeString('staffNo'),
    title: t.exposeString('title'),
    photoUrl: t.exposeString('photoUrl', { nullable: true }),
  }),
});

const PublicWindow = builder.objectRef<PublicWindowShape>('PublicWindow').implement({
  fields: (t) => ({
    code: t.string({ resolve: (p) => p.window.code }),
    zone: t.string({ resolve: (p) => p.window.zone }),
    number: t.int({ resolve: (p) => p.window.number }),
    name: t.string({ resolve: (p) => p.window.name }),
    departmentName: t.string({ resolve: (p) => p.department.name }),
    onDuty: t.field({ type: [PublicStaff], resolve: (p) => p.onDuty }),
    negativeTags: t.field({ type: [TagRef], resolve: (p) => p.settings.negativeTags }),
    positiveTags: t.field({ type: [TagRef], resolve: (p) => p.settings.positiveTags }),
    followUpDays: t.int({ resolve: (p) => p.settings.followUpDays }),
  }),
});

const RatingTicket = builder.objectRef<{ ticket: string; expiresAt: Date }>('RatingTicket').implement({
  fields: (t) => ({
    ticket: t.exposeString('ticket'),
    expiresAt: t.field({ type: 'DateTime', resolve: (r) => r.expiresAt }),
  }),
});

const SubmitRatingResultRef = builder.objectRef<SubmitRatingResult>('SubmitRatingResult').implement({
  fields: (t) => ({
    accepted: t.exposeBoolean('accepted'),
    replayed: t.exposeBoolean('replayed', { description: 'A resend of a submission already stored' }),
    negative: t.exposeBoolean('negative'),
    followUpDays: t.exposeInt('followUpDays', {
      nullable: true,
      description: 'Working days to follow up a bad rating',
    }),
    trackingCode: t.exposeString('trackingCode', {
      nullable: true,
      description: "A bad rating's code (PJ-…) to follow its fix at /p/fix/<code>",
    }),
    askSteering: t.exposeBoolean('askSteering', {
      description: 'Ask 工作人员是否要求您给好评？ now (answerSteeringQuestion)',
    }),
  }),
});

const SubmitRatingInput = builder
  .inputType('SubmitRatingInput', {
    fields: (t) => ({
      ticket: t.string({ required: true }),
      level: t.field({ type: RatingLevelEnum, required: true }),
      tags: t.stringList(),
      comment: t.string(),
      caseNumber: t.string({ description: '办件编号; each case can be rated once' }),
      callbackPhone: t.string({ description: 'Optional, after a bad rating, for the call back' }),
      clientKey: t.string({
        required: true,
        description: 'A UUID made once per submission; resending it stores nothing new',
      }),
    }),
  })
  .validate(submitRatingInput);

builder.queryField('publicWindow', (t) =>
  t.field({
    type: PublicWindow,
    nullable: true,
    description: 'What the rating page shows: the window, its department, the staff on duty, the tag options',
    args: { code: t.arg.string({ required: true, validate: windowCode }) },
    resolve: (_, a) => publicWindow(a.code),
  }),
);

builder.mutationFields((t) => ({
  issueRatingTicket: t.field({
    type: RatingTicket,
    description: "Exchanges the QR code's signature for a single-use ticket to rate this window once",
    args: {
      code: t.arg.string({ required: true, validate: windowCode }),
      sig: t.arg.string({ required: true, validate: qrSignature }),
    },
    resolve: (_, a, ctx) => issueTicket(ctx, a.code, a.sig),
  }),
  submitRating: t.field({
    type: SubmitRatingResultRef,
    args: { input: t.arg({ type: SubmitRatingInput, required: true }) },
    resolve: (_, { input }, ctx) => submitRating(ctx, input),
  }),
  answerSteeringQuestion: t.boolean({
    description:
      'After a good rating: did the staff ask for it? Answered once, by the rating’s clientKey, within 30 minutes',
    args: {
      clientKey: t.arg.string({ required: true, validate: submitRatingInput.shape.clientKey }),
      staffAsked: t.arg.boolean({ required: true }),
    },
    resolve: (_, a) => answerSteeringQuestion(a.clientKey, a.staffAsked),
  }),
}));
