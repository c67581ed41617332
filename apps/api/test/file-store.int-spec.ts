import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { CSRF_COOKIE, CSRF_HEADER, libraryDownloadUrl, Role } from '@blup/contracts';
import type { LibraryDocumentDetailDto } from '@blup/contracts';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import S3rver from 's3rver';
import { DataSource } from 'typeorm';
import { sessionCookieName } from '../src/app/auth/cookies';
import { dataSourceOptions } from '../src/app/database/data-source-options';
import { runMigrations } from '../src/app/database/migrate';
import { writePdf } from '../src/app/demo/pdf-writer';
import { importDiskFiles } from '../src/app/files/disk-import';
import { FileExistsError, FileStore, InvalidFileKeyError } from '../src/app/files/file-store';
import { PostgresFileStore } from '../src/app/files/postgres-file-store';
import { S3FileStore } from '../src/app/files/s3-file-store';
import { startTestApp, type TestApp } from './harness';
import type { TestClient } from './http-client';
import { signInAs } from './sign-in';

/**
 * The file store (issue 18): one contract, run against PostgreSQL (this run's database) and
 * S3 (s3rver, a local S3, in a temporary folder); the import of files older installations kept
 * on disk; and a file uploaded through one API process and downloaded through another.
 */
const BUCKET = 'blup-test-files';
const suffix = randomBytes(3).toString('hex');

let db: DataSource;
let s3rver: S3rver;
let s3Dir: string;
let s3Env: Record<string, string>;

beforeAll(async () => {
  db = new DataSource(dataSourceOptions(process.env['DATABASE_URL'] as string));
  await db.initialize();
  s3Dir = await mkdtemp(join(tmpdir(), 'blup-s3rver-'));
  s3rver = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: s3Dir });
  const { port } = await s3rver.run();
  s3Env = {
    FILE_STORE: 's3',
    S3_BUCKET: BUCKET,
    S3_ENDPOINT: `http://127.0.0.1:${port}`,
    S3_REGION: 'eu-north-1',
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
    S3_FORCE_PATH_STYLE: 'true',
  };
  const client = new S3Client({
    endpoint: s3Env['S3_ENDPOINT'],
    region: 'eu-north-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  await client.send(new CreateBucketCommand({ Bucket: BUCKET }));
  client.destroy();
});

afterAll(async () => {
  await db?.destroy();
  await s3rver?.close();
  if (s3Dir) await rm(s3Dir, { recursive: true, force: true });
});

function s3Store(): S3FileStore {
  return new S3FileStore({
    bucket: BUCKET,
    endpoint: s3Env['S3_ENDPOINT'],
    region: 'eu-north-1',
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    forcePathStyle: true,
  });
}

