import { HttpStatus, Injectable } from '@nestjs/common';
import {
  DocumentKind,
  ErrorCode,
  PLAN_LIMITS,
  type DocumentChangeDto,
  type DocumentConflict,
  type DocumentImageDto,
  type DocumentStatusDto,
  type DocumentVersionDto,
  type Page,
  type PublishedRef,
  type VillageDocumentDto,
  type VillageDocumentsDto,
} from '@blup/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../access/access-policy';
import { documentAccess, type DocumentAccess } from '../access/plan-access-policy';
import { AppException, notFound } from '../common/app-exception';
import { pageWindow, toPage, type PageQueryDto } from '../common/pagination';
import { personOf } from '../common/person-summary';
import {
  VillageDocument,
  VillageDocumentChange,
  VillageDocumentImage,
  VillageDocumentVersion,
  VillagePublicPage,
} from '../database/entities/plans';
import { clip, documentKind, registeredKinds, type DocumentKindDefinition } from './document-kinds';
import { prepareImage } from './document-images';
import {
  ensureDocument,
  findChanges,
  findDocument,
  findDocumentVillage,
  findVillageAndDocument,
  findImage,
  findVersion,
  findVersions,
  findVillageDocuments,
  nextVersionNumber,
  slugTaken,
  type DocumentRow,
  type DocumentVillage,
  type VersionRow,
} from './plans.queries';
import { IMAGE_PATH } from './kinds/story.kind';
import { slugOf } from './slug';

const NO_VILLAGE = 'No such village, or not one you may see.';
const NO_KIND = 'No such kind of document: choose plan, story, wheel or report.';
const READ_ONLY =
  'Only the village’s steering group (and the secretariat) change its documents; coordinators read them.';
const PUBLISH_ONLY =
  'Only the village’s coordination group (and the secretariat) publish its documents.';

/** Which document: a kind, and a year for the yearly kinds. */
export interface DocumentKey {
  villageId: string;
  kind: string;
  year?: number;
}

interface Resolved {
  village: DocumentVillage;
  access: DocumentAccess;
  def: DocumentKindDefinition<unknown>;
  kind: DocumentKind;
  year: number;
}

/**
 * A village's living documents: one draft per kind (and year) that the steering group saves,
 * published versions the coordination group makes from it, and the history of every change.
 * A save names the revision it was made from; one made from an older revision is refused with a
 * 409 that names who saved in between and carries their content, so two people writing one plan
 * never silently overwrite each other. What differs per kind sits in `document-kinds.ts`.
 */
@Injectable()
export class PlansService {
  constructor(private readonly dataSource: DataSource) {}

  async statuses(actor: Actor, villageId: string): Promise<VillageDocumentsDto> {
    const em = this.dataSource.manager;
    const village = await this.visibleVillage(em, actor, villageId);
    const rows = await findVillageDocuments(em, villageId);
    const known = new Set(registeredKinds());
    // A kind kept per year (the annual report) is listed per year that has one.
    const once = registeredKinds().filter((kind) => !documentKind(kind)?.yearly);
    const documents: DocumentStatusDto[] = once.map((kind) => ({
      kind,
      year: null,
      revision: 0,
      updatedAt: null,
      published: null,
    }));
    for (const row of rows.filter((r) => known.has(r.kind))) {
      const status: DocumentStatusDto = {
        kind: row.kind,
        year: row.year || null,
        revision: row.revision,
        updatedAt: row.revision ? row.updated_at.toISOString() : null,
        published: publishedRef(row),
      };
      const at = documents.findIndex((d) => d.kind === row.kind && d.year === status.year);
      if (at >= 0) documents[at] = status;
      else documents.push(status);
    }
    return { villageId, publicPath: publicPath(village.slug), documents };
  }

  /**
   * One statement when the kind and year make sense (the village and its document together);
   * otherwise the same refusals as every other document route, in the same order.
   */
  async get(actor: Actor, key: DocumentKey): Promise<VillageDocumentDto<unknown>> {
    const em = this.dataSource.manager;
    const def = documentKind(key.kind);
    if (!def || def.yearly !== (key.year !== undefined)) {
      const resolved = await this.resolve(em, actor, key);
      return toDocumentDto(
        resolved,
        await findDocument(em, key.villageId, resolved.kind, resolved.year),
      );
    }
    const year = key.year ?? 0;
    const found = await findVillageAndDocument(em, key.villageId, def.kind, year);
    if (!found || !documentAccess(actor, found.village).read) throw notFound(NO_VILLAGE);
    const resolved: Resolved = {
      village: found.village,
      access: documentAccess(actor, found.village),
      def,
      kind: def.kind,
      year,
    };
    return toDocumentDto(resolved, found.document);
  }

