#!/usr/bin/python3
"""liblxc as a test oracle: load config files the way `lxc-start -f FILE` does and report what liblxc made of them.

Input (stdin): a JSON list of jobs, each {"file": PATH, "cwd"?: DIR, "env"?: {NAME: VALUE}}.
Output (stdout): one JSON line per job, in order, flushed after each:
  {"file", "accepted", "errors": [ERROR log messages], "values": {key: raw get_config_item string}, "notes": [...]}

Must run under Debian's /usr/bin/python3 (python3-lxc belongs to it). Every load uses a fresh container object
in an empty temporary LXCPATH after clear_config(). Error text comes from liblxc's own log (lxc_log_init through
ctypes, level ERROR, into a temp file); fd 2 is redirected to a temp file as a fallback source.
A file that crashes liblxc (self-include recursion) kills this process: the caller re-runs the remaining jobs.
"""
import ctypes
import json
import os
import re
import shutil
import sys
import tempfile

import _lxc

NET_SUBKEYS = (
    "type flags link name hwaddr mtu ipv4.address ipv4.gateway ipv6.address ipv6.gateway l2proxy "
    "macvlan.mode ipvlan.mode ipvlan.isolation vlan.id veth.mode veth.pair veth.n_rxqueues veth.n_txqueues "
    "veth.ipv4.route veth.ipv6.route veth.vlan.id veth.vlan.tagged.id script.up script.down"
).split()
# Families whose aggregate get_config_item prints "key = value" lines; each member key is also read on its own.
AGGREGATES = ("lxc.cgroup2", "lxc.cgroup", "lxc.prlimit", "lxc.sysctl", "lxc.proc")
NAMESPACES = "user mnt pid uts ipc net cgroup time".split()
EXTRA_KEYS = ["lxc.namespace.share." + ns for ns in NAMESPACES] + ["lxc.environment.runtime", "lxc.environment.hooks"]

LOG_LINE = re.compile(r"^\S+ \S+ \d+\.\d+ (\w+)\s+\S+ - [^ ]+:\d+ - (.*)$")
STDERR_LINE = re.compile(r"^[^:]*: [^:]*: [^:]+: \w+: \d+ (.*)$")
NET_KEY = re.compile(rb"^[ \t]*lxc\.net\.([0-9]+)")


class LxcLog(ctypes.Structure):
    _fields_ = [
        ("name", ctypes.c_char_p), ("lxcpath", ctypes.c_char_p), ("file", ctypes.c_char_p),
        ("level", ctypes.c_char_p), ("prefix", ctypes.c_char_p), ("quiet", ctypes.c_bool),
    ]


def text(b):
    """Bytes from liblxc as a JSON-safe string: UTF-8 when valid, else latin1 (like lxclint's decoder)."""
    try:
        return b.decode("utf-8")
    except UnicodeDecodeError:
        return b.decode("latin1")


def get_raw(c, key):
    """get_config_item's raw string, or None when liblxc refuses the key."""
    try:
        v = c.get_config_item(key)
    except KeyError:
        return None
    except UnicodeDecodeError as e:
        return text(e.object)
    if v is False or v is None:
        return None
    return v


def lines_of(data):
    # liblxc stops at the first NUL and splits on CR and LF.
    data = data.split(b"\0", 1)[0]
    return re.split(rb"[\r\n]+", data)


def net_indices(path, cwd, seen, depth=0):
    """Network indices a file (and what it includes) mentions: liblxc does not list them, so we probe these."""
    out = set()
    if depth > 20:
        return out
    full = os.path.normpath(os.path.join(cwd, path))
    if full in seen:
        return out
    seen.add(full)
    try:
        if os.path.isdir(full):
            for name in os.listdir(full):
                if len(name) >= 6 and name.endswith(".conf"):
                    out |= net_indices(os.path.join(full, name), cwd, seen, depth + 1)
            return out
        with open(full, "rb") as f:
            data = f.read()
    except OSError:
        return out
    for line in lines_of(data):
        m = NET_KEY.match(line)
        if m:
            out.add(int(m.group(1)))
            continue
        s = line.lstrip(b" \t")
        if s.startswith(b"lxc.include") and b"=" in s:
            k, v = s.split(b"=", 1)
            if k.rstrip(b" \t") != b"lxc.include":
                continue
            v = v.strip(b" \t")
            if len(v) >= 2 and v[:1] in (b'"', b"'") and v[-1:] == v[:1]:
                v = v[1:-1]
            if v:
                out |= net_indices(os.fsdecode(v), cwd, seen, depth + 1)
    return out


