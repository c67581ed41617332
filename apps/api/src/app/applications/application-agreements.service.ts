import { Injectable, StreamableFile } from '@nestjs/common';
import { ErrorCode, type ApplicationReceiptDto } from '@blup/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { fieldError, notFound } from '../common/app-exception';
import { inBatches } from '../common/batches';
import { attachmentHeader, displayFileName } from '../common/file-download';
import { Application } from '../database/entities/applications';
import { FileStore } from '../files/file-store';
import { storedDownload } from '../files/stored-download';
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
 * The signed cooperation agreement: checked by content, kept in the file store,
 * replaced by the applicant (with the receipt's token) or the secretariat, and read back.
 */
@Injectable()
export class ApplicationAgreementsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly lists: ApplicationListsService,
    private readonly files: FileStore,
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
    const file =
      row.agreement_key &&
      (await storedDownload(this.files, row.agreement_key, {
        type: row.agreement_mime ?? 'application/octet-stream',
        disposition: attachmentHeader(row.agreement_name ?? 'aftale'),
      }));
    if (!file) throw notFound('This application has no agreement.');
    return file;
  }

  /** Checks the file is an agreement by its content (415 otherwise) and stores it under a new key. */
  async store(file: AgreementUpload): Promise<StoredAgreement> {
    const type = await detectAgreementType(file.originalname, file.buffer);
    if (!type) throw agreementInvalid();
    const key = `${AGREEMENT_DIR}/${randomUUID()}${type.extension}`;
    await this.files.put(key, file.buffer, type.mimeType);
    return {
      key,
      name: displayFileName(file.originalname, `aftale${type.extension}`),
      mime: type.mimeType,
    };
  }

  /** Deletes a stored file; a missing one is already gone, and a failure is only logged. */
  async remove(key: string): Promise<void> {
    await this.files.tidy([key], 'an agreement');
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
      // Not remove(): a file that could not be deleted must leave its row due for the next run.
      await this.files.delete(due.flatMap((row) => (row.agreement_key ? [row.agreement_key] : [])));
      return due.length
        ? clearFilesAndIp(
            em,
            due.map((row) => row.id),
          )
        : 0;
    });
  }
}
