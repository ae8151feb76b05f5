import type { ApiClient, UploadOptions } from './client';
import type { StoredDocument, UploadSession } from './documents';

/** Where a resumable session is remembered, so that a retry (even after a reload) carries on. */
export interface SessionMemory {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
}

const browserMemory: SessionMemory = {
  get: (key) => globalThis.localStorage?.getItem(key) ?? null,
  set: (key, value) => globalThis.localStorage?.setItem(key, value),
  remove: (key) => globalThis.localStorage?.removeItem(key),
};

export async function sha256Hex(file: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

function memoryKey(dossierId: string, documentType: string, file: File): string {
  return `kc-upload:${dossierId}:${documentType}:${file.name}:${file.size}:${file.lastModified}`;
}

/**
 * Uploads a large file in parts. A session already started for the same file is resumed: only the parts the
 * server has not received are sent. Progress counts the bytes the server holds.
 */
export async function uploadInParts(
  client: ApiClient,
  dossierId: string,
  documentType: string,
  file: File,
  { onProgress, signal, replaces, memory = browserMemory }: UploadOptions & { replaces?: string; memory?: SessionMemory } = {},
): Promise<StoredDocument> {
  const key = memoryKey(dossierId, documentType, file);
  let session: UploadSession | null = null;
  const remembered = memory.get(key);
  if (remembered) {
    session = await client.uploadStatus(dossierId, remembered).catch(() => null);
  }
  if (!session) {
    const sha256 = await sha256Hex(file);
    session = await client.startUpload(dossierId, { documentType, fileName: file.name, size: file.size, sha256, replaces });
    memory.set(key, session.id);
  }
  const received = new Set(session.receivedParts);
  let done = session.receivedBytes;
  onProgress?.(done / file.size);
  for (let part = 1; part <= session.partCount; part += 1) {
    if (received.has(part)) continue;
    if (signal?.aborted) throw new DOMException('Upload cancelled', 'AbortError');
    const start = (part - 1) * session.partSize;
    const blob = file.slice(start, Math.min(file.size, start + session.partSize));
    const before = done;
    await client.uploadPart(dossierId, session.id, part, blob, {
      signal,
      onProgress: (fraction) => onProgress?.((before + fraction * blob.size) / file.size),
    });
    done += blob.size;
  }
  const document = await client.completeUpload(dossierId, session.id);
  memory.remove(key);
  onProgress?.(1);
  return document;
}
