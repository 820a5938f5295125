/**
 * Which client a request comes from, for per-client limits only: the result is hashed in memory with a
 * rotating key (see sliding-window.ts) and never stored or logged.
 *
 * Behind a reverse proxy every request arrives from the proxy's address. The proxy names the client in
 * X-Forwarded-For, but so can anyone else: the header is trusted only as far as the chain of hops consists
 * of trusted proxies. Read from the right (the hop nearest to us), the first address that is not one of our
 * proxies is the client; everything to its left was written by the client itself and is ignored.
 */
export interface TrustedProxies {
  contains(address: string): boolean;
}

export const NO_TRUSTED_PROXIES: TrustedProxies = { contains: () => false };

/** "127.0.0.1, ::1, 10.0.0.0/8": addresses and CIDR ranges; throws with a readable reason on a bad entry. */
export function parseTrustedProxies(setting: string): TrustedProxies {
  const ranges: { bits: bigint; prefix: number; family: 4 | 6 }[] = [];
  for (const entry of setting.split(',').map((e) => e.trim())) {
    if (!entry) continue;
    const [address = '', length, ...rest] = entry.split('/');
    const family = ipFamily(address);
    const width = family === 4 ? 32 : 128;
    if (!family || rest.length) throw new Error(`"${entry}" is not an IP address or CIDR range`);
    if (length !== undefined && (!/^\d+$/.test(length) || Number(length) > width))
      throw new Error(`"${entry}" has a bad prefix length`);
    ranges.push({ bits: addressBits(address, family), prefix: length === undefined ? width : Number(length), family });
  }
  if (ranges.length === 0) return NO_TRUSTED_PROXIES;
  return {
    contains(address) {
      const plain = unmapped(address);
      const family = ipFamily(plain);
      if (!family) return false;
      const bits = addressBits(plain, family);
      return ranges.some((r) => {
        if (r.family !== family) return false;
        const shift = BigInt((family === 4 ? 32 : 128) - r.prefix);
        return bits >> shift === r.bits >> shift;
      });
    },
  };
}

/**
 * The client's address: the socket's peer, or, when that peer is a trusted proxy, the first untrusted hop of
 * X-Forwarded-For from the right. A malformed hop ends the walk at the last address we could trust.
 */
export function clientAddressOf(peer: string, forwardedFor: string | undefined, trusted: TrustedProxies): string {
  let client = unmapped(peer);
  if (!forwardedFor || !trusted.contains(client)) return client;
  const hops = forwardedFor
    .split(',')
    .map((hop) => unmapped(stripPort(hop.trim())))
    .reverse();
  for (const hop of hops) {
    if (!ipFamily(hop)) break;
    client = hop;
    if (!trusted.contains(hop)) break;
  }
  return client;
}

/**
 * The key a limit counts by: an IPv4 address as it is, an IPv6 address by its /64 network, which one
 * household or phone usually holds entirely (counting single IPv6 addresses would let anyone with one
 * network use billions of them).
 */
export function limitKeyOf(address: string): string {
  const plain = unmapped(address);
  if (ipFamily(plain) !== 6) return plain;
  return `${expandIpv6(plain).slice(0, 4).join(':')}::/64`;
}

/** "::ffff:192.0.2.1" is the IPv4 address 192.0.2.1 on a dual-stack socket. */
function unmapped(address: string): string {
  const match = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return match ? match[1]! : address;
}

/** Proxies may write "192.0.2.1:4711" or "[2001:db8::1]:4711". */
function stripPort(hop: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(hop);
  if (bracketed) return bracketed[1]!;
  const v4 = /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(hop);
  return v4 ? v4[1]! : hop;
}

/** The eight groups of a valid IPv6 address, without leading zeros (from the URL parser's canonical form). */
function expandIpv6(address: string): string[] {
  const canonical = new URL(`http://[${address.split('%')[0]}]/`).hostname.slice(1, -1);
  const [head = '', tail] = canonical.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const zeros = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...zeros, ...right];
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** 4 or 6 for a well-formed address, else 0 (the URL parser checks IPv6; node:net is not on Workers). */
export function ipFamily(address: string): 0 | 4 | 6 {
  if (IPV4.test(address)) return 4;
  const plain = address.split('%')[0]!;
  if (!plain.includes(':') || !/^[0-9a-f:.]+$/i.test(plain)) return 0;
  try {
    new URL(`http://[${plain}]/`);
    return 6;
  } catch {
    return 0;
  }
}

function addressBits(address: string, family: 4 | 6): bigint {
  if (family === 4) return address.split('.').reduce((n, part) => (n << 8n) | BigInt(Number(part)), 0n);
  return expandIpv6(address).reduce((n, group) => (n << 16n) | BigInt(parseInt(group, 16)), 0n);
}
