/** Mux (Google's resumable uploads) needs chunks in multiples of 256 KiB. */
export const CHUNK_SIZE_UNIT = 256 * 1024;
export const DEFAULT_CHUNK_SIZE = 32 * CHUNK_SIZE_UNIT; // 8 MiB

export interface ChunkResponse {
  /** HTTP status; 0 when the network failed. */
  status: number;
  body?: string;
}

/** Sends one chunk; `onProgress` gets the bytes of this chunk sent so far. */
export type PutChunk = (
  url: string,
  chunk: Blob,
  headers: Record<string, string>,
  onProgress: (loaded: number) => void,
  signal?: AbortSignal,
) => Promise<ChunkResponse>;

export interface ChunkUploadOptions {
  url: string;
  file: Blob;
  chunkSize?: number;
  /** Attempts per chunk after the first. */
  retries?: number;
  /** Wait before attempt n (1-based): `retryDelayMs * 2^(n-1)`. */
  retryDelayMs?: number;
  /** 0–1 for the whole file. */
  onProgress?: (fraction: number) => void;
  /** A chunk failed and is tried again. */
  onRetry?: (attempt: number, status: number) => void;
  signal?: AbortSignal;
  /** Sent with every chunk, e.g. the CSRF header for our own endpoint. */
  headers?: Record<string, string>;
  put?: PutChunk;
}

export class ChunkUploadError extends Error {
  constructor(
    readonly status: number,
    readonly body: string | undefined,
  ) {
    super(`Chunk upload failed with status ${status}`);
    this.name = 'ChunkUploadError';
  }
}

/**
 * Uploads a file to a resumable upload URL (Mux direct upload, or the API's local endpoint)
 * as UpChunk does: consecutive PUTs with `Content-Range: bytes start-end/total`. A chunk that
 * fails for a network error, a 408, a 429 or a 5xx is tried again with a growing pause; a 308
 * ("resume incomplete") or a 2xx moves on to the next chunk.
 */
export async function uploadInChunks(options: ChunkUploadOptions): Promise<void> {
  const {
    url,
    file,
    chunkSize = DEFAULT_CHUNK_SIZE,
    retries = 5,
    retryDelayMs = 1000,
    put = xhrPut,
    signal,
  } = options;
  const total = file.size;
  const type = file.type || 'application/octet-stream';
  let offset = 0;
  options.onProgress?.(0);
  do {
    const end = Math.min(offset + chunkSize, total);
    const chunk = file.slice(offset, end);
    const headers = {
      ...options.headers,
      'Content-Type': type,
      'Content-Range': total === 0 ? 'bytes */0' : `bytes ${offset}-${end - 1}/${total}`,
    };
    const start = offset;
    for (let attempt = 0; ; attempt++) {
      signal?.throwIfAborted();
      const response = await put(
        url,
        chunk,
        headers,
        (loaded) =>
          options.onProgress?.(total ? (start + Math.min(loaded, end - start)) / total : 1),
        signal,
      );
      if (isSuccess(response.status)) break;
      if (!isRetryable(response.status) || attempt >= retries)
        throw new ChunkUploadError(response.status, response.body);
      options.onRetry?.(attempt + 1, response.status);
      await delay(retryDelayMs * 2 ** attempt, signal);
    }
    offset = end;
    options.onProgress?.(total ? offset / total : 1);
  } while (offset < total);
}

function isSuccess(status: number): boolean {
  return (status >= 200 && status < 300) || status === 308;
}

function isRetryable(status: number): boolean {
  return status === 0 || status === 408 || status === 429 || status >= 500;
}

function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });
}

/** The browser's PUT, with upload progress (which `fetch` does not give). */
const xhrPut: PutChunk = (url, chunk, headers, onProgress, signal) =>
  new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', url);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => onProgress(event.loaded);
    xhr.onload = () => resolve({ status: xhr.status, body: xhr.responseText });
    xhr.onerror = () => resolve({ status: 0 });
    xhr.onabort = () => reject(signal?.reason ?? new DOMException('Aborted', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(chunk);
  });
