import './styles.css';
import { createApp } from 'vue';
import { createAppI18n } from '@/i18n';
import App from './App.vue';
import { commonMessages, loadPageMessages } from './messages';
import { router } from './router';

// The citizen face: phone first, no UI library, its own small bundle.
const i18n = createAppI18n(commonMessages);
router.beforeEach(async (to) => {
  if (to.meta.page) await loadPageMessages(i18n, to.meta.page);
});
createApp(App).use(i18n).use(router).mount('#app');
