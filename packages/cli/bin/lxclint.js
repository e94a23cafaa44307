#!/usr/bin/env node
// The published entry point: the esbuild bundle (run `npm run build` first in a checkout).
import '../dist/lxclint.js';
