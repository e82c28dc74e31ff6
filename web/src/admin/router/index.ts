import { createRouter, createWebHistory, type RouteLocationNormalized } from 'vue-router';
import { routes } from './routes';

export const router = createRouter({ history: createWebHistory('/admin/'), routes });

// Staff keep the admin open all day. After a deployment an open tab still runs the old build,
// whose page files (content-hashed chunks) the server no longer has, so opening a page not
// loaded yet fails and the click does nothing. Loading that address afresh brings the new build.
// Once per address within a short while, so that a server that is really down does not loop.
const STALE_CHUNK = /dynamically imported module|Importing a module script failed|Unable to preload CSS/i;
const RELOAD_KEY = 'wfp-reloaded-for';

function reloadOnStaleBuild(err: unknown, to: RouteLocationNormalized) {
  if (!(err instanceof Error) || !STALE_CHUNK.test(err.message)) return false;
  const target = router.resolve(to.fullPath).href;
  try {
    const last = JSON.parse(sessionStorage.getItem(RELOAD_KEY) ?? 'null') as { href: string; at: number } | null;
    if (last?.href === target && Date.now() - last.at < 30_000) return false;
    sessionStorage.setItem(RELOAD_KEY, JSON.stringify({ href: target, at: Date.now() }));
  } catch {
    // Storage refused (private mode): reload anyway; the browser's own error page ends a loop.
  }
  window.location.assign(target);
  return true;
}

router.onError((err, to) => {
  if (!reloadOnStaleBuild(err, to)) console.error(err);
});
