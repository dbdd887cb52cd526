/**
 * `npm start` is `tributary demo`: demo feeds on loopback, fetched into SQLite, river served.
 * The test runs the built binary on a free port and reads the river it serves.
 */
import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { cliPath, makeTempDir } from './helpers.js';

describe('tributary demo', () => {
  const children: Array<ReturnType<typeof spawn>> = [];
  afterAll(() => {
    for (const child of children) child.kill('SIGKILL');
  });

  it('serves a river of the demo feeds with no network and no database server', async () => {
    const dir = await makeTempDir();
    const child = spawn(process.execPath, [cliPath, 'demo', '--port', '0'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`demo did not start: ${output}`)), 20_000);
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /serving the river at (http:\/\/[\d.:]+\/)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
      child.stderr.on('data', (chunk: Buffer) => {
        output += chunk.toString();
      });
      child.on('exit', (code) => reject(new Error(`demo exited with ${code}: ${output}`)));
    });
    expect(output).toMatch(/fetched 5 feeds .*\(1[0-9] entries, 0 failed\)/);
    const home = await fetch(url);
    expect(home.status).toBe(200);
    const html = await home.text();
    for (const title of ['Rivers, not inboxes', 'Kernel 7.4-rc2 released', 'Building a river site in ten minutes', 'Unread Count', 'Episode 12: WebSub in practice']) {
      expect(html).toContain(title);
    }
    expect(html).toContain('Post Syndicated from Ada Brook original');
    expect(home.headers.get('content-security-policy')).toContain("script-src 'none'");
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });
});
