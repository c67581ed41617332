import { ChunkUploadError, type PutChunk, uploadInChunks } from './chunk-uploader';

describe(uploadInChunks.name, () => {
  const file = new Blob([new Uint8Array(10)], { type: 'video/mp4' });

  function fakePut(statuses: number[] = []) {
    const calls: { range: string; size: number; type: string }[] = [];
    const put: PutChunk = async (_url, chunk, headers, onProgress) => {
      calls.push({
        range: headers['Content-Range'],
        size: chunk.size,
        type: headers['Content-Type'],
      });
      onProgress(chunk.size / 2);
      return { status: statuses.shift() ?? 200 };
    };
    return { put, calls };
  }

  it('sends consecutive chunks with their Content-Range', async () => {
    const { put, calls } = fakePut([308, 308]);

    await uploadInChunks({ url: '/up', file, chunkSize: 4, put });

    expect(calls).toEqual([
      { range: 'bytes 0-3/10', size: 4, type: 'video/mp4' },
      { range: 'bytes 4-7/10', size: 4, type: 'video/mp4' },
      { range: 'bytes 8-9/10', size: 2, type: 'video/mp4' },
    ]);
  });

  it('sends the extra headers with every chunk', async () => {
    const seen: Record<string, string>[] = [];
    const put: PutChunk = async (_url, _chunk, headers) => {
      seen.push(headers);
      return { status: 200 };
    };

    await uploadInChunks({ url: '/up', file, chunkSize: 8, put, headers: { 'X-XSRF-TOKEN': 't' } });

    expect(seen.map((headers) => headers['X-XSRF-TOKEN'])).toEqual(['t', 't']);
  });

  it('reports progress across the whole file, ending at 1', async () => {
    const { put } = fakePut();
    const progress: number[] = [];

    await uploadInChunks({
      url: '/up',
      file,
      chunkSize: 4,
      put,
      onProgress: (f) => progress.push(f),
    });

    expect(progress).toEqual([0, 0.2, 0.4, 0.6, 0.8, 0.9, 1]);
  });

  it('tries a failed chunk again and then goes on', async () => {
    const { put, calls } = fakePut([200, 503, 0, 200, 200]);
    const retries: number[] = [];

    await uploadInChunks({
      url: '/up',
      file,
      chunkSize: 4,
      put,
      retryDelayMs: 0,
      onRetry: (_attempt, status) => retries.push(status),
    });

    expect(calls.map((call) => call.range)).toEqual([
      'bytes 0-3/10',
      'bytes 4-7/10',
      'bytes 4-7/10',
      'bytes 4-7/10',
      'bytes 8-9/10',
    ]);
    expect(retries).toEqual([503, 0]);
  });

  it('gives up after the retries', async () => {
    const { put, calls } = fakePut([500, 500, 500]);

    await expect(
      uploadInChunks({ url: '/up', file, chunkSize: 4, put, retries: 2, retryDelayMs: 0 }),
    ).rejects.toEqual(new ChunkUploadError(500, undefined));
    expect(calls).toHaveLength(3);
  });

  it('does not retry a refusal such as 413', async () => {
    const { put, calls } = fakePut([413]);

    await expect(uploadInChunks({ url: '/up', file, chunkSize: 4, put })).rejects.toMatchObject({
      status: 413,
    });
    expect(calls).toHaveLength(1);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    const { put, calls } = fakePut();
    controller.abort();

    await expect(
      uploadInChunks({ url: '/up', file, chunkSize: 4, put, signal: controller.signal }),
    ).rejects.toBeDefined();
    expect(calls).toHaveLength(0);
  });
});
