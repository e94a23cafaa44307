/**
 * Replace a file without ever leaving it half-written: write a temporary file in the same directory, give it
 * the original's mode and owner, flush it, then rename it over the original (rename is atomic within one
 * file system). A symlink is followed, so the link stays a link and its target gets the new content.
 */
import { chmodSync, chownSync, closeSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface AtomicWriteOptions {
  /** Take mode and owner from this file instead of the target (for a `.backup` of it). */
  like?: string;
  /** Mode for a file that does not exist yet (default 0o644, before the umask). */
  mode?: number;
}

export function writeFileAtomic(path: string, data: Uint8Array, options: AtomicWriteOptions = {}): void {
  let target = path;
  try {
    target = realpathSync(path);
  } catch {
    // does not exist yet: create it where it was named
  }
  let model: Stats | undefined;
  try {
    model = statSync(options.like ?? target);
  } catch {
    model = undefined;
  }
  const tmp = join(dirname(target), `.${basename(target)}.lxclint-${process.pid}-${Math.random().toString(36).slice(2, 10)}.tmp`);
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    let off = 0;
    while (off < data.length) off += writeSync(fd, data, off, data.length - off);
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    unlinkSync(tmp);
    throw err;
  }
  closeSync(fd);
  try {
    if (model) {
      const st = statSync(tmp);
      // Keep the owner; only root can give a file away, so a non-root user who cannot keep it is stopped
      // here rather than silently taking the file over.
      if (st.uid !== model.uid || st.gid !== model.gid) chownSync(tmp, model.uid, model.gid);
      chmodSync(tmp, model.mode & 0o7777);
    } else {
      chmodSync(tmp, (options.mode ?? 0o644) & ~process.umask());
    }
    renameSync(tmp, target);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
    throw err;
  }
  syncDir(dirname(target));
}

/** Make the rename itself durable (best effort: some file systems refuse fsync on a directory). */
function syncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // not supported here
  }
}
