/**
 * Interface names (`link`, `name`, `veth.pair`): liblxc copies them into a 16-byte buffer (IFNAMSIZ) with
 * strlcpy, so anything past 15 bytes is cut off, with only an ERROR in the log. The kernel then checks
 * the name when it creates or renames a device (dev_valid_name).
 */
import { byteLength } from '../syntax/position';

export const IFNAMSIZ = 16;
export const IFNAME_MAX_BYTES = IFNAMSIZ - 1;

/** The name as liblxc stores it: the first 15 bytes (a multi-byte character may be cut in half). */
export function truncateIfname(name: string, encoding: 'utf8' | 'latin1'): { text: string; splitChar: boolean } {
  if (byteLength(name, encoding) <= IFNAME_MAX_BYTES) return { text: name, splitChar: false };
  let bytes = 0;
  let out = '';
  for (const ch of name) {
    const n = byteLength(ch, encoding);
    if (bytes + n > IFNAME_MAX_BYTES) return { text: out, splitChar: bytes < IFNAME_MAX_BYTES };
    bytes += n;
    out += ch;
  }
  return { text: out, splitChar: false };
}

/**
 * Why the kernel would refuse the name (dev_valid_name: not empty, not `.` or `..`, no `/`, `:` or
 * whitespace), or undefined. Length is reported separately because liblxc truncates first.
 * `%d` is a kernel template (`eth%d`); any other `%` makes dev_alloc_name fail.
 */
export function ifnameProblem(name: string): string | undefined {
  if (name === '.' || name === '..') return `${name === '.' ? '"."' : '".."'} is not a valid interface name`;
  if (name.includes('/')) return 'an interface name cannot contain "/"';
  if (name.includes(':')) return 'an interface name cannot contain ":"';
  if (hasWhitespace(name)) return 'an interface name cannot contain whitespace';
  let percents = 0;
  for (let i = name.indexOf('%'); i >= 0; i = name.indexOf('%', i + 1)) percents++;
  if (percents > 0 && !(percents === 1 && name.includes('%d'))) return 'a "%" in an interface name must be a single "%d" template';
  return undefined;
}

/** Whether the name has a character isspace() accepts (space, \t \n \v \f \r), without a regex run per name. */
function hasWhitespace(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) return true;
  }
  return false;
}
