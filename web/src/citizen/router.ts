import { createRouter, createWebHistory } from 'vue-router';

// Citizen pages live under /r (rate a window), /c (complaints) and /p (public figures).
export const router = createRouter({
  history: createWebHistory('/'),
  routes: [
    { path: '/r/:code', name: 'rate', component: () => import('./pages/rate/RatePage.vue'), meta: { title: 'rate.question' } },
    { path: '/c/new', name: 'complaint-new', component: () => import('./pages/complaint/FilePage.vue'), meta: { title: 'complaint.file.title' } },
    { path: '/c/track', name: 'complaint-track', component: () => import('./pages/complaint/TrackPage.vue'), meta: { title: 'complaint.track.title' } },
    { path: '/:rest(.*)*', name: 'not-found', component: () => import('./pages/NotFoundPage.vue') },
  ],
});
