import type { Router } from 'vue-router';
import { useUserStore } from '../stores/user';

// Every page but the login needs a session; pages with `meta.can` also need that capability.
export function installGuard(router: Router, i18n: { t: (key: string) => string }) {
  router.beforeEach(async (to) => {
    const user = useUserStore();
    if (!user.loaded) await user.load().catch(() => undefined);
    if (to.meta.public) return user.me && to.name === 'login' ? { name: 'home' } : true;
    if (!user.me) return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } };
    if (!user.can(to.meta.can)) return { name: 'home', query: { denied: to.name ? String(to.name) : '' } };
    return true;
  });
  router.afterEach((to) => {
    const title = to.meta.title ? i18n.t(to.meta.title) : '';
    document.title = [title, i18n.t('app.title')].filter(Boolean).join(' · ');
  });
}
