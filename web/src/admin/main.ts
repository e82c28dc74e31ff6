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
  useUserStore(pinia).clear();
  const current = router.currentRoute.value;
  if (current.name !== 'login') void router.push({ name: 'login', query: { redirect: current.fullPath } });
});

createApp(App).use(pinia).use(i18n).use(router).mount('#app');
