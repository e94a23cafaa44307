/**
 * Scopes the TextMate grammar gives to the line shapes liblxc distinguishes (parse_line in confile.c), checked with
 * the real VS Code engine. Scopes are shown without the `.lxc-config` suffix and the root scope.
 */
import { describe, expect, it } from 'vitest';
import { scopesOf, tokenize, tokenizeLine } from './textmate';

/** Compact scopes of the first token whose text is exactly `text` (fails the test if there is none). */
async function scopeOf(line: string, text: string): Promise<string> {
  const pairs = scopesOf(await tokenizeLine(line));
  const hit = pairs.find(([t]) => t === text);
  if (!hit) throw new Error(`no token ${JSON.stringify(text)} in ${JSON.stringify(pairs)}`);
  return hit[1];
}

const KEY = 'meta.entry meta.key variable.other.key';
const OP = 'meta.entry keyword.operator.assignment';
const VALUE = 'meta.entry meta.value string.unquoted.value';

describe('comments: # only as the first non-blank character', () => {
  it('at column 0', async () => {
    expect(scopesOf(await tokenizeLine('# lxc.uts.name = x'))).toEqual([
      ['#', 'comment.line.number-sign punctuation.definition.comment'],
      [' lxc.uts.name = x', 'comment.line.number-sign'],
    ]);
  });
  it('indented with spaces and with a tab', async () => {
    expect(scopesOf(await tokenizeLine('    # spaces'))).toEqual([
      ['    ', 'punctuation.whitespace.comment.leading'],
      ['#', 'comment.line.number-sign punctuation.definition.comment'],
      [' spaces', 'comment.line.number-sign'],
    ]);
    expect(scopesOf(await tokenizeLine('\t \t#tab'))).toEqual([
      ['\t \t', 'punctuation.whitespace.comment.leading'],
      ['#', 'comment.line.number-sign punctuation.definition.comment'],
      ['tab', 'comment.line.number-sign'],
    ]);
  });
  it('a form feed before # is not a blank for liblxc: the line is ignored, not a comment', async () => {
    expect(scopesOf(await tokenizeLine('\f# x'))).toEqual([['\f# x', 'comment.block.ignored']]);
  });
});

describe('key = value', () => {
  it('splits at the first = with blanks around it', async () => {
    expect(scopesOf(await tokenizeLine('lxc.uts.name = web'))).toEqual([
      ['lxc.uts.name', KEY],
      [' ', 'meta.entry punctuation.whitespace.key.trailing'],
      ['=', OP],
      [' ', 'meta.entry'],
      ['web', VALUE],
    ]);
    expect(scopesOf(await tokenizeLine('\tlxc.uts.name=web'))).toEqual([
      ['\t', 'meta.entry punctuation.whitespace.leading'],
      ['lxc.uts.name', KEY],
      ['=', OP],
      ['web', VALUE],
    ]);
  });
  it('keeps later = signs in the value (lxc.environment = A=B)', async () => {
    expect(scopesOf(await tokenizeLine('lxc.environment = A=B=C'))).toEqual([
      ['lxc.environment', KEY],
      [' ', 'meta.entry punctuation.whitespace.key.trailing'],
      ['=', OP],
      [' ', 'meta.entry'],
      ['A=B=C', VALUE],
    ]);
  });
  it('allows an empty value (clears the key), with or without trailing blanks', async () => {
    expect(scopesOf(await tokenizeLine('lxc.uts.name ='))).toEqual([
      ['lxc.uts.name', KEY],
      [' ', 'meta.entry punctuation.whitespace.key.trailing'],
      ['=', OP],
    ]);
    expect(scopesOf(await tokenizeLine('lxc.net.0.link =  \t'))).toEqual([
      ['lxc.net.', 'meta.entry meta.key.network variable.other.key'],
      ['0', 'meta.entry meta.key.network constant.numeric.index'],
      ['.link', 'meta.entry meta.key.network variable.other.key'],
      [' ', 'meta.entry punctuation.whitespace.key.trailing'],
      ['=', OP],
      ['  \t', 'meta.entry'],
    ]);
  });
  it('leaves trailing blanks out of the value but keeps a trailing form feed in it', async () => {
    expect(await scopeOf('lxc.uts.name = web \t', 'web')).toBe(VALUE);
    expect(await scopeOf('lxc.uts.name = web\f', 'web\f')).toBe(VALUE);
  });
});

