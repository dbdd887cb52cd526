/**
 * @module fetch/guarded-connector
 * The undici `connect` function every socket of a fetcher goes through. It applies the address
 * policy to the address actually dialled: IP literals are checked here (node:net skips `lookup`
 * for them), names through a custom `lookup` that checks every resolved address before the
 * socket dials. Checking at connect time, not on the URL beforehand, is what defeats DNS
 * rebinding: the answer that is checked is the answer that is used.
 */
import { lookup as dnsLookup } from 'node:dns';
import type { LookupAddress, LookupAllOptions, LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import { buildConnector } from 'undici';
import { TributaryError } from '../model/index.js';
import type { AddressPolicy } from './address-policy.js';

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** The SSRF refusal for `host` (an address or a name), as thrown by the connector. */
export function createBlockedError(host: string, port: number, address?: string): TributaryError {
  const target = address && address !== host ? `${host} (${address})` : host;
  return new TributaryError('SSRF_BLOCKED', `${target} port ${port} is a private address`);
}

/**
 * Builds a connector that refuses destinations the policy forbids; `timeoutMs` bounds DNS, TCP
 * and TLS together (undici's connect timeout).
 */
export function createGuardedConnector(policy: AddressPolicy, timeoutMs: number): buildConnector.connector {
  // The lookup must know the port (allow entries may be host:port), which undici does not pass
  // to it, so one connector is kept per port; a fetcher sees few ports.
  const connectors = new Map<number, buildConnector.connector>();
  const connectorFor = (port: number): buildConnector.connector => {
    let connector = connectors.get(port);
    if (!connector) {
      connector = buildConnector({ timeout: timeoutMs, lookup: createGuardedLookup(policy, port) });
      connectors.set(port, connector);
    }
    return connector;
  };

  return (options, callback) => {
    const port = Number(options.port) || (options.protocol === 'https:' ? 443 : 80);
    if (!policy.isHostAllowed(options.hostname, port)) {
      queueMicrotask(() => callback(createBlockedError(options.hostname, port), null));
      return;
    }
    connectorFor(port)(options, callback);
  };
}

function createGuardedLookup(policy: AddressPolicy, port: number) {
  return (hostName: string, options: LookupOptions, callback: LookupCallback): void => {
    if (isIP(hostName) !== 0) {
      callback(null, hostName, isIP(hostName));
      return;
    }
    const allOptions: LookupAllOptions = { ...options, all: true };
    dnsLookup(hostName, allOptions, (error, addresses) => {
      if (error) {
        callback(error, []);
        return;
      }
      const blocked = addresses.find((entry) => !policy.isAddressAllowed(entry.address, hostName, port));
      if (blocked) {
        callback(createBlockedError(hostName, port, blocked.address), []);
        return;
      }
      const first = addresses[0];
      if (options.all) callback(null, addresses);
      else if (first) callback(null, first.address, first.family);
      else callback(Object.assign(new Error(`no address for ${hostName}`), { code: 'ENOTFOUND' }), []);
    });
  };
}
