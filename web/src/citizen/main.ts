import './styles.css';
import {
  fallbackWithLocaleChain,
  registerLocaleFallbacker,
  registerMessageResolver,
  resolveValue,
} from '@intlify/core-base';
import { createApp } from 'vue';
import { createAppI18n } from '@/i18n';
import App from './App.vue';
import { commonMessages, loadPageMessages } from './messages';
import { router } from './router';

// The citizen face: phone first, no UI library, its own small bundle.
// Its build runs petite-vue-i18n (vite.config.ts), which leaves nested keys ('rate.thanks') and the
// fallback to Chinese to these two, as its docs say; under vue-i18n they are already in place.
registerMessageResolver(resolveValue);
registerLocaleFallbacker(fallbackWithLocaleChain);
const i18n = createAppI18n(commonMessages);
router.beforeEach(async (to) => {
  if (to.meta.page) await loadPageMessages(i18n.global, to.meta.page);
});
createApp(App).use(i18n).use(router).mount('#app');
