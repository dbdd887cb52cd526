import { describe, expect, it } from 'vitest';
import { createAddressPolicy, isPrivateAddress } from './address-policy.js';

describe('isPrivateAddress', () => {
  const refused = [
    '127.0.0.1', '127.255.0.9', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '100.64.0.1',
    '169.254.169.254', '0.0.0.0', '224.0.0.1', '255.255.255.255',
    '::1', '::', 'fe80::1', 'fc00::1', 'fd00:ec2::254', 'ff02::1',
    '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1', '::ffff:169.254.169.254',
    '64:ff9b::127.0.0.1', '64:ff9b::a00:1', '2002:7f00:1::1', '2002:c0a8:101::',
  ];
  it.each(refused)('refuses %s', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  const public_ = ['93.184.216.34', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:2800:220:1:248:1893:25c8:1946', '::ffff:8.8.8.8', '64:ff9b::808:808', '2002:808:808::1'];
  it.each(public_)('allows %s', (address) => {
    expect(isPrivateAddress(address)).toBe(false);
  });
});

describe('createAddressPolicy', () => {
  const cases: Array<{ name: string; allow: boolean | string[]; host: string; port: number; address?: string; allowed: boolean }> = [
    { name: 'default refuses a loopback literal', allow: false, host: '127.0.0.1', port: 80, allowed: false },
    { name: 'default refuses a bracketed IPv6 literal', allow: false, host: '[::1]', port: 80, allowed: false },
    { name: 'default refuses the GCP metadata name', allow: false, host: 'metadata.google.internal', port: 80, allowed: false },
    { name: 'default refuses the metadata name with a trailing dot', allow: false, host: 'Metadata.Google.Internal.', port: 80, allowed: false },
    { name: 'default refuses a name resolving to a private address', allow: false, host: 'intranet.example', port: 80, address: '10.0.0.5', allowed: false },
    { name: 'default allows a name resolving to a public address', allow: false, host: 'example.org', port: 443, address: '93.184.216.34', allowed: true },
    { name: 'true allows everything', allow: true, host: '127.0.0.1', port: 80, allowed: true },
    { name: 'an IP entry allows that IP', allow: ['127.0.0.1'], host: '127.0.0.1', port: 8080, allowed: true },
    { name: 'an IP entry allows its IPv4-mapped form', allow: ['127.0.0.1'], host: '[::ffff:7f00:1]', port: 8080, allowed: true },
    { name: 'an IP entry does not allow a neighbour', allow: ['127.0.0.1'], host: '127.0.0.2', port: 80, allowed: false },
    { name: 'a CIDR allows its range', allow: ['10.0.0.0/8'], host: 'nas.lan', port: 80, address: '10.9.8.7', allowed: true },
    { name: 'an IPv6 CIDR allows its range', allow: ['fd00::/8'], host: '[fd12::1]', port: 80, allowed: true },
    { name: 'a host name allows whatever it resolves to', allow: ['nas.lan'], host: 'NAS.lan', port: 80, address: '192.168.1.2', allowed: true },
    { name: 'a host:port allows only that port', allow: ['nas.lan:8080'], host: 'nas.lan', port: 8080, address: '192.168.1.2', allowed: true },
    { name: 'a host:port refuses another port', allow: ['nas.lan:8080'], host: 'nas.lan', port: 80, address: '192.168.1.2', allowed: false },
    { name: 'an ip:port allows that port', allow: ['127.0.0.1:8080'], host: '127.0.0.1', port: 8080, allowed: true },
    { name: 'an ip:port refuses another port', allow: ['127.0.0.1:8080'], host: '127.0.0.1', port: 8081, allowed: false },
    { name: 'a [v6]:port allows that port', allow: ['[::1]:8080'], host: '[::1]', port: 8080, allowed: true },
    { name: 'a name entry does not allow another name', allow: ['nas.lan'], host: 'evil.example', port: 80, address: '192.168.1.2', allowed: false },
  ];
  it.each(cases)('$name', ({ allow, host, port, address, allowed }) => {
    const policy = createAddressPolicy(allow);
    const result = address == null ? policy.isHostAllowed(host, port) : policy.isHostAllowed(host, port) && policy.isAddressAllowed(address, host, port);
    expect(result).toBe(allowed);
  });

  it('rejects a malformed CIDR at construction, naming it', () => {
    expect(() => createAddressPolicy(['10.0.0.0/99'])).toThrow(/10\.0\.0\.0\/99/);
  });
});
