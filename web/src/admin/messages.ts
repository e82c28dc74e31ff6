// Every admin message, merged per feature; each page folder owns its own messages.
import accounts from './pages/accounts/messages';
import audit from './pages/audit/messages';
import departments from './pages/departments/messages';
import home from './pages/home/messages';
import login from './pages/login/messages';
import roster from './pages/roster/messages';
import serviceItems from './pages/service-items/messages';
import staff from './pages/staff/messages';
import windows from './pages/windows/messages';
import common from './common-messages';

const features = { accounts, audit, departments, home, login, roster, serviceItems, staff, windows };

function pick<L extends 'zh-CN' | 'en'>(locale: L) {
  return {
    ...common[locale],
    ...Object.fromEntries(Object.entries(features).map(([name, m]) => [name, m[locale]])),
  };
}

export const adminMessages = { 'zh-CN': pick('zh-CN'), en: pick('en') };
