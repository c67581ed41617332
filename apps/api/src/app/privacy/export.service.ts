import { InjectQueue } from '@nestjs/bull';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import {
  ErrorCode,
  PRIVACY_LIMITS,
  PrivacyExportStatus,
  type CreatePrivacyExportRequest,
  type Page,
  type PrivacyExportDto,
} from '@blup/contracts';
import type { Queue } from 'bull';
import { DataSource } from 'typeorm';
import type { Actor } from '../access/access-policy';
import { canExportFor, canManagePersonalData } from '../access/privacy-access-policy';
import { AppException, fieldError, notFound, secretariatOnly } from '../common/app-exception';
import { likePattern, pageWindow, toPage, type PageQueryDto } from '../common/pagination';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { FileStore, type StoredFileBody } from '../files/file-store';
import { checkExportLink, exportDownloadPath } from './export-link';
import { ExportRateLimitedException } from './export-rate-limit';
import {
  findExport,
  insertExport,
  listExports,
  lockExportsOf,
  markExportFailed,
  ownExportsSince,
  type ExportRow,
} from './export.queries';
import { findPerson } from './person.queries';
import { BUILD_EXPORT_JOB, BUILD_EXPORT_OPTIONS, PRIVACY_QUEUE } from './privacy.constants';

const DAY_MS = 24 * 60 * 60 * 1000;
const HIDDEN = 'No such export, or not one you may see (people see only their own).';

/** The file a valid download link hands out. */
export interface ExportDownload {
  file: StoredFileBody;
  createdAt: Date;
}

/**
 * Exports of everything held about a person (issue 17): a person starts their own (a few a day),
 * the secretariat starts one for anybody, by account or by email address. The worker builds the
 * zip (ExportBuilder); the download is a signed link that works until the export expires.
 */
@Injectable()
export class ExportService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectQueue(PRIVACY_QUEUE) private readonly queue: Queue,
    private readonly files: FileStore,
  ) {}

  async createOwn(actor: Actor): Promise<PrivacyExportDto> {
    const perDay = PRIVACY_LIMITS.exportsPerDay;
    const id = await this.dataSource.transaction(async (em) => {
      await lockExportsOf(em, actor.id);
      const now = Date.now();
      const recent = await ownExportsSince(em, actor.id, new Date(now - DAY_MS));
      if (recent.length >= perDay) {
        const frees = recent[recent.length - perDay].getTime() + DAY_MS;
        throw new ExportRateLimitedException(Math.max(1, Math.ceil((frees - now) / 1000)), perDay);
      }
      return insertExport(em, {
        subjectKind: 'user',
        userId: actor.id,
        subjectEmail: null,
        requestedById: actor.id,
      });
    });
    return this.enqueue(id);
  }

  /** The secretariat, for a person by account (userId) or by email address (one of the two). */
  async createFor(actor: Actor, body: CreatePrivacyExportRequest): Promise<PrivacyExportDto> {
    if (!canManagePersonalData(actor)) {
      throw secretariatOnly('Only the secretariat exports somebody else’s data.');
    }
    if ((body.userId === undefined) === (body.email === undefined)) {
      throw new AppException(
        HttpStatus.BAD_REQUEST,
        ErrorCode.BadRequest,
        'Give either userId (a person with an account) or email (somebody without one), not both.',
        { details: { userId: ['Give userId or email, not both.'] } },
      );
    }
    const em = this.dataSource.manager;
    let person = null;
    if (body.userId !== undefined) {
      person = await findPerson(em, { id: body.userId });
      if (!person) {
        throw fieldError(ErrorCode.UnknownReference, 'userId', 'There is no person with that id.');
      }
    } else {
      // Somebody with an account is exported as that person, so nothing of theirs is missed.
      person = await findPerson(em, { email: body.email as string });
    }
    const id = await insertExport(em, {
      subjectKind: person ? 'user' : 'email',
      userId: person?.id ?? null,
      subjectEmail: person ? null : (body.email as string).toLowerCase(),
      requestedById: actor.id,
    });
    return this.enqueue(id);
  }

  async get(actor: Actor, id: string): Promise<PrivacyExportDto> {
    const row = await findExport(this.dataSource.manager, id);
    if (!row || !canExportFor(actor, { userId: row.user_id })) throw notFound(HIDDEN);
    return this.toDto(row);
  }

  async mine(actor: Actor, query: PageQueryDto): Promise<Page<PrivacyExportDto>> {
    return this.page(actor.id, query);
  }

  async all(actor: Actor, query: PageQueryDto): Promise<Page<PrivacyExportDto>> {
    if (!canManagePersonalData(actor)) {
      throw secretariatOnly('Only the secretariat sees everybody’s exports.');
    }
    return this.page(null, query);
  }

  /** The zip behind a download link, if the link holds and the export is still ready. */
  async download(
    id: string,
    expires: string | undefined,
    sig: string | undefined,
  ): Promise<ExportDownload> {
    if (checkExportLink(this.config.signingSecret, id, expires, sig) !== 'valid') throw gone();
    const row = await findExport(this.dataSource.manager, id);
    if (
      !row ||
      row.status !== PrivacyExportStatus.Ready ||
      !row.file_key ||
      !row.expires_at ||
      row.expires_at.getTime() <= Date.now()
    ) {
      throw gone();
    }
    const file = await this.files.get(row.file_key);
    if (!file) throw gone();
    return { file, createdAt: row.created_at };
  }

  private async page(userId: string | null, query: PageQueryDto): Promise<Page<PrivacyExportDto>> {
    const { skip, take } = pageWindow(query);
    const like = query.q?.trim() ? likePattern(query.q.trim()) : null;
    const { rows, total } = await listExports(this.dataSource.manager, userId, skip, take, like);
    return toPage(
      rows.map((row) => this.toDto(row)),
      total,
      query,
    );
  }

  private async enqueue(id: string): Promise<PrivacyExportDto> {
    try {
      await this.queue.add(
        BUILD_EXPORT_JOB,
        { exportId: id },
        { ...BUILD_EXPORT_OPTIONS, jobId: id },
      );
    } catch (error) {
      await markExportFailed(this.dataSource.manager, id, 'The export could not be queued.');
      throw error;
    }
    const row = await findExport(this.dataSource.manager, id);
    if (!row) throw notFound(HIDDEN);
    return this.toDto(row);
  }

  private toDto(row: ExportRow, now = new Date()): PrivacyExportDto {
    const linkWorks =
      row.status === PrivacyExportStatus.Ready &&
      row.expires_at !== null &&
      row.expires_at.getTime() > now.getTime();
    return {
      id: row.id,
      subjectKind: row.subject_kind,
      subjectLabel: row.subject_label,
      status: row.status,
      progress: row.progress,
      // Empty once the person who asked has been erased.
      requestedById: row.requested_by_id,
      createdAt: row.created_at.toISOString(),
      finishedAt: row.finished_at?.toISOString() ?? null,
      expiresAt: row.expires_at?.toISOString() ?? null,
      sizeBytes: row.size_bytes === null ? null : Number(row.size_bytes),
      downloadUrl:
        linkWorks && row.expires_at
          ? exportDownloadPath(this.config.signingSecret, row.id, row.expires_at)
          : null,
    };
  }
}

function gone(): AppException {
  return new AppException(
    HttpStatus.GONE,
    ErrorCode.ExportLinkGone,
    'This download link is wrong or has expired. Make a new export on your profile (My data) and use its new link.',
  );
}
