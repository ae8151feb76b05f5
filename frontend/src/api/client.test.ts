import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from './client';
import { ApiError } from './problem';

function jsonResponse(status: number, body: unknown, contentType = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } });
}

/** Just enough of XMLHttpRequest to replay an upload: progress events, then an answer. */
class ScriptedXhr {
  static last: ScriptedXhr;
  upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = {
    onprogress: null,
  };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  status = 0;
  responseText = '';
  method = '';
  url = '';
  headers: Record<string, string> = {};
  sent: FormData | null = null;

  constructor() {
    ScriptedXhr.last = this;
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: FormData) {
    this.sent = body;
  }
  abort() {
    this.onabort?.();
  }
  progress(loaded: number, total: number) {
    this.upload.onprogress?.({ lengthComputable: true, loaded, total });
  }
  answer(status: number, body: unknown) {
    this.status = status;
    this.responseText = typeof body === 'string' ? body : JSON.stringify(body);
    this.onload?.();
  }
}

function clientWith(fetchImpl: typeof fetch, token: string | null = 'token-123') {
  return createApiClient({
    fetch: fetchImpl,
    createXhr: () => new ScriptedXhr() as unknown as XMLHttpRequest,
    getAccessToken: () => token,
    getLanguage: () => 'vi',
  });
}

describe('the API client', () => {
  it('sends the bearer token and the interface language', async () => {
    const fetchImpl = vi.fn(async () => jsonResponse(200, []));
    await clientWith(fetchImpl).myDossiers();
    expect(fetchImpl).toHaveBeenCalledWith(
      '/api/v1/dossiers',
      expect.objectContaining({
        method: 'GET',
        headers: expect.objectContaining({ Authorization: 'Bearer token-123', 'Accept-Language': 'vi' }),
      }),
    );
  });

  it('sends no Authorization header when nobody is signed in', async () => {
    const fetchImpl = vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit) => jsonResponse(200, {}));
    await clientWith(fetchImpl, null).lookupDossier('000.00.15.H55-261127-0001');
    const init = fetchImpl.mock.calls[0]?.[1];
    expect(init?.headers).not.toHaveProperty('Authorization');
    expect(fetchImpl.mock.calls[0]?.[0]).toBe('/api/v1/public/dossiers/000.00.15.H55-261127-0001');
  });

  it('escapes what it puts in a path', async () => {
    const fetchImpl = vi.fn(async () => jsonResponse(404, {}));
    await expect(clientWith(fetchImpl).lookupDossier('a/../b')).rejects.toBeInstanceOf(ApiError);
    expect(fetchImpl).toHaveBeenCalledWith('/api/v1/public/dossiers/a%2F..%2Fb', expect.anything());
  });

  it('posts JSON and returns the created dossier', async () => {
    const fetchImpl = vi.fn(async () => jsonResponse(201, { id: 'd1', status: 'DRAFT' }));
    const created = await clientWith(fetchImpl).createDossier({
      title: 'Máy chế biến miến dong',
      contentCode: 'MACHINERY',
      programme: 'LOCAL',
      requestedSupport: 150_000_000,
    });
    expect(created).toEqual({ id: 'd1', status: 'DRAFT' });
    expect(fetchImpl).toHaveBeenCalledWith(
      '/api/v1/dossiers',
      expect.objectContaining({
        method: 'POST',
        body: '{"title":"Máy chế biến miến dong","contentCode":"MACHINERY","programme":"LOCAL","requestedSupport":150000000}',
      }),
    );
  });

  it('turns a problem response into an ApiError carrying the field errors', async () => {
    const fetchImpl = vi.fn(async () =>
      jsonResponse(
        400,
        { title: 'Bad Request', status: 400, detail: 'Dữ liệu không hợp lệ', errors: [{ field: 'title', message: 'Nhập tên đề án' }] },
        'application/problem+json',
      ),
    );
    const error = await clientWith(fetchImpl)
      .createDossier({ title: '', contentCode: 'X', programme: 'LOCAL', requestedSupport: 1 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).problem).toMatchObject({
      status: 400,
      detail: 'Dữ liệu không hợp lệ',
      errors: [{ field: 'title', message: 'Nhập tên đề án' }],
    });
  });

  it('reports a network failure as status 0', async () => {
    const fetchImpl = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    const error = (await clientWith(fetchImpl).me().catch((e: unknown) => e)) as ApiError;
    expect(error.isNetworkError).toBe(true);
  });

  it('fires a workflow event with nothing but its name', async () => {
    const fetchImpl = vi.fn(async () => jsonResponse(200, { id: 'd1', status: 'SUBMITTED' }));
    await clientWith(fetchImpl).fire('d1', 'SUBMIT');
    expect(fetchImpl).toHaveBeenCalledWith(
      '/api/v1/dossiers/d1/transitions',
      expect.objectContaining({ method: 'POST', body: '{"event":"SUBMIT"}' }),
    );
  });

  it('sends what an event carries, and the version a draft was read at', async () => {
    const fetchImpl = vi.fn(async () => jsonResponse(200, { id: 'd1' }));
    const client = clientWith(fetchImpl);
    await client.fire('d1', 'APPROVE', { decisionNumber: '12/QĐ-SCT', approvedAmount: 100 });
    expect(fetchImpl).toHaveBeenLastCalledWith(
      '/api/v1/dossiers/d1/transitions',
      expect.objectContaining({ body: '{"event":"APPROVE","decisionNumber":"12/QĐ-SCT","approvedAmount":100}' }),
    );
    await client.saveDossier('d1', { title: 'T', contentCode: 'C', programme: 'LOCAL' }, 3);
    expect(fetchImpl).toHaveBeenLastCalledWith(
      '/api/v1/dossiers/d1',
      expect.objectContaining({ method: 'PUT', headers: expect.objectContaining({ 'If-Match': '"3"' }) }),
    );
    await client.queue({ status: 'SUBMITTED', assignee: 'me' });
    expect(fetchImpl).toHaveBeenLastCalledWith('/api/v1/queue?status=SUBMITTED&assignee=me', expect.anything());
  });

  it('reads the workflow rule and the wait of a refusal', async () => {
    const fetchImpl = vi.fn(
      async () =>
        new Response(JSON.stringify({ status: 429, title: 'Too Many Requests', rule: 'rate' }), {
          status: 429,
          headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '30' },
        }),
    );
    const error = await clientWith(fetchImpl).lookupDossier('X').catch((e: unknown) => e);
    expect(error).toMatchObject({ problem: { status: 429, rule: 'rate', retryAfter: 30 } });
  });
});

