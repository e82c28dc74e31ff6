// Where a rating was given (评价渠道), as GB/T 39046-2020 table 9 lists the channels. The codes
// cross the API; the national names go into the provincial feed and the reports.

export const RATING_CHANNELS = ['PC', 'MOBILE', 'QR', 'HALL_TABLET', 'HALL_TERMINAL', 'PHONE', 'SMS'] as const;
export type RatingChannel = (typeof RATING_CHANNELS)[number];

/** The channel's name in the national data set. */
export const CHANNEL_NAMES: Record<RatingChannel, string> = {
  PC: 'PC端',
  MOBILE: '移动服务端',
  QR: '二维码',
  HALL_TABLET: '政务大厅平板电脑',
  HALL_TERMINAL: '政务大厅其他终端',
  PHONE: '电话',
  SMS: '短信',
};

/** Channels at the window itself: one rating per case there (一次一评, GB/T 39734-2020). */
export const ON_SITE_CHANNELS: readonly RatingChannel[] = ['QR', 'HALL_TABLET', 'HALL_TERMINAL'];
