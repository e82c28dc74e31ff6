import { fileURLToPath } from 'node:url';
import VueI18n from '@intlify/unplugin-vue-i18n/vite';
import vue from '@vitejs/plugin-vue';
import Components from 'unplugin-vue-components/vite';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';
import { VitePWA, type VitePWAOptions } from 'vite-plugin-pwa';

// Two faces, each its own build: the staff admin (Element Plus, ECharts) and the citizen pages,
// which must stay tiny on a phone. Built separately (`--mode admin`, `--mode citizen`) so that
// Vue's runtime is tree-shaken for each on its own: shared, it would carry everything Element
// Plus uses into the phone bundle. The dev server (no mode) serves both.
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const FACES = { admin: here('./admin.html'), citizen: here('./citizen.html') };
type Face = keyof typeof FACES;

const PWA = {
  registerType: 'autoUpdate',
  injectRegister: null, // registered by the patrol pages (patrol/offline.ts), not on every page
  scope: '/admin/',
  manifest: {
    name: '窗口巡查',
    short_name: '巡查',
    lang: 'zh-CN',
    start_url: '/admin/patrol',
    scope: '/admin/',
    display: 'standalone',
    theme_color: '#1f6feb',
    background_color: '#f3f5f8',
    icons: [{ src: '/patrol-icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
  },
  workbox: {
    globPatterns: ['admin.html', 'assets/**/*.{js,css,woff2,svg,png}'],
    // Any /admin/… page reloaded offline opens the app shell; the router does the rest.
    navigateFallback: '/admin.html',
    navigateFallbackAllowlist: [/^\/admin(\/|$)/],
    // Element Plus and ECharts chunks are larger than Workbox's 2 MB default allows for.
    maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
    // A new worker waits for the next page load to take over: claiming a page mid-round would
    // hold its requests until the worker activates (seen as a save that never ends).
    clientsClaim: false,
  },
} satisfies Partial<VitePWAOptions>;

export default defineConfig(({ mode }) => {
  const face = mode in FACES ? (mode as Face) : null;
  return {
    root: here('.'),
    base: '/',
    plugins: [
      vue(),
      // Precompiles every locales/*.json and bundles vue-i18n without its message compiler.
      VueI18n({
        include: [here('./src/**/locales/**')],
        runtimeOnly: true,
        compositionOnly: true,
        fullInstall: false,
        dropMessageCompiler: true,
        // The citizen face uses only t/te: petite-vue-i18n, vue-i18n's official small subset.
        module: face === 'citizen' ? 'petite-vue-i18n' : 'vue-i18n',
      }),
      // Registers only the Element Plus components the admin templates use; CSS is imported whole.
      Components({ dts: false, dirs: [], resolvers: [ElementPlusResolver({ importStyle: false })] }),
      // The admin face is an installable app whose shell works offline (the patrol pages on a
      // phone in the hall). Workbox precaches the built admin files; the round's data is kept by
      // the page itself in IndexedDB (GraphQL here is POST, which Workbox does not cache).
      // (In the dev server, which has no mode, it only provides the registration module, unused there.)
      ...(face !== 'citizen' ? [VitePWA(PWA)] : []),
      // Every script and stylesheet also as .br (brotli 11) and .gz (gzip 9) beside it, served as
      // they are (server/src/web.ts): compressed once here at the slowest, smallest levels
      // instead of at each request at the quick ones. A seventh less for the phone.
      compression({ algorithms: ['brotliCompress', 'gzip'], include: /\.(js|css|svg)$/, skipIfLargerOrEqual: true }),
    ],
    // Feature flags, set here because the i18n plugin's own defines do not reach Vite 8's bundler:
    // Composition API only, no <i18n-t> components, no devtools, no runtime message compiler.
    define: {
      __VUE_I18N_FULL_INSTALL__: false,
      __VUE_I18N_LEGACY_API__: false,
      __INTLIFY_PROD_DEVTOOLS__: false,
      __INTLIFY_JIT_COMPILATION__: true,
      __INTLIFY_DROP_MESSAGE_COMPILER__: true,
      __VUE_OPTIONS_API__: face !== 'citizen',
      __VUE_PROD_DEVTOOLS__: false,
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: false,
    },
    // common/ (the vocabulary shared with the server) lives beside web/ and server/.
    // The citizen build swaps vue-i18n for petite-vue-i18n (same API for what it uses, a third of
    // the size): type checks still run against vue-i18n, whose API is a superset.
    // It also sends its GraphQL documents as written (src/citizen/graphql.ts), without a parser
    // or a printer (src/citizen/print.ts).
    resolve: {
      // One @intlify core for petite-vue-i18n and the resolver registered in citizen/main.ts.
      dedupe: face === 'citizen' ? ['@intlify/core-base', '@intlify/shared'] : [],
      alias: [
        ...(face === 'citizen'
          ? [
              { find: /^vue-i18n$/, replacement: 'petite-vue-i18n' },
              { find: /^@\/graphql\/graphql$/, replacement: here('./src/citizen/graphql.ts') },
              { find: /^@0no-co\/graphql\.web$/, replacement: here('./src/citizen/print.ts') },
            ]
          : []),
        { find: '@', replacement: here('./src') },
        { find: '@common', replacement: here('../common') },
      ],
    },
    build: {
      outDir: 'dist',
      // The admin builds first and clears the folder; the citizen build adds to it.
      emptyOutDir: face !== 'citizen',
      // ECharts alone is ~500 kB minified (170 kB gzip); the admin loads it only with a chart.
      chunkSizeWarningLimit: face === 'citizen' ? 500 : 600,
      // Per-face manifests let the benchmark measure exactly what the citizen entry loads.
      manifest: `.vite/manifest.${face ?? 'all'}.json`,
      rollupOptions: { input: face ? { [face]: FACES[face] } : FACES },
    },
  };
});