async function bytesOf(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

/** The stored bytes under a key (the test fails when there are none). */
async function bytesAt(store: FileStore, key: string): Promise<Buffer> {
  const file = await store.get(key);
  if (!file) throw new Error(`no file under ${key}`);
  return bytesOf(file.body);
}

describe.each([
  ['postgres', () => new PostgresFileStore(db) as FileStore],
  ['s3', () => s3Store() as FileStore],
])('the %s file store', (_name, make) => {
  let store: FileStore;
  beforeAll(() => {
    store = make();
  });
  afterAll(() => store.close());

  it('keeps bytes and type, refuses a taken key unless told to replace, and deletes', async () => {
    const key = `library/${randomUUID()}.pdf`;
    const other = `captions/${randomUUID()}/da.vtt`;
    // Every byte value, and more than one read's worth.
    const data = Buffer.concat([Buffer.from([...Array(256).keys()]), randomBytes(200_000)]);
    expect(await store.get(key)).toBeNull();
    expect(await store.stat(key)).toBeNull();

    await store.put(key, data, 'application/pdf');
    expect(await store.stat(key)).toEqual({ size: data.length, contentType: 'application/pdf' });
    const found = await store.get(key);
    const bytes = found ? await bytesOf(found.body) : null;
    expect({
      size: found?.size,
      contentType: found?.contentType,
      same: bytes?.equals(data),
    }).toEqual({ size: data.length, contentType: 'application/pdf', same: true });

    await expect(store.put(key, Buffer.from('other'), 'text/plain')).rejects.toThrow(
      FileExistsError,
    );
    expect((await bytesAt(store, key)).equals(data)).toBe(true);
    await store.put(key, Buffer.from('WEBVTT\n'), 'text/vtt', { overwrite: true });
    expect(await store.stat(key)).toEqual({ size: 7, contentType: 'text/vtt' });
    await store.put(other, Buffer.alloc(0), 'text/vtt');
    expect(await store.stat(other)).toEqual({ size: 0, contentType: 'text/vtt' });

    await store.delete([key, other, `library/${randomUUID()}.pdf`]);
    await store.delete([]);
    expect(await store.get(key)).toBeNull();
    expect(await store.stat(other)).toBeNull();
  });

  it('refuses keys that are not plain relative paths', async () => {
    for (const key of ['', '/etc/passwd', '../x', 'a/../b', 'a//b', 'a/./b', 'a\\b', 'a b']) {
      await expect(store.put(key, Buffer.from('x'), 'text/plain')).rejects.toThrow(
        InvalidFileKeyError,
      );
      await expect(store.get(key)).rejects.toThrow(InvalidFileKeyError);
      await expect(store.delete([key])).rejects.toThrow(InvalidFileKeyError);
    }
  });
});

describe('the import from disk (at migrate)', () => {
  it('copies each file a row points at that the store lacks and the disk has, once', async () => {
    const storageDir = await mkdtemp(join(tmpdir(), 'blup-disk-import-'));
    const store = new PostgresFileStore(db);
    const id = () => `privacy-exports/${randomUUID()}.zip`;
    const [onDisk, inStore, missing, unreferenced] = [id(), id(), id(), id()];
    try {
      for (const [key, text] of [
        [onDisk, 'zip on disk'],
        [inStore, 'old zip on disk'],
        [unreferenced, 'stray zip'],
      ]) {
        await mkdir(dirname(join(storageDir, key)), { recursive: true });
        await writeFile(join(storageDir, key), text);
      }
      await store.put(inStore, Buffer.from('zip in store'), 'application/zip');
      for (const key of [onDisk, inStore, missing]) {
        await db.query(
          `INSERT INTO privacy_exports (subject_kind, subject_email, status, file_key)
           VALUES ('email', $1, 'ready', $2)`,
          [`import-${suffix}@example.dk`, key],
        );
      }

      // As `migrate` runs it, after the (here: no) pending migrations.
      const databaseUrl = process.env['DATABASE_URL'] as string;
      const files = { store: 'postgres' as const, s3: null };
      expect(await runMigrations({ databaseUrl, files, video: { storageDir } })).toEqual([]);
      const text = async (key: string) => (await bytesAt(store, key)).toString();
      expect(await store.stat(onDisk)).toEqual({ size: 11, contentType: 'application/zip' });
      expect(await text(onDisk)).toBe('zip on disk');
      expect(await text(inStore)).toBe('zip in store');
      expect(await store.stat(missing)).toBeNull();
      expect(await store.stat(unreferenced)).toBeNull();
      // Run again: nothing left to copy.
      expect(await importDiskFiles(store, db.manager, storageDir)).toBe(0);
    } finally {
      await db.query(`DELETE FROM privacy_exports WHERE subject_email = $1`, [
        `import-${suffix}@example.dk`,
      ]);
      await store.delete([onDisk, inStore, missing, unreferenced]);
      await rm(storageDir, { recursive: true, force: true });
    }
  });
});

describe('two API processes on one S3 bucket', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    // Each has its own STORAGE_DIR (the harness makes a fresh one): nothing shared on disk.
    a = await startTestApp(s3Env, { role: 'api' });
    b = await startTestApp(s3Env, { role: 'api' });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('serves through one what was uploaded through the other', async () => {
    const user = await a.factory.user({ role: Role.Secretariat });
    const uploader = await signInAs(a, user);
    const pdf = writePdf({ title: `Delt ${suffix}`, sections: [{ paragraphs: ['To servere'] }] });
    const doc = await uploadLibraryFile(uploader, a.config, `Delt ${suffix}`, pdf);

    const reader = await signInAs(b, user);
    const session = sessionCookieName(b.config);
    const res = await fetch(b.url + libraryDownloadUrl(doc.id, doc.currentVersionId), {
      headers: { cookie: `${session}=${reader.cookie(session)}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-length')).toBe(String(pdf.length));
    expect(Buffer.from(await res.arrayBuffer()).equals(pdf)).toBe(true);
    // It is in the bucket, not in PostgreSQL.
    const [rows] = await b.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM stored_files f
         JOIN library_document_versions v ON v.file_key = f.key WHERE v.id = $1`,
      [doc.currentVersionId],
    );
    expect(rows.n).toBe(0);
  });
});

/** A new library document with one PDF, through the API of the client's process. */
async function uploadLibraryFile(
  client: TestClient,
  config: TestApp['config'],
  title: string,
  content: Buffer,
): Promise<LibraryDocumentDetailDto> {
  await client.raw('GET', '/api/auth/csrf');
  const form = new FormData();
  for (const [k, v] of Object.entries({ phase: 'facilitation', kind: 'manual', title })) {
    form.append(k, v);
  }
  form.append('file', new Blob([new Uint8Array(content)]), 'delt.pdf');
  const cookie = [sessionCookieName(config), CSRF_COOKIE]
    .map((name) => `${name}=${client.cookie(name)}`)
    .join('; ');
  const res = await fetch(client.baseUrl + '/api/library/documents', {
    method: 'POST',
    body: form,
    headers: { cookie, [CSRF_HEADER]: client.cookie(CSRF_COOKIE) ?? '' },
  });
  expect(res.status).toBe(201);
  return (await res.json()) as LibraryDocumentDetailDto;
}