describe('reading a stored document', () => {
  it('fetches the content as a blob, with the bearer token', async () => {
    const fetchImpl = vi.fn(
      async () => new Response(new Blob(['%PDF-1.4'], { type: 'application/pdf' }), { status: 200, headers: { 'Content-Type': 'application/pdf' } }),
    );
    const blob = await clientWith(fetchImpl).documentContent('d/1', 'doc1');
    expect(fetchImpl).toHaveBeenCalledWith(
      '/api/v1/dossiers/d%2F1/documents/doc1/content',
      expect.objectContaining({ method: 'GET', headers: expect.objectContaining({ Authorization: 'Bearer token-123' }) }),
    );
    expect(blob.type).toBe('application/pdf');
    expect(await blob.text()).toBe('%PDF-1.4');
  });

  it('turns a refusal into an ApiError with the server\'s detail', async () => {
    const fetchImpl = vi.fn(async () =>
      jsonResponse(403, { status: 403, title: 'Forbidden', detail: 'Bạn không có quyền xem tài liệu này.' }, 'application/problem+json'),
    );
    const error = await clientWith(fetchImpl).documentContent('d1', 'doc1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 403, problem: { detail: 'Bạn không có quyền xem tài liệu này.' } });
  });
});

describe('uploading a document', () => {
  const pdf = new File(['%PDF-1.4\n%%EOF\n'], 'don-de-nghi.pdf', { type: 'application/pdf' });

  it('reports progress and returns the stored document', async () => {
    const progress: number[] = [];
    const client = clientWith(vi.fn());
    const result = client.uploadDocument('d1', 'REQUEST_LETTER', pdf, { onProgress: (f) => progress.push(f) });
    const xhr = ScriptedXhr.last;
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe('/api/v1/dossiers/d1/documents');
    expect(xhr.headers.Authorization).toBe('Bearer token-123');
    expect(xhr.sent?.get('documentType')).toBe('REQUEST_LETTER');
    expect((xhr.sent?.get('file') as File).name).toBe('don-de-nghi.pdf');

    xhr.progress(5, 20);
    xhr.progress(20, 20);
    xhr.answer(201, { id: 'doc1', fileName: 'don-de-nghi.pdf', sha256: 'ab'.repeat(32) });

    await expect(result).resolves.toMatchObject({ id: 'doc1', sha256: 'ab'.repeat(32) });
    expect(progress).toEqual([0.25, 1, 1]);
  });

  it('rejects with the problem the server gave for a bad file', async () => {
    const result = clientWith(vi.fn()).uploadDocument('d1', 'REQUEST_LETTER', pdf);
    ScriptedXhr.last.answer(415, { status: 415, detail: 'Tệp không phải là PDF' });
    await expect(result).rejects.toMatchObject({ problem: { status: 415, detail: 'Tệp không phải là PDF' } });
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    const result = clientWith(vi.fn()).uploadDocument('d1', 'REQUEST_LETTER', pdf, { signal: controller.signal });
    controller.abort();
    await expect(result).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('calls made while the token is being renewed', () => {
  it('wait for the new token instead of sending the old one', async () => {
    let token = 'old-token';
    let finishRenewal: () => void = () => {};
    let renewal: Promise<void> | null = new Promise<void>((resolve) => {
      finishRenewal = () => {
        token = 'new-token';
        renewal = null;
        resolve();
      };
    });
    const fetchImpl = vi.fn(async () => jsonResponse(200, []));
    const client = createApiClient({ fetch: fetchImpl, getAccessToken: () => token, renewal: () => renewal });

    const answer = client.myDossiers();
    await Promise.resolve();
    expect(fetchImpl).not.toHaveBeenCalled();
    finishRenewal();
    await answer;
    expect(fetchImpl).toHaveBeenCalledOnce();
    const [, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer new-token');
  });

  it('hold uploads too, until the renewal is over', async () => {
    let finishRenewal: () => void = () => {};
    const renewal = new Promise<void>((resolve) => (finishRenewal = resolve));
    const client = createApiClient({
      fetch: vi.fn(),
      createXhr: () => new ScriptedXhr() as unknown as XMLHttpRequest,
      getAccessToken: () => 'token',
      renewal: () => renewal,
    });
    ScriptedXhr.last = undefined as unknown as ScriptedXhr;
    const upload = client.uploadDocument('d1', 'REQUEST_LETTER', new File(['x'], 'don.pdf'));
    await Promise.resolve();
    expect(ScriptedXhr.last).toBeUndefined();
    finishRenewal();
    await vi.waitFor(() => expect(ScriptedXhr.last?.url).toBe('/api/v1/dossiers/d1/documents'));
    ScriptedXhr.last.answer(201, { id: 'doc1' });
    await expect(upload).resolves.toEqual({ id: 'doc1' });
  });
});

describe('the organisation of the signed-in person', () => {
  it('registers it with an idempotency key and reads an invitation by its token', async () => {
    const fetchImpl = vi.fn(async () => jsonResponse(201, { id: 'o1' }));
    const client = clientWith(fetchImpl);
    const organisation = {
      taxCode: '0100109106',
      name: 'HTX Miến dong Côn Minh',
      type: 'COOPERATIVE' as const,
      address: 'Thôn Nà Pì',
      communeCode: '19003',
    };
    await client.registerOrganisation(organisation);
    await client.invitation('a/b c');
    await client.acceptInvitation('tok-1');
    const calls = fetchImpl.mock.calls as unknown as [string, RequestInit][];
    expect(calls.map(([url, init]) => `${init.method} ${url}`)).toEqual([
      'POST /api/v1/me/organisation',
      'GET /api/v1/public/invitations/a%2Fb%20c',
      'POST /api/v1/me/invitation',
    ]);
    expect(JSON.parse(calls[0]![1].body as string)).toEqual(organisation);
    expect((calls[0]![1].headers as Record<string, string>)['Idempotency-Key']).toMatch(/.{16,}/);
    expect(JSON.parse(calls[2]![1].body as string)).toEqual({ token: 'tok-1' });
  });
});
