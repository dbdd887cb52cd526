import { describe, expect, it } from 'vitest';
import { createHostLimiter } from './host-limiter.js';

describe('createHostLimiter', () => {
  it('queues past the limit and serves waiters in order as slots free up', async () => {
    const limiter = createHostLimiter(1);
    const order: string[] = [];
    const first = await limiter.acquire('a.example');
    const second = limiter.acquire('a.example').then((release) => (order.push('second'), release));
    const third = limiter.acquire('a.example').then((release) => (order.push('third'), release));
    const otherHost = await limiter.acquire('b.example');
    expect(order).toEqual([]);
    first();
    (await second)();
    (await third)();
    otherHost();
    expect(order).toEqual(['second', 'third']);
  });

  it('drops an aborted waiter from the queue without losing a slot', async () => {
    const limiter = createHostLimiter(1);
    const held = await limiter.acquire('a.example');
    const controller = new AbortController();
    const abandoned = limiter.acquire('a.example', controller.signal);
    const patient = limiter.acquire('a.example');
    controller.abort(new Error('gave up'));
    await expect(abandoned).rejects.toThrow('gave up');
    held();
    const release = await patient;
    release();
    release();
    const again = await limiter.acquire('a.example');
    let overbooked = false;
    void limiter.acquire('a.example').then(() => (overbooked = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(overbooked).toBe(false);
    again();
  });
});