  async saveDraft(
    actor: Actor,
    key: DocumentKey,
    body: { content: object; revision: number },
  ): Promise<VillageDocumentDto<unknown>> {
    const resolved = await this.resolve(this.dataSource.manager, actor, key);
    if (!resolved.access.edit) throw forbidden(READ_ONLY);
    const parsed = resolved.def.parse(body.content);
    if (!parsed.ok) {
      throw new AppException(
        HttpStatus.BAD_REQUEST,
        ErrorCode.DocumentContentInvalid,
        `The ${resolved.kind} cannot be saved: ${Object.entries(parsed.details)
          .map(([field, messages]) => `${field}: ${messages.join(', ')}`)
          .join('; ')}.`,
        { details: parsed.details },
      );
    }
    await this.dataSource.transaction(async (em) => {
      const row = await this.lockedDocument(em, resolved);
      if (body.revision !== row.revision) throw conflict(resolved, row);
      const summary = clip(
        row.revision === 0
          ? `${capitalise(resolved.def.nameDa)} påbegyndt: ${resolved.def.summarise(resolved.def.empty(), parsed.content)}`
          : resolved.def.summarise(row.draft, parsed.content),
        PLAN_LIMITS.summaryMaxLength,
      );
      const revision = row.revision + 1;
      await em.getRepository(VillageDocument).update(row.id, {
        draft: parsed.content as object,
        revision,
        updatedBy: actor.id,
        updatedAt: new Date(),
      });
      await em
        .getRepository(VillageDocumentChange)
        .insert({ documentId: row.id, revision, summary, changedBy: actor.id });
    });
    return this.get(actor, key);
  }

  /**
   * Replaces the draft with what `make` builds from the current one (the annual report's "Lav
   * udkast"), as one saved change: the same access rule, revision check (409) and history line
   * as a save. `make` runs inside the transaction, with the draft locked.
   */
  async rewriteDraft<C, R>(
    actor: Actor,
    key: DocumentKey,
    revision: number,
    make: (
      em: EntityManager,
      current: C,
      village: DocumentVillage,
    ) => Promise<{ content: C; summary: string; result: R }>,
  ): Promise<{ document: VillageDocumentDto<unknown>; result: R }> {
    const resolved = await this.resolve(this.dataSource.manager, actor, key);
    if (!resolved.access.edit) throw forbidden(READ_ONLY);
    const result = await this.dataSource.transaction(async (em) => {
      const row = await this.lockedDocument(em, resolved);
      if (revision !== row.revision) throw conflict(resolved, row);
      const made = await make(em, row.draft as C, resolved.village);
      const next = row.revision + 1;
      await em.getRepository(VillageDocument).update(row.id, {
        draft: made.content as object,
        revision: next,
        updatedBy: actor.id,
        updatedAt: new Date(),
      });
      await em.getRepository(VillageDocumentChange).insert({
        documentId: row.id,
        revision: next,
        summary: clip(made.summary, PLAN_LIMITS.summaryMaxLength),
        changedBy: actor.id,
      });
      return made.result;
    });
    return { document: await this.get(actor, key), result };
  }

  /** Publishes the draft as it stands, when it is the revision the publisher read. */
  async publish(
    actor: Actor,
    key: DocumentKey,
    body: { revision: number },
  ): Promise<VillageDocumentDto<unknown>> {
    const resolved = await this.resolve(this.dataSource.manager, actor, key);
    if (!resolved.access.publish) throw forbidden(PUBLISH_ONLY);
    await this.dataSource.transaction(async (em) => {
      const row = await this.lockedDocument(em, resolved);
      if (row.revision === 0) {
        throw new AppException(
          HttpStatus.BAD_REQUEST,
          ErrorCode.BadRequest,
          'There is nothing to publish yet: save the draft first.',
        );
      }
      if (body.revision !== row.revision) throw conflict(resolved, row);
      // Already public as it stands: nothing new to publish.
      if (row.published_version !== null && row.published_revision === row.revision) return;
      const version = await nextVersionNumber(em, row.id);
      await em.getRepository(VillageDocumentVersion).insert({
        documentId: row.id,
        version,
        revision: row.revision,
        content: row.draft as object,
        publishedBy: actor.id,
      });
      await em.getRepository(VillageDocument).update(row.id, { publishedVersion: version });
      await em.getRepository(VillageDocumentChange).insert({
        documentId: row.id,
        revision: row.revision,
        summary: `Version ${version} offentliggjort`,
        changedBy: actor.id,
      });
      await this.ensurePublicPage(em, resolved.village);
    });
    return this.get(actor, key);
  }

