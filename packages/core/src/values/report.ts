/** A small collector the validators share: builds findings with consistent wording. */
import { q } from '../util/quote';
import type { Severity } from '../rules/types';
import type { ValueEdit, ValueFinding, ValueFindingKind } from './types';

export const LOAD_FAILS = 'LXC fails to load the config';
export const START_FAILS = 'the container fails to start';

/** A key for a message: plain when it is ordinary text, quoted otherwise. */
export function showKey(key: string): string {
  return /^[\x21-\x7e]+$/.test(key) && !key.includes('"') ? key : q(key);
}

export class Findings {
  readonly list: ValueFinding[] = [];
  constructor(readonly key: string, readonly value: string) {}

  get k(): string {
    return showKey(this.key);
  }

  add(kind: ValueFindingKind, severity: Severity, message: string, extra: Partial<ValueFinding> = {}): void {
    this.list.push({ kind, severity, message, rejects: false, ...extra });
  }

  /** The setter rejects the whole value: `Invalid value "x" for KEY (expected ...): LXC fails to load the config`. */
  invalid(expected: string, extra: Partial<ValueFinding> = {}): void {
    this.add('invalid', 'error', `Invalid value ${q(this.value)} for ${this.k} (${expected}): ${LOAD_FAILS}`, { rejects: true, ...extra });
  }

  /** The setter rejects one part of the value (a token, a field). */
  invalidPart(what: string, text: string, start: number, expected: string, extra: Partial<ValueFinding> = {}): void {
    this.add('invalid', 'error', `Invalid ${what} ${q(text)} in ${this.k} (${expected}): ${LOAD_FAILS}`, {
      rejects: true,
      range: { start, end: start + text.length },
      ...extra,
    });
  }

  /** Accepted while parsing, but the container cannot start with it. */
  startFails(message: string, extra: Partial<ValueFinding> = {}): void {
    this.add('invalid', 'error', `${message}: ${START_FAILS}`, extra);
  }

  /** A number written with a leading 0 that liblxc reads as octal. */
  octal(text: string, value: bigint, start = 0): void {
    const decimal = text.trim().replace(/^([+-]?)0+(?=\d)/, '$1').replace(/^\+/, '');
    this.add('numeric-base', 'warning', `${q(text)} in ${this.k} is read as an octal number: LXC uses ${value}, not ${decimal}`, {
      range: { start, end: start + text.length },
    });
  }
}

export function replaceFix(description: string, start: number, end: number, newText: string): { description: string; edits: ValueEdit[] } {
  return { description, edits: [{ start, end, newText }] };
}
