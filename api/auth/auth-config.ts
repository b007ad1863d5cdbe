import { BlockList, isIP } from 'node:net';
import {
  ConfigError,
  type Env,
  readDecimal,
  readNumber,
  readPair,
  resolvePath,
} from '../config-readers.ts';

export interface AuthConfig {
  /** Sessions end after this many days without a request. */
  sessionDays: number;
  /** Seconds a stream link stays valid. */
  linkTtlSeconds: number;
  /** SECRET: signs stream links; generated and kept in the state store when unset. */
  secret: string | undefined;
  /** ADMIN_USERNAME + ADMIN_PASSWORD: the first admin, created at start when no account exists. */
  admin: { username: string; password: string } | undefined;
  /** PUBLIC_URL: the one origin the server answers for; cookies are Secure when it is https. */
  publicUrl: { origin: string; host: string; secure: boolean } | undefined;
  /** TLS_CERT + TLS_KEY: PEM files; the server speaks HTTPS itself. */
  tls: { certPath: string; keyPath: string } | undefined;
  /** TRUST_PROXY: peers whose X-Forwarded-For/-Proto are believed (empty: nobody). */
  trustProxy: BlockList;
  /** TRUST_PROXY as written, for logs. */
  trustProxyText: string;
}

const MIN_SECRET_LENGTH = 32;

export function loadAuthConfig(env: Env, cwd: string): AuthConfig {
  const admin = readPair(env, 'ADMIN_USERNAME', 'ADMIN_PASSWORD');
  const tls = readPair(env, 'TLS_CERT', 'TLS_KEY');
  const secret = env.SECRET || undefined;
  if (secret !== undefined && secret.length < MIN_SECRET_LENGTH) {
    throw new ConfigError(`SECRET must be at least ${MIN_SECRET_LENGTH} characters`);
  }
  return {
    sessionDays: readDecimal(env, 'SESSION_DAYS', 30, 3650),
    linkTtlSeconds: readNumber(env, 'LINK_TTL', 3600, 1, 31 * 24 * 3600),
    secret,
    admin: admin && { username: admin[0], password: admin[1] },
    publicUrl: readPublicUrl(env.PUBLIC_URL),
    tls: tls && {
      certPath: resolvePath(tls[0], cwd),
      keyPath: resolvePath(tls[1], cwd),
    },
    trustProxy: readTrustProxy(env.TRUST_PROXY),
    trustProxyText: env.TRUST_PROXY ?? '',
  };
}

function readPublicUrl(raw: string | undefined): AuthConfig['publicUrl'] {
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`PUBLIC_URL=${raw} is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(`PUBLIC_URL=${raw} must start with https:// or http://`);
  }
  if (url.username || url.password || url.search || url.hash || url.pathname !== '/') {
    throw new ConfigError(
      `PUBLIC_URL=${raw} must be an origin only, like https://music.example.org`,
    );
  }
  return { origin: url.origin, host: url.host, secure: url.protocol === 'https:' };
}

/** `10.0.0.1, 192.168.0.0/16, fd00::/8, loopback` → a BlockList (node's own CIDR matcher). */
function readTrustProxy(raw: string | undefined): BlockList {
  const list = new BlockList();
  for (const entry of (raw ?? '').split(',').map((part) => part.trim())) {
    if (!entry) continue;
    if (entry === 'loopback') {
      list.addSubnet('127.0.0.0', 8, 'ipv4');
      list.addAddress('::1', 'ipv6');
      continue;
    }
    const [address = '', bits, extra] = entry.split('/');
    const family = isIP(address);
    const max = family === 6 ? 128 : 32;
    const prefix = bits === undefined ? max : Number(bits);
    if (!family || extra !== undefined || !/^\d*$/.test(bits ?? '') || prefix > max) {
      throw new ConfigError(
        `TRUST_PROXY entry "${entry}" is not an IP address, a CIDR range or "loopback"`,
      );
    }
    list.addSubnet(address, prefix, family === 6 ? 'ipv6' : 'ipv4');
  }
  return list;
}
