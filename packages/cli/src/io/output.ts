/**
 * Standard output and error for every command, written with plain `write(2)` calls.
 *
 * `process.stdout` and `process.stderr` are streams that Node builds on first use, loading its stream
 * machinery (about 3 ms of a 60 ms start, measured in bench/ case 2) for a CLI that writes one report and exits.
 * Synchronous writes also mean nothing is lost when the process exits right after a large report on a pipe.
 */
import { fstatSync, writeSync } from 'node:fs';

const STDOUT = 1;
const STDERR = 2;
/** A reader that went away (`lxclint check | head`) ends our output on that descriptor, silently. */
const closed = new Set<number>();

function writeAll(fd: number, data: string | Uint8Array): void {
  if (closed.has(fd)) return;
  let bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  while (bytes.length > 0) {
    let n: number;
    try {
      n = writeSync(fd, bytes);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // A descriptor the parent left non-blocking: wait briefly for the reader, then go on.
      if (code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2);
        continue;
      }
      if (code === 'EPIPE') {
        closed.add(fd);
        return;
      }
      throw err;
    }
    bytes = bytes.subarray(n);
  }
}

/** Write to standard output (text as UTF-8, bytes as they are). */
export function writeStdout(data: string | Uint8Array): void {
  writeAll(STDOUT, data);
}

/** Write to standard error. */
export function writeStderr(text: string): void {
  writeAll(STDERR, text);
}

/**
 * Whether standard output is a terminal (for colour). `node:tty` loads the stream machinery too, so it is
 * only asked when stdout is a character device other than /dev/null and its kin (major 1): files, pipes and
 * /dev/null, where reports usually go, are answered by one fstat.
 */
export function stdoutIsTTY(): boolean {
  let st;
  try {
    st = fstatSync(STDOUT);
  } catch {
    return false;
  }
  if (!st.isCharacterDevice() || ((st.rdev >> 8) & 0xfff) === 1) return false;
  // process.getBuiltinModule arrived in Node 20.16; the bundle is CommonJS, so `require` serves older releases.
  const tty = typeof process.getBuiltinModule === 'function' ? process.getBuiltinModule('node:tty') : (require('node:tty') as typeof import('node:tty'));
  return tty.isatty(STDOUT);
}
