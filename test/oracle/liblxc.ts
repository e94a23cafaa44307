/**
 * liblxc as a test oracle, from TypeScript: runs test/oracle/liblxc_oracle.py under Debian's /usr/bin/python3
 * (python3-lxc) over a batch of files in one process, and re-runs the rest of the batch when a file crashes
 * liblxc (self-inclusion recurses until SIGSEGV) or hangs.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface OracleJob {
  file: string;
  /** Working directory for the load (relative `lxc.include` paths resolve against it). Default: an empty temp dir. */
  cwd?: string;
  /** Extra environment for the load (`lxc.environment = NAME` copies NAME from it). */
  env?: Record<string, string>;
}

export interface OracleResult {
  file: string;
  /** liblxc's verdict: load_config() returned true. */
  accepted: boolean;
  /** ERROR lines liblxc logged while loading (message text only). */
  errors: string[];
  /** Every key's get_config_item() raw string, when accepted (network keys for the indices the files use). */
  values: Record<string, string>;
  /** Set when liblxc crashed or hung on this file (then accepted is false). */
  crashed?: string;
  /** Oracle remarks, e.g. when probing network indices found fewer interfaces than liblxc holds. */
  notes?: string[];
}

const PYTHON = '/usr/bin/python3';
const SCRIPT = fileURLToPath(new URL('./liblxc_oracle.py', import.meta.url));
/** A hung load (e.g. an include of a FIFO) is given up after this long without output. */
const STALL_MS = 30_000;

let available: boolean | undefined;

/** True when python3-lxc can be imported by Debian's python (the oracle can run). */
export function oracleAvailable(): boolean {
  if (available === undefined) {
    const r = spawnSync(PYTHON, ['-c', 'import lxc, _lxc'], { stdio: 'ignore', timeout: 20_000 });
    available = r.status === 0;
  }
  return available;
}

/** The environment the oracle runs with: fixed, so `lxc.environment = NAME` behaves the same everywhere. */
export const ORACLE_ENV: Record<string, string> = { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', LANG: 'C.UTF-8', HOME: '/root' };

interface BatchOutcome {
  results: OracleResult[];
  /** Why the process ended early (signal, exit code, stall), when it did. */
  died?: string;
}

function runBatch(jobs: OracleJob[]): Promise<BatchOutcome> {
  return new Promise((resolve, reject) => {
    const work = mkdtempSync(join(tmpdir(), 'lxclint-oracle-'));
    const child = spawn(PYTHON, [SCRIPT, work], { stdio: ['pipe', 'pipe', 'pipe'], env: ORACLE_ENV });
    const results: OracleResult[] = [];
    let buf = '';
    let stderr = '';
    let stalled = false;
    let timer = setTimeout(onStall, STALL_MS);
    function onStall() {
      stalled = true;
      child.kill('SIGKILL');
    }
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      clearTimeout(timer);
      timer = setTimeout(onStall, STALL_MS);
      buf += chunk;
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        if (line.trim() !== '') results.push(JSON.parse(line) as OracleResult);
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      if (stderr.length < 10_000) stderr += chunk;
    });
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      rmSync(work, { recursive: true, force: true });
      if (results.length >= jobs.length) return resolve({ results });
      const died = stalled ? `no answer within ${STALL_MS / 1000}s` : signal ? `killed by ${signal}` : `exit code ${code}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`;
      resolve({ results, died });
    });
    child.stdin.on('error', () => {
      /* the child may die before reading everything; handled in close */
    });
    child.stdin.end(JSON.stringify(jobs));
  });
}

/**
 * Load each file with liblxc and report the verdict, the ERROR log lines and, when accepted, every value.
 * Results come back in job order. A file that crashes or hangs liblxc is reported as not accepted, with
 * `crashed` saying how, and the jobs after it run in a fresh process.
 */
export async function runOracle(jobs: Array<{ file: string; cwd?: string; env?: Record<string, string> }>): Promise<OracleResult[]> {
  if (!oracleAvailable()) throw new Error(`liblxc oracle unavailable: ${PYTHON} cannot import lxc (apt-get install python3-lxc)`);
  const out: OracleResult[] = [];
  let rest = jobs.map((j) => ({ file: j.file, ...(j.cwd ? { cwd: j.cwd } : {}), ...(j.env ? { env: j.env } : {}) }));
  while (rest.length > 0) {
    const { results, died } = await runBatch(rest);
    out.push(...results);
    if (!died) break;
    // The job after the last answered one took the process down.
    const bad = rest[results.length]!;
    out.push({ file: bad.file, accepted: false, errors: [`liblxc crashed: ${died}`], values: {}, crashed: died });
    rest = rest.slice(results.length + 1);
  }
  return out;
}
