/**
 * @module websub/testdata/test-hub
 * A small WebSub hub on 127.0.0.1 for the tests, doing what W3C WebSub asks of a hub: it answers
 * a subscription request with 202, then verifies intent with a GET on the callback (§5.3) — or
 * reports a denial (§5.2) — and distributes content with an `X-Hub-Signature` (§7.1) made with
 * the subscriber's secret, or a wrong or missing one on request. It also serves feed documents
 * (`routes`), so discovery can be tested against the same server.
 */
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HubSubscription {
  topic: string;
  callback: string;
  secret: string | null;
  leaseSeconds: number;
}

export interface HubVerification {
  mode: string;
  callback: string;
  topic: string;
  status: number;
  body: string;
  confirmed: boolean;
}

/** How the hub behaves; change it between steps of a test. */
export interface HubBehaviour {
  /** Status answered to subscription requests; default 202. */
  answer: number;
  /** Deny every subscription with this reason instead of verifying it. */
  deny: string | null;
  /** The lease granted; default: what the subscriber asked for (or 10 days). */
  leaseSeconds: number | null;
}

/** How a distribution is signed: correctly with an algorithm, with a wrong key, not at all, or a given header. */
export type Signing = { algorithm: 'sha1' | 'sha256' | 'sha384' | 'sha512' } | 'wrong' | 'none' | { header: string };

export interface TestHub {
  origin: string;
  /** The hub URL (`/hub`); `/moved` answers 307 to it. */
  url: string;
  behaviour: HubBehaviour;
  /** Subscription and unsubscription forms received (including on `/moved`), in order. */
  requests: Array<{ path: string; form: URLSearchParams }>;
  verifications: HubVerification[];
  /** Verified subscriptions, by callback URL. */
  subscriptions: Map<string, HubSubscription>;
  /** Documents served on GET, by path. */
  routes: Map<string, (request: IncomingMessage, response: ServerResponse) => void>;
  /** Waits for every verification sent so far. */
  settled(): Promise<void>;
  /** Distributes `body` to every subscriber of `topic`; resolves to their statuses. */
  publish(topic: string, body: string, contentType: string, signing?: Signing): Promise<number[]>;
  close(): Promise<void>;
}

/** Starts a hub; remember to close it. */
export async function startTestHub(): Promise<TestHub> {
  const pending = new Set<Promise<void>>();
  const hub: Omit<TestHub, 'close'> = {
    origin: '',
    url: '',
    behaviour: { answer: 202, deny: null, leaseSeconds: null },
    requests: [],
    verifications: [],
    subscriptions: new Map(),
    routes: new Map(),
    async settled() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
    async publish(topic, body, contentType, signing = { algorithm: 'sha256' }) {
      const targets = [...hub.subscriptions.values()].filter((subscription) => subscription.topic === topic);
      return Promise.all(targets.map(async (subscription) => {
        const headers: Record<string, string> = { 'content-type': contentType, link: `<${hub.url}>; rel="hub", <${topic}>; rel="self"` };
        if (typeof signing === 'object' && 'header' in signing) headers['x-hub-signature'] = signing.header;
        else if (signing === 'wrong') headers['x-hub-signature'] = `sha256=${createHmac('sha256', 'not the secret').update(body).digest('hex')}`;
        else if (signing !== 'none') headers['x-hub-signature'] = `${signing.algorithm}=${createHmac(signing.algorithm, subscription.secret ?? '').update(body).digest('hex')}`;
        const response = await fetch(subscription.callback, { method: 'POST', headers, body });
        await response.arrayBuffer();
        return response.status;
      }));
    },
  };

  const verify = async (form: URLSearchParams): Promise<void> => {
    const callback = form.get('hub.callback')!;
    const topic = form.get('hub.topic')!;
    const mode = form.get('hub.mode')!;
    const query = new URLSearchParams({ 'hub.topic': topic });
    const challenge = `c-${Math.random().toString(36).slice(2)}`;
    if (hub.behaviour.deny !== null && mode === 'subscribe') {
      query.set('hub.mode', 'denied');
      query.set('hub.reason', hub.behaviour.deny);
    } else {
      query.set('hub.mode', mode);
      query.set('hub.challenge', challenge);
    }
    const leaseSeconds = hub.behaviour.leaseSeconds ?? Number(form.get('hub.lease_seconds') ?? 864_000);
    if (mode === 'subscribe') query.set('hub.lease_seconds', String(leaseSeconds));
    const response = await fetch(`${callback}${callback.includes('?') ? '&' : '?'}${query}`);
    const body = await response.text();
    const confirmed = query.get('hub.mode') !== 'denied' && response.ok && body === challenge;
    hub.verifications.push({ mode: query.get('hub.mode')!, callback, topic, status: response.status, body, confirmed });
    if (!confirmed) return;
    if (mode === 'subscribe') hub.subscriptions.set(callback, { topic, callback, secret: form.get('hub.secret'), leaseSeconds });
    else hub.subscriptions.delete(callback);
  };

  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://hub').pathname;
    if (request.method === 'GET') {
      const route = hub.routes.get(path);
      if (route) route(request, response);
      else response.writeHead(404).end();
      return;
    }
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      hub.requests.push({ path, form });
      if (path === '/moved') {
        response.writeHead(307, { location: '/hub' }).end();
        return;
      }
      const valid = request.headers['content-type'] === 'application/x-www-form-urlencoded' && ['subscribe', 'unsubscribe'].includes(form.get('hub.mode') ?? '') && form.get('hub.callback') && form.get('hub.topic');
      if (path !== '/hub' || !valid) {
        response.writeHead(400, { 'content-type': 'text/plain' }).end('bad subscription request');
        return;
      }
      if (hub.behaviour.answer !== 202) {
        response.writeHead(hub.behaviour.answer, { 'content-type': 'text/plain' }).end('hub refuses');
        return;
      }
      // §5.1.2: the answer does not wait for verification, which happens afterwards.
      response.writeHead(202).end();
      const task = verify(form).finally(() => pending.delete(task));
      pending.add(task);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  hub.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  hub.url = `${hub.origin}/hub`;
  return {
    ...hub,
    close: async () => {
      await hub.settled();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
