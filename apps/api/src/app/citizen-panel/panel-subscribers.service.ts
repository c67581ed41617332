import { HttpStatus, Injectable } from '@nestjs/common';
import {
  ErrorCode,
  PANEL_IMPORT_ATTESTATION,
  PANEL_IMPORT_MAX_ROWS,
  type PanelImportResult,
  type PanelImportRowReport,
  type PanelSubscriberDto,
  type PanelSubscriberPage,
} from '@blup/contracts';
import { DataSource } from 'typeorm';
import type { Actor } from '../access/access-policy';
import { canManagePanel, canSeePanelVillage } from '../access/panel-access-policy';
import { AppException, fieldError, notFound } from '../common/app-exception';
import { likePattern, pageWindow } from '../common/pagination';
import type { PanelSubscribersQueryDto } from './citizen-panel.dto';
import {
  confirmByImport,
  deleteSubscriber,
  findVillage,
  insertImportConsents,
  insertImported,
  insertImportRecord,
  lockSubscribersByEmail,
  panelCounts,
  subscriberPage,
  type SubscriberRow,
  type VillageRow,
} from './citizen-panel.queries';
import { parsePanelCsv } from './panel-csv';

function toSubscriberDto(r: SubscriberRow): PanelSubscriberDto {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    status: r.status,
    source: r.source,
    confirmedAt: r.confirmed_at?.toISOString() ?? null,
    unsubscribedAt: r.unsubscribed_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
  };
}

/**
 * A village's panel as those who look after it see it (its coordination group, the
 * municipality's coordinators, the secretariat): the list, removal on request, and CSV import.
 */
@Injectable()
export class PanelSubscribersService {
  constructor(private readonly dataSource: DataSource) {}

  async list(
    actor: Actor,
    villageId: string,
    query: PanelSubscribersQueryDto,
  ): Promise<PanelSubscriberPage> {
    const village = await this.findManageable(actor, villageId);
    const { page, pageSize, skip, take } = pageWindow(query);
    const [{ rows, total }, counts] = await Promise.all([
      subscriberPage(this.dataSource.manager, village.id, {
        status: query.status,
        q: query.q ? likePattern(query.q) : null,
        take,
        skip,
      }),
      panelCounts(this.dataSource.manager, village.id),
    ]);
    return {
      items: rows.map(toSubscriberDto),
      total,
      page,
      pageSize,
      villageName: village.name,
      counts,
    };
  }

  /** Removes the person and their consent log (erasure on request). */
  async remove(actor: Actor, villageId: string, subscriberId: string): Promise<void> {
    const village = await this.findManageable(actor, villageId);
    if (!(await deleteSubscriber(this.dataSource.manager, village.id, subscriberId))) {
      throw notFound('There is no such person on this panel.');
    }
  }

  /**
   * Imported people join at once (the importer attests to their consent, recorded as
   * `imported` naming the importer). Duplicates in the file and people already on the list are
   * merged; people who left the panel are not brought back; malformed rows are reported.
   */
  async import(
    actor: Actor,
    villageId: string,
    input: { csv: string | undefined; attestation: boolean; attestationText?: string },
    ip?: string,
  ): Promise<PanelImportResult> {
    const village = await this.findManageable(actor, villageId);
    if (input.attestation !== true) {
      throw fieldError(
        ErrorCode.PanelAttestationRequired,
        'attestation',
        'Tick the box to confirm that everyone on the list has agreed to join the panel.',
      );
    }
    const parsed = parsePanelCsv(input.csv ?? '');
    if (parsed.rows === 0) {
      throw fieldError(
        ErrorCode.PanelImportEmpty,
        'csv',
        'The file has no rows with email addresses. Choose another file.',
      );
    }
    if (parsed.rows > PANEL_IMPORT_MAX_ROWS) {
      throw fieldError(
        ErrorCode.PanelImportTooLarge,
        'csv',
        `The file has ${parsed.rows} rows. Split it into files of at most ${PANEL_IMPORT_MAX_ROWS} rows.`,
        { max: PANEL_IMPORT_MAX_ROWS },
      );
    }
    const attestation = input.attestationText?.trim() || PANEL_IMPORT_ATTESTATION.da;
    return this.dataSource.transaction(async (m) => {
      const existing = await lockSubscribersByEmail(
        m,
        village.id,
        parsed.people.map((p) => p.email),
      );
      const byEmail = new Map(existing.map((e) => [e.email, e]));
      const skipped: PanelImportRowReport[] = [];
      const fresh: { email: string; name: string }[] = [];
      const confirmNow: string[] = [];
      let merged = parsed.duplicates;
      for (const person of parsed.people) {
        const known = byEmail.get(person.email);
        if (!known) fresh.push(person);
        else if (known.status === 'unsubscribed') {
          skipped.push({ row: person.row, value: person.email, reason: 'skipped_unsubscribed' });
        } else {
          merged++;
          if (known.status === 'pending') confirmNow.push(known.id);
        }
      }
      if (confirmNow.length) await confirmByImport(m, confirmNow);
      const inserted = await insertImported(m, village.id, fresh);
      const added = inserted.length;
      merged += fresh.length - added;
      const consented = [...confirmNow, ...inserted];
      if (consented.length) await insertImportConsents(m, consented, actor.id, ip);
      const report = [...parsed.invalid, ...skipped].sort((a, b) => a.row - b.row);
      const id = await insertImportRecord(m, {
        villageId: village.id,
        actorId: actor.id,
        attestation,
        added,
        merged,
        invalid: parsed.invalid.length,
        report,
      });
      return {
        id,
        added,
        merged,
        invalid: parsed.invalid.length,
        skipped: skipped.length,
        report,
      };
    });
  }

  private async findManageable(actor: Actor, villageId: string): Promise<VillageRow> {
    const village = await findVillage(this.dataSource.manager, villageId);
    if (!village) throw notFound('There is no such village.');
    const ref = { id: village.id, municipalityId: village.municipality_id };
    if (!canSeePanelVillage(actor, ref)) throw notFound('There is no such village.');
    if (!canManagePanel(actor, ref)) {
      throw new AppException(
        HttpStatus.FORBIDDEN,
        ErrorCode.Forbidden,
        `Only the coordination group of ${village.name}, the municipality’s coordinators and the secretariat look after its citizen panel.`,
      );
    }
    return village;
  }
}
