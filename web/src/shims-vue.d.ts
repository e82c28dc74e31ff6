// For ESLint's type-aware rules only: its TypeScript program cannot read .vue files, so an import
// of one would be typed as an error. vue-tsc resolves the real files and never falls back to this.
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent;
  export default component;
}
