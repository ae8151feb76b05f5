import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createApiClient } from './client';
import { forgetPendingActions } from './idempotency';

function answer(status: number, body: unknown = {}, type?: string): Response {
  const problem = status >= 400 ? { status, type: type ?? 'https://khuyencong.gov.vn/problems/x', detail: 'x' } : body;
  return new Response(JSON.stringify(problem), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });
}

function keysOf(fetchImpl: ReturnType<typeof vi.fn>): (string | undefined)[] {
  return fetchImpl.mock.calls.map(([, init]) => (init as RequestInit & { headers: Record<string, string> }).headers['Idempotency-Key']);
}

describe('idempotency keys', () => {
  beforeEach(() => forgetPendingActions());

  it('a change carries a key and a read does not', async () => {
    const fetchImpl = vi.fn(async () => answer(200, { id: 'd1' }));
    const client = createApiClient({ fetch: fetchImpl as unknown as typeof fetch });
    await client.dossier('d1');
    await client.fire('d1', 'START_REVIEW');
    const [read, change] = keysOf(fetchImpl);
    expect(read).toBeUndefined();
    expect(change).toMatch(/^[0-9a-z-]{16,}$/);
  });

  it('the retry of an action that got no answer sends the same key', async () => {
    const fetchImpl = vi
      .fn()
      .mockRejectedValueOnce(new TypeError('network down'))
      .mockResolvedValueOnce(answer(503))
      .mockResolvedValueOnce(answer(409, {}, 'https://khuyencong.gov.vn/problems/idempotency-in-flight'))
      .mockResolvedValueOnce(answer(200, { id: 'd1' }));
    const client = createApiClient({ fetch: fetchImpl as unknown as typeof fetch });
    const approve = () => client.fire('d1', 'APPROVE', { decisionNumber: '1/QĐ', approvedAmount: 1 });
    await expect(approve()).rejects.toMatchObject({ problem: { status: 0 } });
    await expect(approve()).rejects.toMatchObject({ problem: { status: 503 } });
    await expect(approve()).rejects.toMatchObject({ problem: { status: 409 } });
    await approve();
    const keys = keysOf(fetchImpl);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toBeDefined();
  });

  it('an answered action done again, or another action, gets a new key', async () => {
    const fetchImpl = vi
      .fn()
      .mockResolvedValueOnce(answer(200, { id: 'd1' }))
      .mockResolvedValueOnce(answer(409, {}, 'https://khuyencong.gov.vn/problems/rule-violated'))
      .mockResolvedValueOnce(answer(200, { id: 'd1' }))
      .mockResolvedValueOnce(answer(200, { id: 'd2' }));
    const client = createApiClient({ fetch: fetchImpl as unknown as typeof fetch });
    await client.fire('d1', 'START_REVIEW');
    await expect(client.fire('d1', 'START_REVIEW')).rejects.toMatchObject({ problem: { status: 409 } });
    await client.fire('d1', 'START_REVIEW');
    await client.fire('d2', 'START_REVIEW');
    const keys = keysOf(fetchImpl);
    expect(new Set(keys).size).toBe(4);
  });
});
