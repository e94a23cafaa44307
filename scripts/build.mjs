// Bundles the CLI (and later the server and extension) with esbuild: one file each, so start-up loads
// one module instead of resolving hundreds.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'esm', sourcemap: true, logLevel: 'warning',
  // Some dependencies are CommonJS; give the ESM bundle a require().
  banner: { js: "import { createRequire as __lxclintCreateRequire } from 'node:module'; const require = __lxclintCreateRequire(import.meta.url);" } };

await build({ ...common, entryPoints: ['packages/cli/src/main.ts'], outfile: 'packages/cli/dist/lxclint.js' });
