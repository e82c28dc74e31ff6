import { CHANNEL_NAMES, RATING_CHANNELS, type RatingChannel } from '../../../../common/channels.js';
import { can } from '../../../../common/roles.js';
import { builder } from '../../graphql/builder.js';
import type { SessionUser } from '../../graphql/context.js';
import { loadByIds, refKey } from '../../graphql/loaders.js';
import { pageArgs, pageType } from '../../graphql/pagination.js';
import { canSeeDepartment, requireUser } from '../accounts/access.js';
import { DepartmentRef } from '../departments/department.schema.js';
import { ServiceItemRef } from '../service-items/service-item.schema.js';
import { StaffRef } from '../staff/staff.schema.js';
import { WindowRef } from '../windows/window.schema.js';
import { RatingLevelEnum } from './public.schema.js';
import { ratingFilter, suspectReview } from './rating.inputs.js';
import { RatingModel, type Rating } from './rating.model.js';
import * as service from './rating.service.js';
import { maskPhone } from '../../../../common/phone.js';

/** Contact details are for those who call the citizen back: managers and the department's liaison. */
export const mayCallBack = (user: SessionUser | null) => can(user?.role, 'callBack');

/** 评价渠道 (GB/T 39046-2020 table 9). */
export const RatingChannelEnum = builder.enumType('RatingChannel', {
  values: Object.fromEntries(RATING_CHANNELS.map((c) => [c, { description: CHANNEL_NAMES[c] }])) as Record<
    RatingChannel,
    { description: string }
  >,
});

export const RatingRef = builder.loadableObjectRef<Rating, string>('Rating', { load: loadByIds<Rating>(RatingModel) });

RatingRef.implement({
  description: 'A citizen rating as staff see it (the rater stays anonymous)',
  authScopes: (r, ctx) => canSeeDepartment(ctx.user, r.department),
  fields: (t) => ({
    id: t.exposeID('_id'),
    level: t.field({ type: RatingLevelEnum, resolve: (r) => r.level }),
    negative: t.exposeBoolean('negative'),
    tags: t.exposeStringList('tags'),
    comment: t.exposeString('comment'),
    caseNumber: t.exposeString('caseNumber', { nullable: true }),
    channel: t.field({ type: RatingChannelEnum, resolve: (r) => r.channel }),
    servedCase: t.exposeString('servedCase', {
      nullable: true,
      description: 'The case (办件编号) the centre knows this rating is bound to; null if unbound',
    }),
    serviceItem: t.field({ type: ServiceItemRef, nullable: true, resolve: (r) => refKey(r.serviceItem) }),
    staffAskedForGood: t.exposeBoolean('staffAskedForGood', {
      nullable: true,
      description: 'After a good rating: the answer to 工作人员是否要求您给好评？ (null: not asked or not answered)',
    }),
    callbackPhone: t.string({
      nullable: true,
      description: 'Full for managers and the department, masked (138****1234) for others',
      resolve: (r, _, ctx) => (mayCallBack(ctx.user) ? r.callbackPhone : maskPhone(r.callbackPhone)),
    }),
    window: t.field({ type: WindowRef, resolve: (r) => refKey(r.window) }),
    department: t.field({ type: DepartmentRef, resolve: (r) => refKey(r.department) }),
    staff: t.field({ type: StaffRef, nullable: true, resolve: (r) => refKey(r.staff) }),
    createdAt: t.field({ type: 'DateTime', resolve: (r) => r.createdAt }),
    suspect: t.exposeBoolean('suspect'),
    suspectReason: t.exposeString('suspectReason', { nullable: true }),
    excluded: t.exposeBoolean('excluded'),
    excludedReason: t.exposeString('excludedReason', { nullable: true }),
    reviewedAt: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.reviewedAt ?? null }),
    counted: t.exposeBoolean('counted'),
  }),
});

const RatingPage = pageType<Rating>('RatingPage', RatingRef);

const { shape } = ratingFilter;

builder.queryFields((t) => ({
  ratings: t.field({
    type: RatingPage,
    description: 'Ratings, newest first',
    authScopes: { can: 'readRatings' },
    args: {
      departmentId: t.arg.id({ validate: shape.departmentId }),
      windowId: t.arg.id({ validate: shape.windowId }),
      staffId: t.arg.id({ validate: shape.staffId }),
      level: t.arg({ type: RatingLevelEnum }),
      suspect: t.arg.boolean(),
      from: t.arg({ type: 'DateTime' }),
      to: t.arg({ type: 'DateTime' }),
      ...pageArgs(t.arg),
    },
    resolve: (_, a, ctx) => service.pageRatings(ctx.user, a, a.page, a.pageSize),
  }),
}));

builder.mutationField('reviewSuspectRating', (t) =>
  t.field({
    type: RatingRef,
    description: 'After review, count a suspect rating after all (genuine) or keep it out (misuse)',
    authScopes: { can: 'reviewSuspectRatings' },
    args: {
      id: t.arg.id({ required: true, validate: suspectReview.shape.id }),
      genuine: t.arg.boolean({ required: true }),
      note: t.arg.string({ validate: suspectReview.shape.note }),
    },
    resolve: (_, a, ctx) => service.reviewSuspect(requireUser(ctx.user), a),
  }),
);