  /** Takes the document off the public page; its versions stay, for the next publish. */
  async unpublish(actor: Actor, key: DocumentKey): Promise<VillageDocumentDto<unknown>> {
    const resolved = await this.resolve(this.dataSource.manager, actor, key);
    if (!resolved.access.publish) throw forbidden(PUBLISH_ONLY);
    await this.dataSource.transaction(async (em) => {
      const row = await findDocument(em, key.villageId, resolved.kind, resolved.year, true);
      if (!row || row.published_version === null) return;
      await em.getRepository(VillageDocument).update(row.id, { publishedVersion: null });
      await em.getRepository(VillageDocumentChange).insert({
        documentId: row.id,
        revision: row.revision,
        summary: `Taget af den offentlige side (var version ${row.published_version})`,
        changedBy: actor.id,
      });
    });
    return this.get(actor, key);
  }

  async versions(
    actor: Actor,
    key: DocumentKey,
    query: PageQueryDto,
  ): Promise<Page<DocumentVersionDto<unknown>>> {
    const em = this.dataSource.manager;
    const resolved = await this.resolve(em, actor, key);
    const row = await findDocument(em, key.villageId, resolved.kind, resolved.year);
    if (!row) return toPage([], 0, query);
    const { rows, total } = await findVersions(em, row.id, pageWindow(query));
    return toPage(rows.map(toVersionDto), total, query);
  }

  async version(
    actor: Actor,
    key: DocumentKey,
    version: number,
  ): Promise<DocumentVersionDto<unknown>> {
    const em = this.dataSource.manager;
    const resolved = await this.resolve(em, actor, key);
    const row = await findDocument(em, key.villageId, resolved.kind, resolved.year);
    const inRange = Number.isSafeInteger(version) && version >= 1 && version <= 2_147_483_647;
    const found = row && inRange ? await findVersion(em, row.id, version) : null;
    if (!found) throw notFound(`There is no version ${version} of this document.`);
    return toVersionDto(found);
  }

  async history(
    actor: Actor,
    key: DocumentKey,
    query: PageQueryDto,
  ): Promise<Page<DocumentChangeDto>> {
    const em = this.dataSource.manager;
    const resolved = await this.resolve(em, actor, key);
    const row = await findDocument(em, key.villageId, resolved.kind, resolved.year);
    if (!row) return toPage([], 0, query);
    const { rows, total } = await findChanges(em, row.id, pageWindow(query));
    return toPage(
      rows.map((change) => ({
        id: change.id,
        revision: change.revision,
        summary: change.summary,
        changedAt: change.changed_at.toISOString(),
        changedBy: personOf(change.changed_by_id, change.changed_by_name, change.changed_by_email),
      })),
      total,
      query,
    );
  }

  /**
   * Keeps an image for the document: checked by content, upright, at most 1600 px, re-encoded
   * without metadata. It shows once the draft's HTML names it.
   */
  async uploadImage(
    actor: Actor,
    key: DocumentKey,
    file: { buffer: Buffer } | undefined,
  ): Promise<DocumentImageDto> {
    const resolved = await this.resolve(this.dataSource.manager, actor, key);
    if (!resolved.access.edit) throw forbidden(READ_ONLY);
    if (!file?.buffer.length) {
      throw new AppException(
        HttpStatus.BAD_REQUEST,
        ErrorCode.DocumentImageInvalid,
        'Send the picture in the form field "image".',
        { details: { image: ['send a JPEG, PNG or WebP image'] } },
      );
    }
    const image = await prepareImage(file.buffer);
    return this.dataSource.transaction(async (em) => {
      await ensureDocument(em, key.villageId, resolved.kind, resolved.year, resolved.def.empty());
      const row = await findDocument(em, key.villageId, resolved.kind, resolved.year);
      if (!row) throw notFound(NO_VILLAGE);
      const saved = await em.getRepository(VillageDocumentImage).save({
        documentId: row.id,
        mime: image.mime,
        width: image.width,
        height: image.height,
        bytes: image.data.length,
        data: image.data,
        createdBy: actor.id,
      });
      return {
        id: saved.id,
        url: `${IMAGE_PATH}${saved.id}`,
        width: image.width,
        height: image.height,
        bytes: image.data.length,
      };
    });
  }

  /**
   * An image, under its document's rule: whoever may read the document sees it; everyone else,
   * signed in or not, only when the published version shows it.
   */
  async image(
    actor: Actor | null,
    id: string,
  ): Promise<{ data: Buffer; mime: string; isPublic: boolean }> {
    const row = await findImage(this.dataSource.manager, id);
    if (!row) throw notFound('No such image, or not one you may see.');
    const def = documentKind(row.kind);
    const isPublic =
      row.published_content !== null && !!def?.imageIds(row.published_content).includes(row.id);
    const readable =
      actor !== null &&
      documentAccess(actor, { id: row.village_id, municipalityId: row.municipality_id }).read;
    if (!isPublic && !readable) throw notFound('No such image, or not one you may see.');
    return { data: row.data, mime: row.mime, isPublic };
  }

