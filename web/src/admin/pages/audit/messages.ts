export default {
  'zh-CN': { at: '时间', actor: '操作人', action: '操作', target: '对象', result: '结果', ok: '成功', failed: '失败', args: '参数', range: '时间范围' },
  en: { at: 'Time', actor: 'By', action: 'Action', target: 'Target', result: 'Result', ok: 'OK', failed: 'Refused', args: 'Arguments', range: 'Period' },
};
