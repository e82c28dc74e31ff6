import { createRouter, createWebHistory } from 'vue-router';
import RatePage from './pages/rate/RatePage.vue';

declare module 'vue-router' {
  interface RouteMeta {
    /** The page folder whose messages the route needs (citizen face). */
    page?: string;
  }
}

// Citizen pages live under /r (rate a window), /c (complaints) and /p (public figures); /d is
// the window's rating device.
export const router = createRouter({
  history: createWebHistory('/'),
  routes: [
    {
      path: '/r/:code',
      name: 'rate',
      // In the entry, not lazy: a QR scan is nearly every citizen's first page, and one file
      // less to fetch saves a phone more than the few kilobytes other pages carry along.
      component: RatePage,
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
      path: '/p/fix/:code?',
      name: 'fix',
      component: () => import('./pages/fix/FixPage.vue'),
      meta: { title: 'fix.title', page: 'fix' },
    },
    {
      path: '/p/ratings',
      name: 'stats',
      component: () => import('./pages/stats/StatsPage.vue'),
      meta: { title: 'stats.title', page: 'stats' },
    },
    {
      // The window's rating device (评价器): its own chunk, with the QR code library.
      path: '/d',
      name: 'device',
      component: () => import('./pages/device/DevicePage.vue'),
      meta: { title: 'device.question', page: 'device' },
    },
    { path: '/:rest(.*)*', name: 'not-found', component: () => import('./pages/NotFoundPage.vue') },
  ],
});
