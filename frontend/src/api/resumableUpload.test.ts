import { describe, expect, it, vi } from 'vitest';
import type { ApiClient } from './client';
import type { UploadSession } from './documents';
import { uploadInParts, type SessionMemory } from './resumableUpload';

const MB = 1024 * 1024;

function aSession(receivedParts: number[]): UploadSession {
  return {
    id: 'u1',
    dossierId: 'd1',
    documentType: 'OTHER',
    fileName: 'ban-ve.pdf',
    size: 20 * MB,
    sha256: '0'.repeat(64),
    partSize: 8 * MB,
    partCount: 3,
    receivedParts,
    receivedBytes: receivedParts.length * 8 * MB,
    expiresAt: '2026-11-29T00:00:00Z',
  };
}

function memory(): SessionMemory & { store: Map<string, string> } {
  const store = new Map<string, string>();
  return { store, get: (k) => store.get(k) ?? null, set: (k, v) => void store.set(k, v), remove: (k) => void store.delete(k) };
}

function aClient(session: UploadSession) {
  const sent: { part: number; size: number }[] = [];
  const client = {
    startUpload: vi.fn().mockResolvedValue(session),
    uploadStatus: vi.fn().mockResolvedValue(session),
    uploadPart: vi.fn((_d: string, _u: string, part: number, bytes: Blob) => {
      sent.push({ part, size: bytes.size });
      return Promise.resolve(session);
    }),
    completeUpload: vi.fn().mockResolvedValue({ id: 'doc1', fileName: 'ban-ve.pdf' }),
  };
  return { client: client as unknown as ApiClient, raw: client, sent };
}

const file = () => new File([new Uint8Array(20 * MB)], 'ban-ve.pdf', { lastModified: 1 });

describe('uploading a large file in parts', () => {
  it('sends every part of a new file, then completes and forgets the session', async () => {
    const { client, raw, sent } = aClient(aSession([]));
    const remembered = memory();
    const progress: number[] = [];

    await uploadInParts(client, 'd1', 'OTHER', file(), { memory: remembered, onProgress: (f) => progress.push(f) });

    expect(raw.startUpload).toHaveBeenCalledWith('d1', expect.objectContaining({ size: 20 * MB, fileName: 'ban-ve.pdf' }));
    expect(raw.startUpload.mock.calls[0]?.[1].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(sent).toEqual([
      { part: 1, size: 8 * MB },
      { part: 2, size: 8 * MB },
      { part: 3, size: 4 * MB },
    ]);
    expect(raw.completeUpload).toHaveBeenCalledWith('d1', 'u1');
    expect(remembered.store.size).toBe(0);
    expect(progress.at(-1)).toBe(1);
  });

  it('after a dropped connection, sends only the parts the server does not have', async () => {
    const { client, raw, sent } = aClient(aSession([1, 3]));
    const remembered = memory();
    remembered.set(`kc-upload:d1:OTHER:ban-ve.pdf:${20 * MB}:1`, 'u1');

    await uploadInParts(client, 'd1', 'OTHER', file(), { memory: remembered });

    expect(raw.startUpload).not.toHaveBeenCalled();
    expect(sent).toEqual([{ part: 2, size: 8 * MB }]);
  });

  it('keeps the session when a part fails, so that the next attempt resumes', async () => {
    const { client, raw } = aClient(aSession([]));
    raw.uploadPart.mockRejectedValueOnce(new Error('offline'));
    const remembered = memory();

    await expect(uploadInParts(client, 'd1', 'OTHER', file(), { memory: remembered })).rejects.toThrow('offline');

    expect([...remembered.store.values()]).toEqual(['u1']);
  });
});
