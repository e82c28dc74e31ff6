export default {
  'zh-CN': {
    title: '登录',
    subtitle: '政务服务中心 · 窗口服务评价与监督',
    username: '用户名',
    password: '密码',
    submit: '登录',
    citizenHint: '办事群众请扫描窗口二维码进行评价',
  },
  en: {
    title: 'Log in',
    subtitle: 'Government service center · window ratings and supervision',
    username: 'Username',
    password: 'Password',
    submit: 'Log in',
    citizenHint: 'Citizens: scan the QR code at a window to rate it',
  },
};
