import { createRouter, createWebHistory } from 'vue-router';

// Citizen pages live under /r (rate a window), /c (complaints) and /p (public figures).
export const router = createRouter({
  history: createWebHistory('/'),
  routes: [
    { path: '/r/:code', name: 'rate', component: () => import('./pages/rate/RatePage.vue'), meta: { title: 'rate.question' } },
    { path: '/:rest(.*)*', name: 'not-found', component: () => import('./pages/NotFoundPage.vue') },
  ],
});
