// The default rulebook, after the center's 《窗口工作人员行为规范》 and local practice (DESIGN.md
// §4: leave post −0.5, games/chat −1, arguing with a citizen −3). Admins adjust points and wording;
// codes stay, because violations and statistics refer to them.
export const AWAY = 'AWAY';
export const ABSENT = 'ABSENT';

export const DEFAULT_RULEBOOK = [
  {
    code: AWAY,
    kind: 'PRESENCE',
    label: '离岗',
    labelEn: 'Away from post',
    points: 0.5,
    rule: '工作时间擅自离开工作岗位，未说明去向和原因',
  },
  {
    code: ABSENT,
    kind: 'PRESENCE',
    label: '缺岗',
    labelEn: 'Absent',
    points: 1,
    rule: '排班在岗人员未到岗，窗口无人值守',
  },
  {
    code: 'UNIFORM',
    kind: 'CHECK',
    label: '着装与工作牌',
    labelEn: 'Uniform and badge',
    points: 0.5,
    rule: '未按规定着工装、佩戴工作牌',
  },
  {
    code: 'PHONE',
    kind: 'CHECK',
    label: '玩手机、打游戏',
    labelEn: 'Phone or games',
    points: 1,
    rule: '工作时间玩手机、打游戏、看视频或做与工作无关的事',
  },
  {
    code: 'EATING',
    kind: 'CHECK',
    label: '在窗口吃东西',
    labelEn: 'Eating at the window',
    points: 0.5,
    rule: '在窗口工作区域吃零食、用餐',
  },
  { code: 'CHATTING', kind: 'CHECK', label: '串岗聊天', labelEn: 'Chatting', points: 1, rule: '串岗、聊天、大声喧哗' },
  {
    code: 'ATTITUDE',
    kind: 'CHECK',
    label: '对群众态度生硬、争吵',
    labelEn: 'Rude or arguing with a citizen',
    points: 3,
    rule: '对办事群众态度生硬、推诿刁难，或与办事群众争吵',
  },
  {
    code: 'DESK',
    kind: 'CHECK',
    label: '桌面不整洁',
    labelEn: 'Untidy desk',
    points: 0.2,
    rule: '窗口台面杂乱，私人物品未按规定摆放',
  },
  {
    code: 'ORDER',
    kind: 'CHECK',
    label: '窗口秩序',
    labelEn: 'Hall order',
    points: 0.5,
    rule: '窗口前排队无序、未引导群众取号等候',
  },
] as const;
