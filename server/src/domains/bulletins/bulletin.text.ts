import type { Period } from './period.js';
import type { Snapshot } from './snapshot.js';

// The wording of a bulletin as the center issues it. Drafts start from this; managers edit it.

export const defaultTitle = (p: Period) => `${p.label}窗口服务工作简报`;

export const pct = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)}%`);

/** The opening commentary: the period's figures in a few sentences, for the manager to edit. */
export function defaultCommentary(p: Period, s: Snapshot) {
  const c = s.center;
  const g = s.departmentGrades;
  const escalated = s.windows.filter((w) => w.escalated).map((w) => `${w.windowCode}（${w.departmentShort}）`);
  return [
    `${p.label}，中心各窗口共收到群众评价${c.ratings}条，好评率${pct(c.goodRate)}；差评${c.bad}条，已解决办结${c.followUpsResolved}条、未解决办结${c.followUpsUnresolved}条，差评整改率${pct(c.closureRate)}。` +
      `受理群众投诉${c.complaints}件，其中有效投诉${c.upheld}件，按时答复率${pct(c.replyOnTimeRate)}。`,
    `巡查确认窗口违规行为${c.violations}起，窗口人员在岗率${pct(c.attendanceRate)}。各部门受理办件${c.accepted}件，办结${c.completed}件，办结率${pct(c.completionRate)}，按时办结率${pct(c.caseOnTimeRate)}。`,
    `经综合评定，${g.PASS}个部门合格，${g.BASIC_PASS}个部门基本合格，${g.FAIL}个部门不合格。` +
      (escalated.length ? `${escalated.join('、')}窗口连续两期排名靠后，请所在部门高度重视，限期整改。` : ''),
    '请各部门对照本简报，查找不足，巩固成绩，持续提升窗口服务水平，并及时签收。',
  ].join('\n');
}
