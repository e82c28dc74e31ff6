export default {
  'zh-CN': {
    welcome: '{name}，您好',
    intro: '这里汇总了中心进驻部门、服务窗口、窗口人员和服务事项的基础信息。',
    liaisonIntro: '您是{dept}的联络员，只能查看和维护本部门的信息。',
    departments: '进驻部门',
    windows: '服务窗口',
    staff: '窗口人员',
    serviceItems: '服务事项',
    onDuty: '今日在岗窗口',
    denied: '您的角色无权访问所请求的页面，已返回首页。',
  },
  en: {
    welcome: 'Hello, {name}',
    intro: "An overview of the center's departments, windows, staff and service items.",
    liaisonIntro: 'You are the liaison of {dept} and see only its records.',
    departments: 'Departments',
    windows: 'Windows',
    staff: 'Staff',
    serviceItems: 'Service items',
    onDuty: 'Windows staffed now',
    denied: 'Your role may not open the requested page; you are back on the home page.',
  },
};
