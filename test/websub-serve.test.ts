/**
 * WebSub through `tributary serve`: the served site subscribes to the hub its feed advertises,
 * answers the hub's verification, and shows an entry the hub pushes without being polled.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestHub } from '../src/websub/testdata/test-hub.js';
import type { TestHub } from '../src/websub/testdata/test-hub.js';
import { cliPath, makeTempDir, runTributary } from './helpers.js';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const atom = (hub: string, self: string, titles: string[]): string => `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Pushed blog</title><id>urn:pushed</id><updated>2026-11-25T00:00:00Z</updated>
<link rel="hub" href="${hub}"/><link rel="self" href="${self}"/>
${titles.map((title, i) => `<entry><title>${title}</title><id>urn:pushed:${i}</id><link href="https://pushed.example/${i}"/><updated>2026-11-2${i}T00:00:00Z</updated><content type="html">&lt;p&gt;${title}&lt;/p&gt;</content></entry>`).join('\n')}
</feed>`;

describe('WebSub under tributary serve', () => {
  let hub: TestHub | null = null;
  const children: Array<ReturnType<typeof spawn>> = [];
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await hub?.close();
  });

  it('subscribes to the advertised hub, verifies intent and stores pushed entries', async () => {
    hub = await startTestHub();
    const topic = `${hub.origin}/feed.xml`;
    hub.routes.set('/feed.xml', (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/atom+xml' }).end(atom(hub!.url, topic, ['Polled entry']));
    });
    const dir = await makeTempDir();
    const port = await freePort();
    await writeFile(join(dir, 'tributary.yaml'), `site:\n  baseUrl: http://127.0.0.1:${port}/\n`);
    expect((await runTributary(['add', topic, '--no-discover'], dir)).code).toBe(0);
    const child = spawn(process.execPath, [cliPath, '--allow-private', 'serve', '--port', String(port)], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));

    const subscription = await waitFor('the verified subscription', () => [...hub!.subscriptions.values()][0]).catch((error: Error) => {
      throw new Error(`${error.message}\n${output}`);
    });
    expect(subscription.topic).toBe(topic);
    expect(subscription.callback.startsWith(`http://127.0.0.1:${port}/websub/callback/`)).toBe(true);
    expect(subscription.secret).toBeTruthy();

    expect(await hub.publish(topic, atom(hub.url, topic, ['Polled entry', 'Pushed entry']), 'application/atom+xml')).toEqual([202]);
    const page = await waitFor('the pushed entry on the river', async () => {
      const html = await (await fetch(`http://127.0.0.1:${port}/`)).text();
      return html.includes('Pushed entry') ? html : undefined;
    });
    expect(page).toContain('Polled entry');

    expect(await hub.publish(topic, atom(hub.url, topic, ['Polled entry', 'Forged entry']), 'application/atom+xml', 'wrong')).toEqual([202]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).not.toContain('Forged entry');

    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });
});
