import './styles.css';
import { createApp } from 'vue';
import { createAppI18n } from '@/i18n';
import App from './App.vue';
import { citizenMessages } from './messages';
import { router } from './router';

// The citizen face: phone first, no UI library, its own small bundle.
createApp(App).use(createAppI18n(citizenMessages)).use(router).mount('#app');
