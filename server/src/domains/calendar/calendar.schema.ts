import { trusted } from 'mongoose';
import { z } from 'zod';
import { builder } from '../../graphql/builder.js';
import { notFound } from '../../graphql/errors.js';
import { localDay, optionalText } from '../../graphql/inputs.js';
import { CalendarDayModel, type CalendarDay } from './calendar.model.js';
import { addWorkingDays, clearCalendarCache, importChineseDays } from './calendar.service.js';

const DayKind = builder.enumType('CalendarDayKind', {
  values: {
    HOLIDAY: { description: 'A day off that would otherwise be a working day (or part of a holiday)' },
    WORKDAY: { description: 'A weekend day made a working day (调休)' },
  },
});

const CalendarDayRef = builder.objectRef<CalendarDay>('CalendarDay').implement({
  description: 'An exception to Monday–Friday working days',
  fields: (t) => ({
    date: t.string({ resolve: (d) => d._id }),
    kind: t.field({ type: DayKind, resolve: (d) => d.kind }),
    name: t.exposeString('name'),
    source: t.exposeString('source', { description: 'chinese-days (State Council schedule) or admin' }),
  }),
});

const year = z.number().int().min(2000).max(2100);

builder.queryFields((t) => ({
  calendarDays: t.field({
    type: [CalendarDayRef],
    authScopes: { can: 'viewRegistry' },
    args: { year: t.arg.int({ required: true, validate: year }) },
    resolve: (_, a) =>
      CalendarDayModel.find({ _id: trusted({ $gte: `${a.year}-01-01`, $lte: `${a.year}-12-31` }) })
        .sort({ _id: 1 })
        .lean<CalendarDay[]>(),
  }),
  workingDeadline: t.field({
    type: 'DateTime',
    description: 'The end of the n-th working day after `from` (a preview of how deadlines fall)',
    authScopes: { can: 'viewRegistry' },
    args: {
      from: t.arg({ type: 'DateTime', required: true }),
      days: t.arg.int({ required: true, validate: z.number().int().min(0).max(60) }),
    },
    resolve: (_, a) => addWorkingDays(a.from, a.days),
  }),
}));

builder.mutationFields((t) => ({
  setCalendarDay: t.field({
    type: CalendarDayRef,
    description: 'Marks a date as a holiday or a make-up working day (local closures, corrections)',
    authScopes: { can: 'editCalendar' },
    args: {
      date: t.arg.string({ required: true, validate: localDay }),
      kind: t.arg({ type: DayKind, required: true }),
      name: t.arg.string({ validate: optionalText(30) }),
    },
    resolve: async (_, a) => {
      const doc = await CalendarDayModel.findOneAndUpdate(
        { _id: a.date },
        { kind: a.kind, name: a.name ?? '', source: 'admin' },
        { upsert: true, new: true },
      ).lean<CalendarDay>();
      clearCalendarCache();
      return doc;
    },
  }),
  removeCalendarDay: t.boolean({
    description: 'Back to the default (working on weekdays, off at weekends)',
    authScopes: { can: 'editCalendar' },
    args: { date: t.arg.string({ required: true, validate: localDay }) },
    resolve: async (_, a) => {
      const res = await CalendarDayModel.deleteOne({ _id: a.date });
      if (!res.deletedCount) throw notFound('Calendar day');
      clearCalendarCache();
      return true;
    },
  }),
  importHolidays: t.int({
    description: "Loads the State Council's holiday schedule (chinese-days) for the years; keeps admin edits",
    authScopes: { can: 'editCalendar' },
    args: {
      fromYear: t.arg.int({ required: true, validate: year }),
      toYear: t.arg.int({ required: true, validate: year }),
    },
    resolve: (_, a) => importChineseDays(a.fromYear, a.toYear),
  }),
}));
