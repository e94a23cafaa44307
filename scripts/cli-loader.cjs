// dist/lxclint.cjs — written by scripts/build.mjs from scripts/cli-loader.cjs; do not edit the copy in dist/.
//
// Starts the CLI bundle with V8's code cache, so a cold `lxclint check` does not compile again what the build's
// training run compiled (chevrotain's grammar analysis, the core, the rules): about a third of its start-up.
// The build names the bundle and its cache after the bundle's content hash, so a cache can only ever meet the
// source it was made from. A cache from another Node/V8 version (or other V8 flags) is rejected by V8 and the
// bundle simply compiles as usual. CommonJS, not ESM: Node's ES module loader costs a cold start several ms.
'use strict';
const { readFileSync, renameSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { Script } = require('node:vm');

const file = join(__dirname, '__BUNDLE__');
const cacheFile = `${file}.cache`;
// Set by scripts/build.mjs for its training run only: run the command, then write what V8 compiled.
const training = process.env.LXCLINT_BUILD_CODE_CACHE === '1';
let cachedData;
if (!training) {
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // No cache (e.g. a build that could not train): compile as usual.
  }
}
// The same wrapper Node's CommonJS loader uses; on one line, so the bundle's line numbers stay as they are.
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`, {
  filename: file,
  cachedData,
});
if (training) {
  process.once('exit', () => {
    writeFileSync(`${cacheFile}.${process.pid}.tmp`, script.createCachedData());
    renameSync(`${cacheFile}.${process.pid}.tmp`, cacheFile);
  });
}
const bundleModule = { exports: {} };
script.runInThisContext()(bundleModule.exports, require, bundleModule, file, __dirname);
