import { Types, trusted } from 'mongoose';
import { can } from '../../../../common/roles.js';
import { builder } from '../../graphql/builder.js';
import type { SessionUser } from '../../graphql/context.js';
import { invalidState, notFound } from '../../graphql/errors.js';
import { objectId, optionalText } from '../../graphql/inputs.js';
import { loadByIds } from '../../graphql/loaders.js';
import { pageArgs, pageType, paginate } from '../../graphql/pagination.js';
import { assertDepartment, canSeeDepartment, departmentFilter, requireUser } from '../accounts/access.js';
import { DepartmentRef } from '../departments/department.schema.js';
import { StaffRef } from '../staff/staff.schema.js';
import { WindowRef } from '../windows/window.schema.js';
import { RatingLevelEnum } from './public.schema.js';
import { RatingModel, type Rating } from './rating.model.js';
import { maskPhone } from '../../../../common/phone.js';

/** Contact details are for those who call the citizen back: managers and the department's liaison. */
export const mayCallBack = (user: SessionUser | null) => can(user?.role, 'callBack');

export const RatingRef = builder.loadableObjectRef<Rating, string>('Rating', { load: loadByIds<Rating>(RatingModel) });

RatingRef.implement({
  description: 'A citizen rating as staff see it (the rater stays anonymous)',
  authScopes: (r, ctx) => canSeeDepartment(ctx.user, r.department),
  fields: (t) => ({
    id: t.id({ resolve: (r) => String(r._id) }),
    level: t.field({ type: RatingLevelEnum, resolve: (r) => r.level }),
    negative: t.exposeBoolean('negative'),
    tags: t.exposeStringList('tags'),
    comment: t.exposeString('comment'),
    caseNumber: t.exposeString('caseNumber', { nullable: true }),
    callbackPhone: t.string({
      nullable: true,
      description: 'Full for managers and the department, masked (138****1234) for others',
      resolve: (r, _, ctx) => (mayCallBack(ctx.user) ? r.callbackPhone : maskPhone(r.callbackPhone)),
    }),
    window: t.field({ type: WindowRef, resolve: (r) => String(r.window) }),
    department: t.field({ type: DepartmentRef, resolve: (r) => String(r.department) }),
    staff: t.field({ type: StaffRef, nullable: true, resolve: (r) => (r.staff ? String(r.staff) : null) }),
    createdAt: t.field({ type: 'DateTime', resolve: (r) => r.createdAt }),
    suspect: t.exposeBoolean('suspect'),
    suspectReason: t.exposeString('suspectReason', { nullable: true }),
    excluded: t.exposeBoolean('excluded'),
    counted: t.exposeBoolean('counted'),
  }),
});

const RatingPage = pageType<Rating>('RatingPage', RatingRef);

builder.queryFields((t) => ({
  ratings: t.field({
    type: RatingPage,
    description: 'Ratings, newest first',
    authScopes: { can: 'readRatings' },
    args: {
      departmentId: t.arg.id({ validate: objectId }),
      windowId: t.arg.id({ validate: objectId }),
      staffId: t.arg.id({ validate: objectId }),
      level: t.arg({ type: RatingLevelEnum }),
      suspect: t.arg.boolean(),
      from: t.arg({ type: 'DateTime' }),
      to: t.arg({ type: 'DateTime' }),
      ...pageArgs(t.arg),
    },
    resolve: (_, a, ctx) => {
      const id = (v: string | null | undefined) => (v ? new Types.ObjectId(v) : undefined);
      const range = { ...(a.from ? { $gte: a.from } : {}), ...(a.to ? { $lt: a.to } : {}) };
      const filter = Object.fromEntries(
        Object.entries({
          department: id(a.departmentId),
          ...departmentFilter(ctx.user),
          window: id(a.windowId),
          staff: id(a.staffId),
          level: a.level ?? undefined,
          suspect: a.suspect ?? undefined,
          createdAt: a.from || a.to ? trusted(range) : undefined,
        }).filter(([, v]) => v !== undefined),
      );
      return paginate<Rating>(RatingModel, filter, { createdAt: -1 }, a.page, a.pageSize);
    },
  }),
}));

builder.mutationField('reviewSuspectRating', (t) =>
  t.field({
    type: RatingRef,
    description: 'After review, count a suspect rating after all (genuine) or keep it out (misuse)',
    authScopes: { can: 'reviewSuspectRatings' },
    args: {
      id: t.arg.id({ required: true, validate: objectId }),
      genuine: t.arg.boolean({ required: true }),
      note: t.arg.string({ validate: optionalText(200) }),
    },
    resolve: async (_, a, ctx) => {
      const r = await RatingModel.findById(String(a.id)).lean<Rating>();
      if (!r) throw notFound('Rating');
      assertDepartment(requireUser(ctx.user), r.department);
      if (!r.suspect) throw invalidState('Only ratings flagged as suspect are reviewed');
      const reason = a.genuine
        ? null
        : `${r.suspectReason ?? 'suspect'}; confirmed as misuse${a.note ? `: ${a.note}` : ''}`;
      const doc = await RatingModel.findByIdAndUpdate(
        r._id,
        { suspect: !a.genuine, suspectReason: reason, counted: a.genuine && !r.excluded },
        { new: true },
      ).lean<Rating>();
      return doc!;
    },
  }),
);
