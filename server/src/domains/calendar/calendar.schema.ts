import { z } from 'zod';
import { builder } from '../../graphql/builder.js';
import { localDay, optionalText } from '../../graphql/inputs.js';
import type { CalendarDay } from './calendar.model.js';
import * as calendar from './calendar.service.js';

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

const CalendarStatusRef = builder
  .objectRef<Awaited<ReturnType<typeof calendar.calendarStatus>>>('CalendarStatus')
  .implement({
    description: 'Whether the holiday calendar covers this year and next (deadlines past it ignore holidays)',
    fields: (t) => ({
      today: t.exposeString('today', { description: "The centre's local date" }),
      missing: t.exposeIntList('missing', { description: 'This year and/or next year, when they hold no holiday' }),
      warn: t.exposeBoolean('warn', {
        description: 'True when admins should act now: this year is missing, or next year is from November on',
      }),
      importable: t.exposeIntList('importable', {
        description: 'Missing years the chinese-days package has a schedule for (importHolidays adds them)',
      }),
    }),
  });

const year = z.number().int().min(2000).max(2100);

builder.queryFields((t) => ({
  calendarStatus: t.field({
    type: CalendarStatusRef,
    authScopes: { can: 'editCalendar' },
    resolve: () => calendar.calendarStatus(),
  }),
  calendarDays: t.field({
    type: [CalendarDayRef],
    authScopes: { can: 'viewRegistry' },
    args: { year: t.arg.int({ required: true, validate: year }) },
    resolve: (_, a) => calendar.listDays(a.year),
  }),
  workingDeadline: t.field({
    type: 'DateTime',
    description: 'The end of the n-th working day after `from` (a preview of how deadlines fall)',
    authScopes: { can: 'viewRegistry' },
    args: {
      from: t.arg({ type: 'DateTime', required: true }),
      days: t.arg.int({ required: true, validate: z.number().int().min(0).max(60) }),
    },
    resolve: (_, a) => calendar.addWorkingDays(a.from, a.days),
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
    resolve: (_, a) => calendar.setDay(a.date, a.kind, a.name),
  }),
  removeCalendarDay: t.boolean({
    description: 'Back to the default (working on weekdays, off at weekends)',
    authScopes: { can: 'editCalendar' },
    args: { date: t.arg.string({ required: true, validate: localDay }) },
    resolve: (_, a) => calendar.removeDay(a.date),
  }),
  importHolidays: t.int({
    description:
      "Loads the State Council's holiday schedule (chinese-days) for the years; keeps admin edits. Answers the number of dates added (0: nothing new)",
    authScopes: { can: 'editCalendar' },
    args: {
      fromYear: t.arg.int({ required: true, validate: year }),
      toYear: t.arg.int({ required: true, validate: year }),
    },
    resolve: (_, a) => calendar.importChineseDays(a.fromYear, a.toYear),
  }),
}));