describe('keys', () => {
  it('marks the network index as a number', async () => {
    expect(scopesOf(await tokenizeLine('lxc.net.007.ipv4.address = 192.0.2.7/24')).slice(0, 3)).toEqual([
      ['lxc.net.', 'meta.entry meta.key.network variable.other.key'],
      ['007', 'meta.entry meta.key.network constant.numeric.index'],
      ['.ipv4.address', 'meta.entry meta.key.network variable.other.key'],
    ]);
    // The bare index form (lxc.net.0 =) removes the interface.
    expect(scopesOf(await tokenizeLine('lxc.net.1 =')).slice(0, 2)).toEqual([
      ['lxc.net.', 'meta.entry meta.key.network variable.other.key'],
      ['1', 'meta.entry meta.key.network constant.numeric.index'],
    ]);
  });
  it('flags an unknown network subkey and a non-numeric index', async () => {
    expect(await scopeOf('lxc.net.0.ipv4 = 192.0.2.1', '.ipv4')).toBe('meta.entry meta.key.network invalid.illegal.unknown-key');
    expect(await scopeOf('lxc.net.x.type = veth', 'lxc.net.x.type')).toBe('meta.entry meta.key invalid.illegal.unknown-key');
  });
  it('names the open suffix of prefix families', async () => {
    expect(scopesOf(await tokenizeLine('lxc.cgroup2.memory.max = 1G')).slice(0, 2)).toEqual([
      ['lxc.cgroup2.', 'meta.entry meta.key.cgroup2 variable.other.key'],
      ['memory.max', 'meta.entry meta.key.cgroup2 entity.name.tag.controller'],
    ]);
    expect(await scopeOf('lxc.sysctl.net.ipv4.ip_forward = 1', 'net.ipv4.ip_forward')).toBe(
      'meta.entry meta.key.sysctl entity.name.tag.parameter',
    );
    expect(await scopeOf('lxc.prlimit.nofile = 1024:2048', 'nofile')).toBe('meta.entry meta.key.prlimit entity.name.tag.resource');
    expect(await scopeOf('lxc.namespace.share.net = other', 'net')).toBe('meta.entry meta.key.namespace entity.name.tag.namespace');
  });
  it('prefers the exact cgroup keys over the v1 prefix family', async () => {
    expect(await scopeOf('lxc.cgroup.dir = lxc/x', 'lxc.cgroup.dir')).toBe(KEY);
    expect(await scopeOf('lxc.cgroup.devices.allow = a', 'devices.allow')).toBe('meta.entry meta.key.cgroup entity.name.tag.controller');
  });
  it('marks legacy keys as deprecated', async () => {
    const legacy = 'meta.entry meta.key.legacy invalid.deprecated.legacy-key';
    expect(await scopeOf('lxc.utsname = old', 'lxc.utsname')).toBe(legacy);
    expect(await scopeOf('lxc.network.type = veth', 'lxc.network.type')).toBe(legacy);
    expect(await scopeOf('lxc.network.0.link = br0', 'lxc.network.0.link')).toBe(legacy);
    expect(await scopeOf('lxc.limit.nofile = 10', 'lxc.limit.nofile')).toBe(legacy);
    // The modern spelling is not legacy.
    expect(await scopeOf('lxc.uts.name = new', 'lxc.uts.name')).toBe(KEY);
  });
  it('flags unsupported keys, including a key with a blank inside', async () => {
    expect(await scopeOf('lxc.foo = bar', 'lxc.foo')).toBe('meta.entry meta.key invalid.illegal.unknown-key');
    expect(await scopeOf('lxc.uts.name x = y', 'lxc.uts.name x')).toBe('meta.entry meta.key invalid.illegal.unknown-key');
    expect(await scopeOf('lxc.cgroup2x = 1', 'lxc.cgroup2x')).toBe('meta.entry meta.key invalid.illegal.unknown-key');
  });
});

