/**
 * @module fetch/address-policy
 * Decides which hosts and addresses the fetcher may dial, so a feed URL cannot turn tributary into
 * a probe of its own network ("refusing to be a weapon"): loopback, private, CGNAT, link-local,
 * unique-local, unspecified, multicast and reserved ranges, their IPv4-mapped, NAT64 and 6to4
 * IPv6 forms, and the cloud metadata names are refused unless `allowPrivate` lets them through.
 * Built on node:net `BlockList`, which already matches `::ffff:a.b.c.d` against IPv4 rules; the
 * NAT64 and 6to4 forms are added as mirrored IPv6 rules so no address parsing is hand-written.
 */
import { BlockList, isIP } from 'node:net';
import { TributaryError } from '../model/index.js';

/** IPv4 ranges no feed should live on (RFC 6890 special-purpose registry, the dangerous part). */
const blockedIpv4: ReadonlyArray<readonly [string, number]> = [
  ['0.0.0.0', 8], // "this network", 0.0.0.0 dials the local host
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // CGNAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, home of 169.254.169.254 (cloud metadata)
  ['172.16.0.0', 12],
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved and broadcast
];

const blockedIpv6: ReadonlyArray<readonly [string, number]> = [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['100::', 64], // discard-only
  ['64:ff9b:1::', 48], // local-use NAT64
  ['fc00::', 7], // unique-local, includes fd00:ec2::254 (AWS metadata over IPv6)
  ['fe80::', 10], // link-local
  ['fec0::', 10], // deprecated site-local
  ['ff00::', 8], // multicast
];

/** Host names of cloud metadata services; refused by name before any DNS answer is trusted. */
const metadataHostNames = new Set([
  'metadata.google.internal',
  'metadata.goog',
  'metadata',
  'instance-data',
  'instance-data.ec2.internal',
]);

const privateAddresses = createPrivateBlockList();

function createPrivateBlockList(): BlockList {
  const list = new BlockList();
  for (const [address, prefix] of blockedIpv4) {
    list.addSubnet(address, prefix, 'ipv4');
    // NAT64 (RFC 6052) and 6to4 (RFC 3056) carry an IPv4 address inside an IPv6 one.
    list.addSubnet(`64:ff9b::${address}`, 96 + prefix, 'ipv6');
    list.addSubnet(`2002:${ipv4ToHextets(address)}::`, 16 + prefix, 'ipv6');
  }
  for (const [address, prefix] of blockedIpv6) list.addSubnet(address, prefix, 'ipv6');
  return list;
}

function ipv4ToHextets(address: string): string {
  const [a = 0, b = 0, c = 0, d = 0] = address.split('.').map(Number);
  return `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
}

/** True when `address` (an IP literal, IPv6 without brackets) is in a range the fetcher refuses. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return privateAddresses.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** True for the cloud metadata host names (`metadata.google.internal`, ...). */
export function isMetadataHostName(hostName: string): boolean {
  return metadataHostNames.has(normalizeHostName(hostName));
}

/** Which destinations one fetcher may dial. */
export interface AddressPolicy {
  /** True when the name (or IP literal) and port are allowed before any DNS lookup. */
  isHostAllowed(hostName: string, port: number): boolean;
  /** True when a resolved `address` for `hostName:port` may be dialled. */
  isAddressAllowed(address: string, hostName: string, port: number): boolean;
}

/**
 * Builds the policy for an `allowPrivate` option: `false` (default) refuses every private
 * destination, `true` allows all, a list allows the host names, `host:port` pairs, IPs and CIDR
 * ranges (IPv4 and IPv6) it names.
 */
export function createAddressPolicy(allowPrivate: boolean | readonly string[] = false): AddressPolicy {
  if (allowPrivate === true) return { isHostAllowed: () => true, isAddressAllowed: () => true };
  const allowed = parseAllowList(allowPrivate === false ? [] : allowPrivate);

  const isNameAllowed = (hostName: string, port: number): boolean => {
    const name = normalizeHostName(hostName);
    return allowed.names.has(name) || allowed.names.has(`${name}:${port}`);
  };
  const isAddressListed = (address: string, port: number): boolean => {
    const family = isIP(address);
    if (family === 0) return false;
    const normalized = normalizeHostName(address);
    if (allowed.names.has(`${normalized}:${port}`)) return true;
    return allowed.addresses.check(address, family === 4 ? 'ipv4' : 'ipv6');
  };

  // The answer for an address never changes, and a cycle asks it again for every feed of a host:
  // remembered (BlockList checks build a SocketAddress each time), in a map cleared when large.
  const addressAnswers = new Map<string, boolean>();
  const isAddressPermitted = (address: string, port: number): boolean => {
    const key = `${address} ${port}`;
    let answer = addressAnswers.get(key);
    if (answer === undefined) {
      answer = !isPrivateAddress(address) || isAddressListed(address, port);
      if (addressAnswers.size >= 4096) addressAnswers.clear();
      addressAnswers.set(key, answer);
    }
    return answer;
  };

  return {
    isHostAllowed(hostName, port) {
      if (isNameAllowed(hostName, port)) return true;
      const address = stripBrackets(hostName);
      if (isIP(address) !== 0) return isAddressPermitted(address, port);
      return !isMetadataHostName(hostName);
    },
    isAddressAllowed(address, hostName, port) {
      if (isNameAllowed(hostName, port)) return true;
      return isAddressPermitted(address, port);
    },
  };
}

interface AllowList {
  names: Set<string>;
  addresses: BlockList;
}

function parseAllowList(entries: readonly string[]): AllowList {
  const names = new Set<string>();
  const addresses = new BlockList();
  for (const raw of entries) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    const slash = entry.indexOf('/');
    if (slash > 0) {
      const network = stripBrackets(entry.slice(0, slash));
      const prefix = Number(entry.slice(slash + 1));
      const family = isIP(network);
      if (family === 0 || !Number.isInteger(prefix) || prefix < 0 || prefix > (family === 4 ? 32 : 128)) {
        throw new TributaryError('CONFIG_INVALID', `fetch.allowPrivate: "${raw}" is not a valid CIDR range`);
      }
      addresses.addSubnet(network, prefix, family === 4 ? 'ipv4' : 'ipv6');
      continue;
    }
    const bare = stripBrackets(entry);
    const family = isIP(bare);
    if (family !== 0) addresses.addAddress(bare, family === 4 ? 'ipv4' : 'ipv6');
    else names.add(normalizeHostPort(entry));
  }
  return { names, addresses };
}

/** `host:port` entries keep their port; `[::1]:8080` becomes `::1:8080` to match the lookup key. */
function normalizeHostPort(entry: string): string {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed) return bracketed[2] ? `${bracketed[1]}:${bracketed[2]}` : (bracketed[1] ?? entry);
  return entry.replace(/\.$/, '');
}

function normalizeHostName(hostName: string): string {
  return stripBrackets(hostName).toLowerCase().replace(/\.$/, '');
}

function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}