  private async visibleVillage(
    em: EntityManager,
    actor: Actor,
    villageId: string,
  ): Promise<DocumentVillage> {
    const village = await findDocumentVillage(em, villageId);
    if (!village || !documentAccess(actor, village).read) throw notFound(NO_VILLAGE);
    return village;
  }

  private async resolve(em: EntityManager, actor: Actor, key: DocumentKey): Promise<Resolved> {
    const village = await this.visibleVillage(em, actor, key.villageId);
    const def = documentKind(key.kind);
    if (!def) throw notFound(NO_KIND);
    if (def.yearly && key.year === undefined) {
      throw badYear(`The ${def.kind} is kept per year: add ?year=YYYY.`);
    }
    if (!def.yearly && key.year !== undefined) {
      throw badYear(`There is one ${def.kind} per village: leave out the year.`);
    }
    return {
      village,
      access: documentAccess(actor, village),
      def,
      kind: def.kind,
      year: key.year ?? 0,
    };
  }

  /** The document, made if missing, locked for the rest of the transaction. */
  private async lockedDocument(em: EntityManager, resolved: Resolved): Promise<DocumentRow> {
    const { village, kind, year, def } = resolved;
    await ensureDocument(em, village.id, kind, year, def.empty());
    const row = await findDocument(em, village.id, kind, year, true);
    if (!row) throw notFound(NO_VILLAGE);
    return row;
  }

  /**
   * The village's public address, made from its name the first time it publishes and kept
   * from then on, also when the village is renamed (links in newsletters and print stay good).
   */
  private async ensurePublicPage(em: EntityManager, village: DocumentVillage): Promise<void> {
    if (village.slug) return;
    const base = slugOf(village.name);
    for (let n = 1; n < 1000; n++) {
      const slug = n === 1 ? base : `${base}-${n}`;
      if (await slugTaken(em, slug)) continue;
      await em.getRepository(VillagePublicPage).insert({ villageId: village.id, slug });
      village.slug = slug;
      return;
    }
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function forbidden(message: string): AppException {
  return new AppException(HttpStatus.FORBIDDEN, ErrorCode.Forbidden, message);
}

function badYear(message: string): AppException {
  return new AppException(HttpStatus.BAD_REQUEST, ErrorCode.BadRequest, message, {
    details: { year: [message] },
  });
}

function conflict(resolved: Resolved, row: DocumentRow): AppException {
  const name = row.updated_by_name ?? 'Someone';
  const current: DocumentConflict<unknown> = {
    revision: row.revision,
    content: row.draft,
    updatedAt: row.updated_at.toISOString(),
    updatedBy: personOf(row.updated_by_id, row.updated_by_name, row.updated_by_email),
  };
  return new AppException(
    HttpStatus.CONFLICT,
    ErrorCode.DocumentChanged,
    `${name} saved the ${resolved.kind} while you were writing (it is now revision ${row.revision}). Yours was not saved: compare it with theirs (in "current") and save again from revision ${row.revision}.`,
    {
      params: { name, at: current.updatedAt, revision: row.revision },
      current,
    },
  );
}

export function publicPath(slug: string | null): string | null {
  return slug ? `/landsby/${slug}` : null;
}

function publishedRef(row: DocumentRow): PublishedRef | null {
  return row.published_version !== null && row.published_at
    ? {
        version: row.published_version,
        publishedAt: row.published_at.toISOString(),
        publishedBy: personOf(row.published_by_id, row.published_by_name, row.published_by_email),
      }
    : null;
}

function toVersionDto(row: VersionRow): DocumentVersionDto<unknown> {
  return {
    version: row.version,
    revision: row.revision,
    content: row.content,
    publishedAt: row.published_at.toISOString(),
    publishedBy: personOf(row.published_by_id, row.published_by_name, row.published_by_email),
  };
}

function toDocumentDto(resolved: Resolved, row: DocumentRow | null): VillageDocumentDto<unknown> {
  const { village, access, def, kind, year } = resolved;
  return {
    villageId: village.id,
    villageName: village.name,
    kind,
    year: year || null,
    content: row ? row.draft : def.empty(),
    revision: row?.revision ?? 0,
    updatedAt: row?.revision ? row.updated_at.toISOString() : null,
    updatedBy: row?.revision
      ? personOf(row.updated_by_id, row.updated_by_name, row.updated_by_email)
      : null,
    published: row ? publishedRef(row) : null,
    changedSincePublished: !!row && row.revision > 0 && row.published_revision !== row.revision,
    publicPath: publicPath(village.slug),
    canEdit: access.edit,
    canPublish: access.publish,
  };
}