describe('values', () => {
  it('strips one matching pair of outer quotes', async () => {
    expect(scopesOf(await tokenizeLine('lxc.uts.name = "a # b"')).slice(-3)).toEqual([
      ['"', 'meta.entry meta.value string.quoted.double punctuation.definition.string.begin'],
      ['a # b', 'meta.entry meta.value string.quoted.double'],
      ['"', 'meta.entry meta.value string.quoted.double punctuation.definition.string.end'],
    ]);
    expect(scopesOf(await tokenizeLine("lxc.uts.name = 'x' ")).slice(-4, -1)).toEqual([
      ["'", 'meta.entry meta.value string.quoted.single punctuation.definition.string.begin'],
      ['x', 'meta.entry meta.value string.quoted.single'],
      ["'", 'meta.entry meta.value string.quoted.single punctuation.definition.string.end'],
    ]);
    // Inner quotes stay: only the outer pair goes.
    expect(await scopeOf('lxc.uts.name = "a" "b"', 'a" "b')).toBe('meta.entry meta.value string.quoted.double');
    // "" is an empty value.
    expect(scopesOf(await tokenizeLine('lxc.uts.name = ""')).slice(-2).map(([t]) => t)).toEqual(['"', '"']);
  });
  it('keeps unmatched or mixed quotes as part of an unquoted value', async () => {
    expect(await scopeOf('lxc.uts.name = "abc', '"abc')).toBe(VALUE);
    expect(await scopeOf(`lxc.uts.name = "abc'`, `"abc'`)).toBe(VALUE);
    expect(await scopeOf('lxc.uts.name = "', '"')).toBe(VALUE);
  });
  it('treats # after a value as part of the value, hinted as swallowed', async () => {
    const tokens = scopesOf(await tokenizeLine('lxc.net.0.link = lxcbr0 # bridge'));
    expect(tokens.slice(-2)).toEqual([
      ['lxcbr0 ', VALUE],
      ['# bridge', `${VALUE} invalid.deprecated.inline-comment`],
    ]);
    expect(await scopeOf('lxc.uts.name = # nothing', '# nothing')).toBe(`${VALUE} invalid.deprecated.inline-comment`);
    expect(await scopeOf('lxc.uts.name = "web" # x', '# x')).toBe(`${VALUE} invalid.deprecated.inline-comment`);
    // A # inside a word is not a would-be comment.
    expect(await scopeOf('lxc.apparmor.raw = a#b', 'a#b')).toBe(VALUE);
  });
  it('highlights numbers with units, booleans, signals', async () => {
    expect(await scopeOf('lxc.net.0.mtu = 1500', '1500')).toBe(`${VALUE} constant.numeric.integer`);
    expect(await scopeOf('lxc.time.offset.boot = -10s', '-10')).toBe(`${VALUE} constant.numeric.integer`);
    expect(await scopeOf('lxc.time.offset.boot = -10s', 's')).toBe(`${VALUE} keyword.other.unit`);
    expect(await scopeOf('lxc.start.auto = 1', '1')).toBe('meta.entry meta.value constant.language.boolean');
    expect(await scopeOf('lxc.net.3.l2proxy = 0', '0')).toBe('meta.entry meta.value constant.language.boolean');
    // Not a boolean key: just a number.
    expect(await scopeOf('lxc.tty.max = 1', '1')).toBe(`${VALUE} constant.numeric.integer`);
    expect(await scopeOf('lxc.signal.halt = SIGRTMIN+3', 'SIGRTMIN+3')).toBe(`${VALUE} constant.language.signal`);
  });
  it('highlights IPv4/IPv6 addresses with a prefix, MAC addresses and paths', async () => {
    const v4 = scopesOf(await tokenizeLine('lxc.net.0.ipv4.address = 192.0.2.10/24 192.0.2.255'));
    expect(v4.slice(-5)).toEqual([
      ['192.0.2.10', `${VALUE} constant.other.ip-address.ipv4`],
      ['/', `${VALUE} constant.other.ip-address.ipv4 punctuation.separator.prefix-length`],
      ['24', `${VALUE} constant.other.ip-address.ipv4 constant.numeric.prefix-length`],
      [' ', VALUE],
      ['192.0.2.255', `${VALUE} constant.other.ip-address.ipv4`],
    ]);
    for (const addr of ['2001:db8::1', 'fe80::1', '::', '::ffff:192.0.2.1', '2001:db8:0:0:0:0:0:1']) {
      expect(await scopeOf(`lxc.net.0.ipv6.address = ${addr}/64`, addr)).toBe(`${VALUE} constant.other.ip-address.ipv6`);
    }
    expect(await scopeOf('lxc.net.0.hwaddr = 00:16:3e:xx:xx:xx', '00:16:3e:xx:xx:xx')).toBe(`${VALUE} constant.other.mac-address`);
    expect(await scopeOf('lxc.rootfs.path = dir:/var/lib/lxc/c1/rootfs', '/var/lib/lxc/c1/rootfs')).toBe(
      `${VALUE} constant.other.path`,
    );
    expect(await scopeOf('lxc.include = /usr/share/lxc/config/common.conf.d/', '/usr/share/lxc/config/common.conf.d/')).toBe(
      `${VALUE} constant.other.path`,
    );
  });
  it('does not read a MAC as IPv6 or a cgroup option list as addresses', async () => {
    expect(await scopeOf('lxc.mount.auto = proc:mixed sys:ro cgroup:mixed', 'proc:mixed sys:ro cgroup:mixed')).toBe(VALUE);
    expect(await scopeOf('lxc.net.0.hwaddr = 02:00:00:aa:bb:cc', '02:00:00:aa:bb:cc')).toBe(`${VALUE} constant.other.mac-address`);
  });
});

