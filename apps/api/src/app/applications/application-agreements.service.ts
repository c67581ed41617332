import { Inject, Injectable, StreamableFile } from '@nestjs/common';
import { ErrorCode, type ApplicationReceiptDto } from '@blup/contracts';
import { createReadStream } from 'node:fs';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { fieldError, notFound } from '../common/app-exception';
import { inBatches } from '../common/batches';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { attachmentHeader, displayFileName } from '../common/file-download';
import { Application } from '../database/entities/applications';
import { detectAgreementType } from './agreement-file';
import type { AgreementUpload } from './agreement-upload.interceptor';
import { agreementInvalid } from './application-errors';
import { ApplicationListsService, checklistFields } from './application-lists.service';
import { checklistOf } from './application-checklist';
import {
  applicationById,
  clearFilesAndIp,
  decidedWithFiles,
  peopleOf,
} from './applications.queries';

const AGREEMENT_DIR = 'agreements';

/** A stored agreement file, as the application row records it. */
export interface StoredAgreement {
  key: string;
  name: string;
  mime: string;
}

/**
 * The signed cooperation agreement: checked by content, stored under the media directory,
 * replaced by the applicant (with the receipt's token) or the secretariat, and read back.
 */
@Injectable()
export class ApplicationAgreementsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly lists: ApplicationListsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Adds or replaces the agreement: the applicant with the receipt's token, or the secretariat. */
  async upload(
    actor: AuthUser | null,
    id: string,
    token: string | undefined,
    file: AgreementUpload | undefined,
  ): Promise<ApplicationReceiptDto> {
    const app = await this.lists.byApplicantOrSecretariat(actor, id, token);
    if (!file)
      throw fieldError(
        ErrorCode.BadRequest,
        'agreement',
        'Send the agreement in the form field "agreement".',
      );
    const stored = await this.store(file);
    await this.dataSource.getRepository(Application).update(id, {
      agreementKey: stored.key,
      agreementName: stored.name,
      agreementMime: stored.mime,
      agreementSize: file.size,
    });
    if (app.agreementKey) await this.remove(app.agreementKey);
    const db = this.dataSource.manager;
    const row = await applicationById(db, id);
    if (!row) throw notFound('Application not found.');
    const people = await peopleOf(db, [id]);
    return {
      id,
      status: row.status,
      offeringName: row.offering_name,
      villageName: row.village_name,
      municipalityName: row.municipality_name,
      hasAgreement: true,
      checklist: checklistOf(checklistFields(row), people.get(id) ?? []),
      uploadToken: token ?? '',
      createdAt: row.created_at.toISOString(),
    };
  }

  async download(actor: AuthUser, id: string): Promise<StreamableFile> {
    const row = await this.lists.readable(actor, id);
    if (!row.agreement_key) throw notFound('This application has no agreement.');
    const path = this.pathOf(row.agreement_key);
    const size = await stat(path).then(
      (s) => s.size,
      () => null,
    );
    if (size === null) throw notFound('This application has no agreement.');
    return new StreamableFile(createReadStream(path), {
      type: row.agreement_mime ?? 'application/octet-stream',
      length: size,
      disposition: attachmentHeader(row.agreement_name ?? 'aftale'),
    });
  }

  /** Checks the file is an agreement by its content (415 otherwise) and stores it under a new key. */
  async store(file: AgreementUpload): Promise<StoredAgreement> {
    const type = await detectAgreementType(file.originalname, file.buffer);
    if (!type) throw agreementInvalid();
    const key = `${AGREEMENT_DIR}/${randomUUID()}${type.extension}`;
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.buffer, { flag: 'wx' });
    return {
      key,
      name: displayFileName(file.originalname, `aftale${type.extension}`),
      mime: type.mimeType,
    };
  }

  /** Deletes a stored file; a missing one is already gone. */
  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true }).catch(() => undefined);
  }

  /**
   * Retention (issue 17): for applications decided more than `days` before `now`
   * (RETAIN_APPLICATION_FILES_DAYS), deletes the agreement file from storage and forgets it and
   * the applicant's IP address, in batches. The file goes first: a run stopped in between
   * leaves the row due, and the next run finishes it. Returns how many applications changed.
   */
  deleteDecidedFiles(now: Date, days: number): Promise<number> {
    const em = this.dataSource.manager;
    return inBatches(async (limit) => {
      const due = await decidedWithFiles(em, now, days, limit);
      for (const row of due) if (row.agreement_key) await this.remove(row.agreement_key);
      return due.length
        ? clearFilesAndIp(
            em,
            due.map((row) => row.id),
          )
        : 0;
    });
  }

  private pathOf(key: string): string {
    return join(this.config.video.storageDir, key);
  }
}
