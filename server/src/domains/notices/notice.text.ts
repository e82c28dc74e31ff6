// The wording of a notice as the center issues it. Drafts start from this; managers edit it.

const cn = (ymd: string) => {
  const [y, m, d] = ymd.split('-').map(Number);
  return { y, m, d };
};

/** "2026年3月" for a whole month, else "2026年3月2日至3月20日". */
export function periodText(from: string, to: string) {
  const a = cn(from);
  const b = cn(to);
  const lastDay = new Date(Date.UTC(b.y!, b.m, 0)).getUTCDate();
  if (a.y === b.y && a.m === b.m && a.d === 1 && b.d === lastDay) return `${a.y}年${a.m}月`;
  return `${a.y}年${a.m}月${a.d}日至${a.y === b.y ? '' : `${b.y}年`}${b.m}月${b.d}日`;
}

export const defaultTitle = (from: string, to: string) => `关于${periodText(from, to)}窗口工作人员违规行为的通报`;

export function defaultBody(p: { from: string; to: string; violations: number; people: number; appealDays: number }) {
  return [
    '各进驻部门：',
    `为严肃窗口工作纪律，提升政务服务质量，根据《窗口工作人员巡查制度》和《窗口工作人员行为规范》，中心坚持每天定时不定时四次巡查。${periodText(p.from, p.to)}，巡查中共发现并确认窗口违规行为${p.violations}起，涉及违规人员${p.people}人，现将有关情况通报如下（详见附表）。`,
    '请各相关部门高度重视，对违规人员进行批评教育，督促整改到位，并及时签收本通报。',
    `对通报内容有异议的，请于本通报发布之日起${p.appealDays}个工作日内通过平台提出申诉。`,
  ].join('\n');
}
