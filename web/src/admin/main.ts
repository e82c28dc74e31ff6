import 'element-plus/dist/index.css';
import './styles.css';
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import { onApiError } from '@/graphql/client';
import { createAppI18n } from '@/i18n';
import App from './App.vue';
import { adminMessages } from './messages';
import { router } from './router';
import { installGuard } from './router/guard';
import { useUserStore } from './stores/user';

const i18n = createAppI18n(adminMessages);
const pinia = createPinia();
installGuard(router, i18n.global);

// A 401 anywhere means the session is gone: forget the user and go back to the login page.
onApiError((err) => {
  if (err.code !== 'UNAUTHENTICATED') return;
  const current = router.currentRoute.value;
  // Mid-round the page keeps its drafts and shows a re-login sheet over itself instead.
  if (current.meta.keepOnExpiry) return void (useUserStore(pinia).expired = true);
  useUserStore(pinia).clear();
  if (current.name !== 'login') void router.push({ name: 'login', query: { redirect: current.fullPath } });
});

createApp(App).use(pinia).use(i18n).use(router).mount('#app');