def read_values(c, job_file, cwd):
    values = {}
    notes = []
    raw_keys = c.get_keys()
    keys = [k for k in raw_keys.split("\n") if k] if isinstance(raw_keys, str) else []
    for key in keys + EXTRA_KEYS:
        if key in values:
            continue
        v = get_raw(c, key)
        if v is not None:
            values[key] = v
    for agg in AGGREGATES:
        raw = values.get(agg)
        if not raw:
            continue
        for line in raw.split("\n"):
            if " = " in line:
                k = line.split(" = ", 1)[0]
                if k not in values:
                    v = get_raw(c, k)
                    if v is not None:
                        values[k] = v
    # Network interfaces: probe the indices the files mention.
    types = values.get("lxc.net", "")
    expected = len([t for t in types.split("\n") if t != ""]) if types else 0
    found = 0
    candidates = net_indices(job_file, cwd, set()) | set(range(4))
    for n in sorted(candidates):
        if n >= 2147483647:
            continue
        t = get_raw(c, "lxc.net.%d.type" % n)
        if t is None:
            continue
        found += 1
        for sub in NET_SUBKEYS:
            v = get_raw(c, "lxc.net.%d.%s" % (n, sub))
            if v is not None:
                values["lxc.net.%d.%s" % (n, sub)] = v
    if found != expected:
        notes.append("network probe found %d of %d interfaces" % (found, expected))
    return values, notes


def new_lines(f, pos):
    f.seek(pos)
    data = f.read()
    return data, pos + len(data)


def main():
    jobs = json.load(sys.stdin)
    # The caller may name the work directory (and remove it even when liblxc crashes this process).
    work = sys.argv[1] if len(sys.argv) > 1 else tempfile.mkdtemp(prefix="lxclint-oracle-")
    lxcpath = os.path.join(work, "lxcpath")
    os.mkdir(lxcpath)
    default_cwd = os.path.join(work, "cwd")
    os.mkdir(default_cwd)
    logfile = os.path.join(work, "lxc.log")

    # Keep our own stdout; liblxc's stderr goes to a file we can read back.
    out = os.fdopen(os.dup(1), "w", encoding="utf-8")
    errpath = os.path.join(work, "stderr")
    errfd = os.open(errpath, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)
    os.dup2(errfd, 2)

    log_ok = False
    try:
        lib = ctypes.CDLL("liblxc.so.1")
        log = LxcLog(b"oracle", lxcpath.encode(), logfile.encode(), b"ERROR", b"oracle", True)
        log_ok = lib.lxc_log_init(ctypes.byref(log)) == 0
    except OSError:
        log_ok = False
    logf = open(logfile, "a+b") if log_ok else None
    errf = open(errpath, "rb")
    log_pos = 0
    err_pos = 0
    base_env = dict(os.environ)

    for i, job in enumerate(jobs):
        path = job["file"]
        cwd = job.get("cwd") or default_cwd
        env = job.get("env") or {}
        os.chdir(cwd)
        for k, v in env.items():
            os.environ[k] = v
        c = _lxc.Container("oracle%d" % i, lxcpath)
        c.clear_config()
        accepted = bool(c.load_config(path))
        errors = []
        if logf is not None:
            logf.flush()
            data, log_pos = new_lines(logf, log_pos)
            for line in data.split(b"\n"):
                m = LOG_LINE.match(text(line))
                if m and m.group(1) in ("ERROR", "CRIT", "ALERT", "FATAL"):
                    errors.append(m.group(2))
        data, err_pos = new_lines(errf, err_pos)
        if not errors:
            for line in data.split(b"\n"):
                m = STDERR_LINE.match(text(line))
                if m:
                    errors.append(m.group(1))
        values, notes = ({}, [])
        if accepted:
            values, notes = read_values(c, path, cwd)
            # Reading keys the release lacks logs errors: drop them so the next job starts clean.
            if logf is not None:
                logf.flush()
                _, log_pos = new_lines(logf, log_pos)
            _, err_pos = new_lines(errf, err_pos)
        if not log_ok:
            notes.append("lxc_log_init failed: errors read from stderr")
        for k in env:
            if k in base_env:
                os.environ[k] = base_env[k]
            else:
                del os.environ[k]
        out.write(json.dumps({"file": path, "accepted": accepted, "errors": errors, "values": values, "notes": notes}) + "\n")
        out.flush()
        del c
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
