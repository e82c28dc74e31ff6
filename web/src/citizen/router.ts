import { createRouter, createWebHistory } from 'vue-router';

declare module 'vue-router' {
  interface RouteMeta {
    /** The page folder whose messages the route needs (citizen face). */
    page?: string;
  }
}

// Citizen pages live under /r (rate a window), /c (complaints) and /p (public figures).
export const router = createRouter({
  history: createWebHistory('/'),
  routes: [
    {
      path: '/r/:code',
      name: 'rate',
      component: () => import('./pages/rate/RatePage.vue'),
      meta: { title: 'rate.question', page: 'rate' },
    },
    {
      path: '/c/new',
      name: 'complaint-new',
      component: () => import('./pages/complaint/FilePage.vue'),
      meta: { title: 'complaint.file.title', page: 'complaint' },
    },
    {
      path: '/c/track',
      name: 'complaint-track',
      component: () => import('./pages/complaint/TrackPage.vue'),
      meta: { title: 'complaint.track.title', page: 'complaint' },
    },
    {
      path: '/p/bulletin/:period?',
      name: 'bulletin',
      component: () => import('./pages/bulletin/BulletinPage.vue'),
      meta: { title: 'bulletin.title', page: 'bulletin' },
    },
    {
      path: '/p/ratings',
      name: 'stats',
      component: () => import('./pages/stats/StatsPage.vue'),
      meta: { title: 'stats.title', page: 'stats' },
    },
    { path: '/:rest(.*)*', name: 'not-found', component: () => import('./pages/NotFoundPage.vue') },
  ],
});
