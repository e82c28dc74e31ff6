import { createRouter, createWebHistory } from 'vue-router';

// Citizen pages live under /r (rate a window), /c (complaints) and /p (public figures).
export const router = createRouter({
  history: createWebHistory('/'),
  routes: [{ path: '/:rest(.*)*', name: 'not-found', component: () => import('./pages/NotFoundPage.vue') }],
});
