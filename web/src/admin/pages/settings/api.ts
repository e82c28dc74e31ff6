import { request } from '@/graphql/client';
import { graphql, type ResultOf, type VariablesOf } from '@/graphql/graphql';

const Fields = graphql(`
  fragment RatingSettingsFields on RatingSettings {
    followUpDays
    appealDays
    ticketMinutes
    ticketsPerIpHour
    cooldownMinutes
    ipLimitPerHour
    burstCount
    alertWindowMinutes
    alertMinRatings
    alertNegativeShare
    alertOnVeryDissatisfied
    regionCode
    askStaffSteering
    negativeTags {
      code
      zh
      en
    }
    positiveTags {
      code
      zh
      en
    }
  }
`);
const Get = graphql(
  `
    query RatingSettings {
      ratingSettings {
        ...RatingSettingsFields
      }
    }
  `,
  [Fields],
);
const Save = graphql(
  `
    mutation UpdateRatingSettings($input: RatingSettingsInput!) {
      updateRatingSettings(input: $input) {
        ...RatingSettingsFields
      }
    }
  `,
  [Fields],
);
const Days = graphql(`
  query CalendarDays($year: Int!) {
    calendarDays(year: $year) {
      date
      kind
      name
      source
    }
  }
`);
const SetDay = graphql(`
  mutation SetCalendarDay($date: String!, $kind: CalendarDayKind!, $name: String) {
    setCalendarDay(date: $date, kind: $kind, name: $name) {
      date
    }
  }
`);
const RemoveDay = graphql(`
  mutation RemoveCalendarDay($date: String!) {
    removeCalendarDay(date: $date)
  }
`);
const Import = graphql(`
  mutation ImportHolidays($from: Int!, $to: Int!) {
    importHolidays(fromYear: $from, toYear: $to)
  }
`);

export type RatingSettings = ResultOf<typeof Fields>;
export type CalendarDay = ResultOf<typeof Days>['calendarDays'][number];
export type DayKind = VariablesOf<typeof SetDay>['kind'];

export const loadSettings = () => request(Get).then((d) => d.ratingSettings);
export const saveSettings = (input: VariablesOf<typeof Save>['input']) =>
  request(Save, { input }).then((d) => d.updateRatingSettings);
export const loadDays = (year: number) => request(Days, { year }).then((d) => d.calendarDays);
export const setDay = (date: string, kind: DayKind, name: string) => request(SetDay, { date, kind, name });
export const removeDay = (date: string) => request(RemoveDay, { date });
export const importHolidays = (year: number) => request(Import, { from: year, to: year }).then((d) => d.importHolidays);
