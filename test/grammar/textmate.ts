/**
 * Loads grammars/lxc-config.tmLanguage.json into the real TextMate engine VS Code uses (vscode-textmate with the
 * oniguruma WebAssembly build) and tokenizes text the way the editor does: one line at a time, carrying the rule
 * stack from line to line, with lines split at CRLF, LF and lone CR.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import oniguruma from 'vscode-oniguruma';
import vsctm from 'vscode-textmate';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const GRAMMAR_PATH = `${ROOT}grammars/lxc-config.tmLanguage.json`;
export const SCOPE = 'source.lxc-config';

export interface Token {
  text: string;
  start: number;
  end: number;
  scopes: string[];
}

let grammarPromise: Promise<vsctm.IGrammar> | undefined;

async function load(): Promise<vsctm.IGrammar> {
  const require = createRequire(import.meta.url);
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName: string) =>
      scopeName === SCOPE ? vsctm.parseRawGrammar(readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH) : null,
  });
  const grammar = await registry.loadGrammar(SCOPE);
  if (!grammar) throw new Error(`grammar ${SCOPE} did not load`);
  return grammar;
}

export function loadGrammar(): Promise<vsctm.IGrammar> {
  grammarPromise ??= load();
  return grammarPromise;
}

/** Splits like the VS Code text model (and like liblxc, for which a lone CR also ends a line). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Tokens of every line of `text`; a line's tokens cover it exactly (checked by the corpus test). */
export async function tokenize(text: string): Promise<Token[][]> {
  const grammar = await loadGrammar();
  let stack = vsctm.INITIAL;
  const out: Token[][] = [];
  for (const line of splitLines(text)) {
    const r = tokenizeWith(grammar, line, stack);
    stack = r.stack;
    out.push(r.tokens);
  }
  return out;
}

/** One line as given (not split again, so a stray `\r` stays in it), from the initial state. */
export async function tokenizeLine(line: string): Promise<Token[]> {
  return tokenizeWith(await loadGrammar(), line, vsctm.INITIAL).tokens;
}

function tokenizeWith(grammar: vsctm.IGrammar, line: string, stack: vsctm.StateStack) {
  const r = grammar.tokenizeLine(line, stack, 0);
  if (r.stoppedEarly) throw new Error(`tokenizing stopped early on ${JSON.stringify(line)}`);
  const tokens = r.tokens.map((t) => {
    // vscode-textmate appends "\n" to the line; the last token may reach one past the end.
    const end = Math.min(t.endIndex, line.length);
    return { text: line.slice(t.startIndex, end), start: t.startIndex, end, scopes: t.scopes };
  });
  return { tokens, stack: r.ruleStack };
}

/** Compact form for assertions: `text` → innermost scopes below the root, e.g. `lxc.uts.name: variable.other.key`. */
export function scopesOf(tokens: Token[]): [string, string][] {
  return tokens
    .filter((t) => t.text.length > 0)
    .map((t) => [t.text, t.scopes.filter((s) => s !== SCOPE).map((s) => s.replace(/\.lxc-config$/, '')).join(' ')]);
}
