import { z } from 'zod';
import { defineSettings } from '../settings/settings.store.js';

const tag = z.object({
  code: z.string().regex(/^[A-Z_]{2,24}$/, 'A–Z and _'),
  zh: z.string().trim().min(1).max(12),
  en: z.string().trim().min(1).max(30),
});

/** Rules of the rating page, the follow-up and the live alerts; admins change them in Settings. */
export const ratingSettings = defineSettings(
  'ratings',
  z.object({
    /** Reasons offered after a bad rating (asked only then, as HappyOrNot does). */
    negativeTags: z
      .array(tag)
      .max(20)
      .default([
        { code: 'ATTITUDE', zh: '态度差', en: 'Poor attitude' },
        { code: 'SLOW', zh: '效率低', en: 'Slow service' },
        { code: 'MANY_TRIPS', zh: '多次跑', en: 'Had to come back again' },
        { code: 'LONG_WAIT', zh: '等候久', en: 'Long wait' },
        { code: 'NOT_TOLD_AT_ONCE', zh: '未一次性告知', en: 'Not told everything at once' },
        { code: 'UNFAMILIAR', zh: '业务不熟', en: 'Did not know the procedure' },
        { code: 'PASSED_ON', zh: '推诿扯皮', en: 'Passed from desk to desk' },
      ]),
    /** Optional praise after a good rating. */
    positiveTags: z
      .array(tag)
      .max(20)
      .default([
        { code: 'WARM', zh: '热情周到', en: 'Friendly' },
        { code: 'FAST', zh: '办事高效', en: 'Fast' },
        { code: 'ONE_VISIT', zh: '一次办好', en: 'Done in one visit' },
        { code: 'CLEAR', zh: '解释清楚', en: 'Explained clearly' },
      ]),
    /** Working days to verify, rectify and call back after a bad rating. */
    followUpDays: z.number().int().min(1).max(30).default(5),
    /** Working days after a bad rating within which its follow-up may be appealed (申诉期限). */
    appealDays: z.number().int().min(1).max(30).default(3),
    /** How long a scanned QR code's ticket stays valid. */
    ticketMinutes: z.number().int().min(5).max(240).default(30),
    /** One device rates one window at most once in this many minutes (signed cookie). */
    cooldownMinutes: z.number().int().min(0).max(1440).default(10),
    /** QR scans (tickets) per address per hour before tickets are refused. */
    ticketsPerIpHour: z.number().int().min(10).max(1_000_000).default(2000),
    /** Ratings per address per hour; loose, since a whole office may share one address. */
    ipLimitPerHour: z.number().int().min(10).max(1_000_000).default(300),
    /** This many ratings from one address at one window within 10 minutes are flagged as suspect. */
    burstCount: z.number().int().min(2).max(100).default(10),
    alertWindowMinutes: z.number().int().min(5).max(240).default(15),
    alertMinRatings: z.number().int().min(1).max(100).default(4),
    alertNegativeShare: z.number().min(0.1).max(1).default(0.5),
    alertOnVeryDissatisfied: z.boolean().default(true),
    /** 行政区划 of the centre (GB/T 2260, 6 or 12 digits): every rating carries it to the province. */
    regionCode: z
      .string()
      .regex(/^(\d{6}|\d{12})?$/, '6 or 12 digits')
      .default(''),
    /** Ask after a good rating whether the staff asked for it (51号 forbids steering ratings). */
    askStaffSteering: z.boolean().default(true),
  }),
);

export type RatingSettings = Awaited<ReturnType<typeof ratingSettings.get>>;
