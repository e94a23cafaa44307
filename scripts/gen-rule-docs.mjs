// Writes docs/rules/<id>.md and docs/rules/README.md from the rule metadata (the same renderer as
// `lxclint explain`), and deletes pages of rules that no longer exist. test/cli/docs.test.ts fails when the
// committed pages differ from what this writes: run `npm run docs:rules` after changing a rule.
import { mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = join(root, 'docs', 'rules');
const { allRules } = await tsImport('../packages/core/src/index.ts', import.meta.url);
const { generateRuleDocs, GENERATED_MARK } = await tsImport('../packages/cli/src/docs/rule-docs.ts', import.meta.url);

mkdirSync(dir, { recursive: true });
const files = generateRuleDocs(allRules);
let written = 0;
for (const [name, text] of files) {
  const path = join(dir, name);
  let old;
  try {
    old = readFileSync(path, 'utf8');
  } catch {}
  if (old === text) continue;
  writeFileSync(path, text);
  written++;
}
let removed = 0;
for (const name of readdirSync(dir)) {
  if (!name.endsWith('.md') || files.has(name)) continue;
  // Only pages we generated: a hand-written file here is left alone.
  if (!readFileSync(join(dir, name), 'utf8').startsWith(GENERATED_MARK)) continue;
  unlinkSync(join(dir, name));
  removed++;
}
console.log(`docs/rules: ${files.size} pages, ${written} written, ${removed} removed`);
