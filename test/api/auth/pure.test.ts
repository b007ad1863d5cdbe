import { createHash, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkUsername, foldUsername } from '../../../api/auth/account-rules.ts';
import { loadAuthConfig } from '../../../api/auth/auth-config.ts';
import { clientAddress, isLoopback, throttleKeyOf } from '../../../api/auth/client-address.ts';
import { readSessionToken, sessionCookie } from '../../../api/auth/cookies.ts';
import { inlineStyleHashes } from '../../../api/auth/security-headers.ts';
import { createStreamLinks } from '../../../api/auth/stream-links.ts';

describe('stream link tokens', () => {
  const now = 1_800_000_000_000;
  const links = createStreamLinks(randomBytes(32), 3600, () => now);
  const user = { id: 'u1234567890abcde', generation: 3 };
  const { token } = links.create('AAAAAAAAAAAAAAAA', user);

  it('verify what they sign, for that song only', () => {
    expect(links.verify('AAAAAAAAAAAAAAAA', token)).toEqual({
      userId: user.id,
      generation: 3,
      expiresAt: now + 3600_000,
    });
    expect(links.verify('BBBBBBBBBBBBBBBB', token)).toBeNull();
  });

  it('refuse any single changed, added or removed character', () => {
    const alphabet = [...'0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_.'];
    fc.assert(
      fc.property(
        fc.nat(token.length - 1),
        fc.constantFrom(...alphabet),
        fc.constantFrom('replace', 'insert', 'delete'),
        (at, char, how) => {
          const changed =
            how === 'replace'
              ? token.slice(0, at) + char + token.slice(at + 1)
              : how === 'insert'
                ? token.slice(0, at) + char + token.slice(at)
                : token.slice(0, at) + token.slice(at + 1);
          fc.pre(changed !== token);
          expect(links.verify('AAAAAAAAAAAAAAAA', changed)).toBeNull();
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('refuse a token signed with another secret, and an expired one', () => {
    const other = createStreamLinks(randomBytes(32), 3600, () => now);
    expect(other.verify('AAAAAAAAAAAAAAAA', token)).toBeNull();
    const later = createStreamLinks(Buffer.alloc(32), 3600, () => now);
    const { token: old } = later.create('AAAAAAAAAAAAAAAA', user);
    const after = createStreamLinks(Buffer.alloc(32), 3600, () => now + 3600_000);
    expect(after.verify('AAAAAAAAAAAAAAAA', old)).toBeNull();
  });
});

describe('client addresses', () => {
  const trust = loadAuthConfig({ TRUST_PROXY: '10.0.0.0/8, fd00::/8, 192.0.2.1' }, '/').trustProxy;
  it.each([
    [
      'no proxy trusted: the peer, whatever the header says',
      '203.0.113.1',
      '1.2.3.4',
      '203.0.113.1',
    ],
    [
      'a trusted peer: the rightmost untrusted hop',
      '10.0.0.5',
      '1.2.3.4, 198.51.100.7',
      '198.51.100.7',
    ],
    ['past several trusted hops', '10.0.0.5', '198.51.100.7, 192.0.2.1, 10.9.9.9', '198.51.100.7'],
    ['IPv4-mapped peer', '::ffff:10.0.0.5', '198.51.100.7', '198.51.100.7'],
    ['IPv6 proxy', 'fd00::1', '2001:db8::1', '2001:db8::1'],
    ['a garbled chain is believed nowhere', '10.0.0.5', 'evil, 198.51.100.7, <script>', undefined],
    ['no header', '10.0.0.5', null, '10.0.0.5'],
  ])('%s', (_, peer, forwardedFor, expected) => {
    expect(clientAddress({ address: peer, forwardedFor, forwardedProto: null }, trust)).toBe(
      expected,
    );
  });

  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['10.0.0.1', false],
    ['::ffff:10.0.0.1', false],
    [undefined, false],
    ['localhost', false],
  ])('isLoopback(%s) is %s', (address, expected) => {
    expect(isLoopback(address)).toBe(expected);
  });

  it.each([
    ['198.51.100.7', '198.51.100.7'],
    ['::ffff:198.51.100.7', '198.51.100.7'],
    ['2001:db8:1:2::5', '2001:db8:1:2'],
    ['2001:0db8:0001:0002:ffff:0:0:9', '2001:db8:1:2'],
    ['2001:db8::1', '2001:db8:0:0'],
    ['::1', '0:0:0:0'],
    [undefined, 'unknown'],
  ])('counts %s under %s', (address, key) => {
    expect(throttleKeyOf(address)).toBe(key);
  });

  it.each(['10.0.0.0/33', 'not-an-ip', '1.2.3.4/8/9', 'fd00::/129', '1.2.3.4/x'])(
    'refuses TRUST_PROXY=%s at start',
    (value) => {
      expect(() => loadAuthConfig({ TRUST_PROXY: value }, '/')).toThrow(/TRUST_PROXY/);
    },
  );
});

describe('settings', () => {
  it.each([
    [{ PUBLIC_URL: 'ftp://x' }, 'PUBLIC_URL'],
    [{ PUBLIC_URL: 'https://x.example/app' }, 'PUBLIC_URL'],
    [{ PUBLIC_URL: 'nope' }, 'PUBLIC_URL'],
    [{ ADMIN_USERNAME: 'a' }, 'ADMIN_PASSWORD'],
    [{ TLS_KEY: 'k.pem' }, 'TLS_CERT'],
    [{ SECRET: 'short' }, 'SECRET'],
    [{ SESSION_DAYS: '0' }, 'SESSION_DAYS'],
    [{ SESSION_DAYS: '-1' }, 'SESSION_DAYS'],
    [{ LINK_TTL: '1h' }, 'LINK_TTL'],
  ])('refuses %o naming %s', (env, name) => {
    expect(() => loadAuthConfig(env, '/')).toThrow(name);
  });
});

describe('cookies, names and styles', () => {
  it('reads the session token from a Cookie header, the secure name first', () => {
    expect(readSessionToken('a=1; tapedeck_session=abc; b=2')).toBe('abc');
    expect(readSessionToken('tapedeck_session=plain; __Host-tapedeck_session=secure')).toBe(
      'secure',
    );
    expect(readSessionToken('xtapedeck_session=abc')).toBeUndefined();
    expect(readSessionToken(undefined)).toBeUndefined();
    expect(sessionCookie('t', true)).toMatch(
      /^__Host-tapedeck_session=t; .*Path=\/; HttpOnly; SameSite=Lax; Secure$/,
    );
  });

  it('folds user names so look-alikes are one account, and refuses control characters', () => {
    expect(foldUsername(' Ann ')).toBe(foldUsername('ann'));
    expect(foldUsername('ＡＮＮ')).toBe('ann'); // full-width
    expect(checkUsername(' Zoë ')).toBe('Zoë');
    for (const bad of ['a\u0000b', 'a\u202eb', 'a\nb', '', ' ', 'x'.repeat(65)])
      expect(() => checkUsername(bad)).toThrow();
  });

  it('hashes each inline style of an HTML page for the CSP', () => {
    expect(inlineStyleHashes('<style>a{}</style><style media="x">b{}</style>')).toEqual([
      `'sha256-${createHash('sha256').update('a{}').digest('base64')}'`,
      `'sha256-${createHash('sha256').update('b{}').digest('base64')}'`,
    ]);
  });
});