describe('lines liblxc ignores or rejects', () => {
  it('ignores lines that do not start with lxc.', async () => {
    for (const line of ['foo = bar', 'LXC.uts.name = x', 'lxc,uts.name = x', '= x', 'just text', '\uFEFFlxc.uts.name = x']) {
      expect(scopesOf(await tokenizeLine(line)), line).toEqual([[line, 'comment.block.ignored']]);
    }
    expect(scopesOf(await tokenizeLine('  foo'))).toEqual([
      ['  ', 'punctuation.whitespace.leading'],
      ['foo', 'comment.block.ignored'],
    ]);
  });
  it('gives blank lines (spaces, tabs, form feeds) no scope', async () => {
    for (const line of ['', '   ', '\t', ' \f ']) {
      expect(scopesOf(await tokenizeLine(line)).filter(([, s]) => s !== ''), JSON.stringify(line)).toEqual([]);
    }
  });
  it('marks an lxc. line without = as invalid', async () => {
    expect(scopesOf(await tokenizeLine('lxc.uts.name web'))).toEqual([['lxc.uts.name web', 'invalid.illegal.missing-assignment']]);
    expect(scopesOf(await tokenizeLine('  lxc.'))).toEqual([
      ['  ', 'punctuation.whitespace.leading'],
      ['lxc.', 'invalid.illegal.missing-assignment'],
    ]);
  });
});

describe('multi-line input', () => {
  it('reads CRLF, LF and lone CR line ends alike, with no state leaking across lines', async () => {
    const lf = await tokenize('# c\nlxc.uts.name = "web"\nlxc.net.0.type = veth\n');
    const crlf = await tokenize('# c\r\nlxc.uts.name = "web"\r\nlxc.net.0.type = veth\r\n');
    const cr = await tokenize('# c\rlxc.uts.name = "web"\rlxc.net.0.type = veth\r');
    expect(crlf.map(scopesOf)).toEqual(lf.map(scopesOf));
    expect(cr.map(scopesOf)).toEqual(lf.map(scopesOf));
    expect(scopesOf(crlf[1]!).at(-1)).toEqual(['"', 'meta.entry meta.value string.quoted.double punctuation.definition.string.end']);
  });
  it('keeps a stray CR (a tool that splits at LF only) out of the value', async () => {
    expect(scopesOf(await tokenizeLine('lxc.uts.name = "web"\r')).slice(-4)).toEqual([
      ['"', 'meta.entry meta.value string.quoted.double punctuation.definition.string.begin'],
      ['web', 'meta.entry meta.value string.quoted.double'],
      ['"', 'meta.entry meta.value string.quoted.double punctuation.definition.string.end'],
      ['\r', 'meta.entry meta.value'],
    ]);
  });
  it('starts every line from scratch: a quote or # never carries to the next line', async () => {
    const lines = await tokenize('lxc.uts.name = "open\nlxc.arch = amd64 # x\nlxc.tty.max = 4');
    expect(scopesOf(lines[1]!)[0]).toEqual(['lxc.arch', KEY]);
    expect(scopesOf(lines[2]!)[0]).toEqual(['lxc.tty.max', KEY]);
    expect(scopesOf(lines[2]!).at(-1)).toEqual(['4', `${VALUE} constant.numeric.integer`]);
  });
});
