import net from 'node:net';

/**
 * Which peers may tell us the client's address in `X-Forwarded-For`: none (the default: the header
 * is client-controlled), the nearest `hops` proxies, or proxies whose address is in `networks`.
 */
export type TrustProxy = { hops: number } | { networks: string[] };

export const TRUST_NO_PROXY: TrustProxy = { hops: 0 };

const NAMED: Record<string, string[]> = { loopback: ['127.0.0.0/8', '::1/128'] };

/**
 * Parses `NEWSGRAPH_TRUST_PROXY`: empty (no proxy), a number of hops, or a comma-separated list of
 * CIDRs, addresses and `loopback`.
 */
export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const text = raw?.trim() ?? '';
  if (text === '' || text === 'false') return TRUST_NO_PROXY;
  if (/^\d+$/.test(text)) return { hops: Number(text) };
  const networks = text.split(',').map((s) => s.trim()).filter(Boolean).flatMap((entry) => NAMED[entry] ?? [entry]);
  for (const n of networks) toSubnet(n); // throws on a malformed entry
  return { networks };
}

/** An address or CIDR as `net.BlockList.addSubnet` takes it; throws on a malformed entry. */
export function toSubnet(entry: string): { address: string; prefix: number; family: 'ipv4' | 'ipv6' } {
  const [address, bits] = entry.split('/');
  const version = net.isIP(address);
  if (version === 0) throw new Error(`"${entry}" is not an IP address or CIDR`);
  const max = version === 4 ? 32 : 128;
  const prefix = bits === undefined ? max : Number(bits);
  if (!/^\d+$/.test(bits ?? String(max)) || prefix > max) throw new Error(`"${entry}" has an invalid prefix length`);
  return { address, prefix, family: version === 4 ? 'ipv4' : 'ipv6' };
}
