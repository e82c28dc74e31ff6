import { CHANNEL_NAMES, type RatingChannel } from '../../../../common/channels.js';
import { RATING_LEVEL_LABELS, RATING_LEVELS, type RatingLevel } from '../../../../common/ratings.js';
import { asLocal } from '../../../../common/time.js';

// One rating as the national performance data set describes it (GB/T 39046-2020 table 9,
// 政务服务绩效评价基础数据集), before the province's own field names are applied. Pure, so the
// push, the exports and the tests build the very same record.

export const FEED_FIELDS = [
  'recordId',
  'caseNumber',
  'channel',
  'rater',
  'ratedAt',
  'ratingCount',
  'satisfaction',
  'satisfactionCode',
  'comment',
  'regionCode',
  'itemBasicCode',
  'itemImplementationCode',
  'itemName',
  'departmentName',
  'windowCode',
] as const;
export type FeedField = (typeof FEED_FIELDS)[number];

/** The data element each field carries (docs, the admin page, the CSV's second header). */
export const FIELD_ELEMENTS: Record<FeedField, string> = {
  recordId: '评价编号',
  caseNumber: '办件编号',
  channel: '评价渠道',
  rater: '评价人',
  ratedAt: '评价时间',
  ratingCount: '评价次数',
  satisfaction: '满意度',
  satisfactionCode: '满意度代码',
  comment: '文字评价',
  regionCode: '行政区划',
  itemBasicCode: '事项基本编码',
  itemImplementationCode: '事项实施编码',
  itemName: '事项名称',
  departmentName: '实施部门',
  windowCode: '窗口编号',
};

export const DEFAULT_FIELD_NAMES = Object.fromEntries(FEED_FIELDS.map((f) => [f, f])) as Record<FeedField, string>;

/** GB/T 39046 A.8: 1 非常满意 … 5 非常不满意. */
export const DEFAULT_LEVEL_CODES = Object.fromEntries(RATING_LEVELS.map((l, i) => [l, String(i + 1)])) as Record<
  RatingLevel,
  string
>;

export interface FeedSource {
  rating: {
    _id: unknown;
    level: RatingLevel;
    channel: RatingChannel;
    caseNumber?: string | null;
    servedCase?: string | null;
    ratingSeq?: number | null;
    regionCode?: string | null;
    comment: string;
    tags: string[];
    createdAt: Date;
  };
  windowCode: string;
  departmentName: string;
  item: { basicCode: string; implementationCode: string; name: string } | null;
  /** The Chinese names of the rating's reason tags (文字评价 when the citizen wrote nothing). */
  tagNames: (code: string) => string;
}

/** 评价时间 as the data set writes it: YYYYMMDDThhmmss, in the centre's time. */
export const feedTime = (at: Date) => asLocal(at).toISOString().slice(0, 19).replace(/[-:]/g, '');

/** The record in the national shape, with the province's satisfaction codes. */
export function feedRecord(
  src: FeedSource,
  levelCodes: Record<RatingLevel, string>,
): Record<FeedField, string | number> {
  const r = src.rating;
  const reasons = r.tags.map(src.tagNames).join('；');
  return {
    recordId: String(r._id),
    // A bound case first: a typed number the centre does not know is the citizen's word only.
    caseNumber: r.servedCase ?? r.caseNumber ?? '',
    channel: CHANNEL_NAMES[r.channel],
    rater: '匿名', // the platform keeps raters anonymous
    ratedAt: feedTime(r.createdAt),
    ratingCount: r.ratingSeq ?? 1,
    satisfaction: RATING_LEVEL_LABELS[r.level].zh,
    satisfactionCode: levelCodes[r.level],
    comment: [r.comment, reasons].filter(Boolean).join(' ').slice(0, 500),
    regionCode: r.regionCode ?? '',
    itemBasicCode: src.item?.basicCode ?? '',
    itemImplementationCode: src.item?.implementationCode ?? '',
    itemName: src.item?.name ?? '',
    departmentName: src.departmentName,
    windowCode: src.windowCode,
  };
}

/** The record under the province's field names; a field named '' is left out. */
export function renamed(record: Record<FeedField, string | number>, names: Record<FeedField, string>) {
  const out: Record<string, string | number> = {};
  for (const f of FEED_FIELDS) if (names[f]) out[names[f]] = record[f];
  return out;
}

/** A satisfaction code read back into a level under a mapping (the mapping is one-to-one). */
export function levelOfCode(code: string, levelCodes: Record<RatingLevel, string>): RatingLevel | null {
  return RATING_LEVELS.find((l) => levelCodes[l] === code) ?? null;
}
