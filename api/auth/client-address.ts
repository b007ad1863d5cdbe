import { type BlockList, isIP } from 'node:net';

/**
 * The client's address and scheme, believing X-Forwarded-For/-Proto only from TRUST_PROXY peers.
 * (srvx's own trustProxy takes exact addresses, not CIDR ranges, and h3's getRequestIP trusts the
 * header's first entry, which the client writes: hence this small resolver.)
 */
export interface Peer {
  /** The TCP peer (the proxy, when there is one). */
  address: string | undefined;
  forwardedFor: string | null;
  forwardedProto: string | null;
}

/** IPv4-mapped IPv6 (`::ffff:10.0.0.1`) as plain IPv4; anything unparseable as undefined. */
export function normalizeAddress(address: string | undefined): string | undefined {
  if (!address) return undefined;
  const bare = address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
  return isIP(bare) ? bare : undefined;
}

export function isTrusted(trust: BlockList, address: string | undefined): boolean {
  const normal = normalizeAddress(address);
  if (!normal) return false;
  return trust.check(normal, isIP(normal) === 6 ? 'ipv6' : 'ipv4');
}

/** Walks X-Forwarded-For from the right past trusted proxies: the first untrusted hop is the client. */
export function clientAddress(peer: Peer, trust: BlockList): string | undefined {
  const direct = normalizeAddress(peer.address);
  if (!isTrusted(trust, direct) || !peer.forwardedFor) return direct;
  const hops = peer.forwardedFor.split(',').map((hop) => hop.trim());
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalizeAddress(hops[i]);
    if (!hop) return undefined; // a garbled chain: trust none of it
    if (!isTrusted(trust, hop)) return hop;
  }
  return normalizeAddress(hops[0]);
}

/** The request reached a trusted proxy over HTTPS (its last X-Forwarded-Proto hop says so). */
export function forwardedHttps(peer: Peer, trust: BlockList): boolean {
  if (!peer.forwardedProto || !isTrusted(trust, peer.address)) return false;
  const last = peer.forwardedProto.split(',').pop()?.trim().toLowerCase();
  return last === 'https';
}

export function isLoopback(address: string | undefined): boolean {
  const normal = normalizeAddress(address);
  return normal !== undefined && (normal === '::1' || normal.startsWith('127.'));
}

/**
 * The key a client is counted under for throttling: an IPv4 address, or an IPv6 /64 (one
 * household or host holds a whole /64 and could rotate through it).
 */
export function throttleKeyOf(address: string | undefined): string {
  const normal = normalizeAddress(address);
  if (!normal) return 'unknown';
  if (isIP(normal) === 4) return normal;
  return expandIpv6(normal).slice(0, 4).join(':');
}

function expandIpv6(address: string): string[] {
  const [head = '', tail] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  if (right.at(-1)?.includes('.') || left.at(-1)?.includes('.')) {
    return [...left, ...right]; // embedded IPv4 tail: the /64 is in the first groups anyway
  }
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array(missing).fill('0'), ...right].map((g) =>
    (g || '0').toLowerCase().replace(/^0+(?=.)/, ''),
  );
}
