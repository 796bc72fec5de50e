import type { IncomingMessage } from 'node:http';
import net from 'node:net';
import { toSubnet, type TrustProxy } from '../../config/trust-proxy.ts';

/** `::ffff:1.2.3.4` (an IPv4 client on a dual-stack socket) is 1.2.3.4; zone ids are dropped. */
export function normaliseAddress(address: string): string {
  const plain = address.trim().replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(plain);
  return mapped ? mapped[1] : plain;
}

function expandIPv6(address: string): string[] {
  let text = address;
  // An embedded IPv4 tail (::1.2.3.4) becomes two groups.
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number);
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const fill = tail === undefined ? [] : Array(8 - left.length - right.length).fill('0');
  return [...left, ...fill, ...right].map((g) => parseInt(g, 16).toString(16));
}

/**
 * The rate-limiting identity of an address: an IPv4 address itself, an IPv6 address's /64 (one
 * subscriber usually holds a whole /64 and can rotate through it at will).
 */
export function clientKey(address: string): string {
  const a = normaliseAddress(address);
  if (net.isIPv6(a)) return `${expandIPv6(a).slice(0, 4).join(':')}::/64`;
  return a;
}

/**
 * Resolves the client's address: the socket peer, unless that peer is a trusted proxy, in which case
 * `X-Forwarded-For` is read from the right (each proxy appends the address it saw) up to the first
 * address that is not trusted. Entries further left are the client's own claims and never used.
 */
export function createClientAddressResolver(trust: TrustProxy): (req: IncomingMessage) => string {
  let trusted: (address: string, hop: number) => boolean;
  if ('hops' in trust) {
    trusted = (_address, hop) => hop < trust.hops;
  } else {
    const list = new net.BlockList();
    for (const n of trust.networks) {
      const s = toSubnet(n);
      list.addSubnet(s.address, s.prefix, s.family);
    }
    trusted = (address) => {
      const version = net.isIP(address);
      return version !== 0 && list.check(address, version === 4 ? 'ipv4' : 'ipv6');
    };
  }
  return (req) => {
    let address = normaliseAddress(req.socket.remoteAddress ?? 'unknown');
    if (!trusted(address, 0)) return address;
    const header = req.headers['x-forwarded-for'];
    const forwarded = (Array.isArray(header) ? header.join(',') : header ?? '').split(',').map((s) => normaliseAddress(s)).filter(Boolean).reverse();
    for (let hop = 0; hop < forwarded.length; hop++) {
      // A malformed entry ends the chain: the last good address is the best we know.
      if (net.isIP(forwarded[hop]) === 0) break;
      address = forwarded[hop];
      if (!trusted(address, hop + 1)) break;
    }
    return address;
  };
}
