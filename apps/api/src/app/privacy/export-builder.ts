import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { copenhagenDateTime } from '../common/copenhagen-time';
import { FileStore } from '../files/file-store';
import { MailProducer } from '../mail/mail.producer';
import {
  expireExports,
  markExportFailed,
  markExportReady,
  markExportRunning,
  setExportProgress,
  subjectRows,
  tableColumns,
  type ExportRow,
} from './export.queries';
import { findPerson } from './person.queries';
import {
  exportZip,
  isSecret,
  TableRows,
  type ExportContents,
  type ExportSubjectSummary,
} from './export-zip';
import { PERSONAL_DATA } from './personal-data-registry';
import { subjectConditions, type PrivacySubject } from './subject-sql';

/** Where export zips live in the file store. */
export const EXPORT_DIR = 'privacy-exports';

export type BuildResult = 'ready' | 'failed' | 'skipped';

/**
 * Worker role only: builds an export's zip from every table of the registry (the subject's rows
 * by subjectConditions), reporting progress as tables are done, and retires expired exports.
 */
@Injectable()
export class ExportBuilder {
  private readonly logger = new Logger(ExportBuilder.name);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly files: FileStore,
    private readonly mail: MailProducer,
  ) {}

  async build(exportId: string): Promise<BuildResult> {
    const em = this.dataSource.manager;
    const row = await markExportRunning(em, exportId);
    if (!row) return 'skipped';
    let step = 'the subject';
    try {
      const subject = await this.subject(row);
      if (!subject) {
        await markExportFailed(em, exportId, 'The person no longer exists.');
        return 'failed';
      }
      const columns = await tableColumns(
        em,
        PERSONAL_DATA.map((entry) => entry.table),
      );
      const tables: ExportContents['tables'] = [];
      for (const [index, entry] of PERSONAL_DATA.entries()) {
        step = entry.table;
        const found = new TableRows(entry);
        for (const { link, condition } of subjectConditions(entry, subject.privacy)) {
          found.add(link, await subjectRows(em, entry, condition));
        }
        tables.push({
          entry,
          rows: found.list(),
          columns: (columns.get(entry.table) ?? []).filter((column) => !isSecret(entry, column)),
        });
        const progress = Math.min(99, Math.floor(((index + 1) * 100) / PERSONAL_DATA.length));
        await setExportProgress(em, exportId, progress);
      }
      step = 'the zip';
      const zip = exportZip({
        exportId,
        generatedAt: new Date(),
        subject: subject.summary,
        tables,
      });
      const fileKey = `${EXPORT_DIR}/${exportId}.zip`;
      step = 'storing the zip';
      // A build retried after a crash replaces what the earlier try stored.
      await this.files.put(fileKey, zip, 'application/zip', { overwrite: true });
      const expiresAt = await markExportReady(
        em,
        exportId,
        fileKey,
        zip.length,
        this.config.privacy.exportLinkHours,
      );
      if (!expiresAt) {
        await this.files.delete([fileKey]);
        return 'skipped';
      }
      await this.tellReady(row, subject.summary, expiresAt);
      return 'ready';
    } catch (error) {
      // The error names the step and the kind of failure, never a row's data.
      const kind = error instanceof Error ? error.name : 'Error';
      const code = (error as { code?: unknown }).code;
      const text = `Building the export failed at ${step} (${kind}${typeof code === 'string' ? ` ${code}` : ''}).`;
      this.logger.error({ msg: 'privacy export failed', exportId, step, kind });
      await markExportFailed(em, exportId, text);
      return 'failed';
    }
  }

  /** Expired exports: status expired, email gone, file deleted. Returns how many. */
  async expire(): Promise<number> {
    const expired = await expireExports(
      this.dataSource.manager,
      this.config.privacy.exportLinkHours,
    );
    await this.files.delete(expired.flatMap(({ file_key }) => (file_key ? [file_key] : [])));
    if (expired.length) this.logger.log({ msg: 'privacy exports expired', count: expired.length });
    return expired.length;
  }

  /**
   * Mails whoever asked that the copy is ready, and until when: a mail to come back by, never
   * the download link itself. The copy is ready whether or not the mail could be queued.
   */
  private async tellReady(
    row: ExportRow,
    subject: ExportSubjectSummary,
    expiresAt: Date,
  ): Promise<void> {
    try {
      if (!row.requested_by_id) return;
      const asker = await findPerson(this.dataSource.manager, { id: row.requested_by_id });
      if (!asker || asker.disabled_at) return;
      const own = subject.kind === 'user' && subject.userId === asker.id;
      await this.mail.send({
        to: asker.email,
        template: 'export_ready',
        locale: asker.locale,
        data: {
          name: asker.name,
          about: own ? null : (subject.name ?? subject.email),
          until: copenhagenDateTime(expiresAt, asker.locale),
          url: `${this.config.publicUrl}/${own ? 'profile' : 'persondata'}`,
        },
      });
    } catch (error) {
      this.logger.error({
        msg: 'privacy export ready: mail not queued',
        exportId: row.id,
        error: String(error),
      });
    }
  }

  private async subject(
    row: ExportRow,
  ): Promise<{ privacy: PrivacySubject; summary: ExportSubjectSummary } | null> {
    if (row.subject_kind === 'user' && row.user_id) {
      const person = await findPerson(this.dataSource.manager, { id: row.user_id });
      if (!person) return null;
      return {
        privacy: { kind: 'user', userId: person.id, email: person.email },
        summary: { kind: 'user', userId: person.id, email: person.email, name: person.name },
      };
    }
    if (!row.subject_email) return null;
    return {
      privacy: { kind: 'email', email: row.subject_email },
      summary: { kind: 'email', userId: null, email: row.subject_email, name: null },
    };
  }
}
