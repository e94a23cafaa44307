#!/usr/bin/env node
// The published entry point: the esbuild bundle's loader (run `npm run build` first in a checkout). CommonJS,
// so a cold start does not pay for Node's ES module loader.
'use strict';
require('../dist/lxclint.cjs');
