import { HttpStatus } from '@nestjs/common';
import {
  ErrorCode,
  NEWSLETTER_MERGE_FIELDS,
  NewsletterStatus,
  NewsletterTargetKind,
  SESSION_TARGET_KINDS,
  type NewsletterBlock,
} from '@blup/contracts';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../access/access-policy';
import { canAddVillageCard } from '../access/newsletter-card-access-policy';
import { AppException, fieldError } from '../common/app-exception';
import type { Newsletter } from '../database/entities/newsletters';
import { BlockError, cardLessonIds, parseBlocks, villageCardIds } from './newsletter-blocks';
import { villageCardRows } from './newsletter-cards.queries';
import { unknownMergeField } from './newsletter-html';
import { publishedLessonIds } from './newsletters.queries';

/** The rules a newsletter's content and status must meet before it is saved or sent. */

const SESSION_KINDS = new Set<NewsletterTargetKind>(SESSION_TARGET_KINDS);

export function isSessionTarget(n: Pick<Newsletter, 'planId' | 'sessionId'>): boolean {
  return n.planId !== null || n.sessionId !== null;
}

/** Refuses a change to anything but a draft (409 newsletter_not_editable). */
export function requireDraft(n: Pick<Newsletter, 'status'>): void {
  if (n.status !== NewsletterStatus.Draft) {
    throw new AppException(
      HttpStatus.CONFLICT,
      ErrorCode.NewsletterNotEditable,
      `Only a draft can be changed. This newsletter is ${n.status.replace('_', ' ')}: take it off the schedule first if it has not been sent.`,
      { params: { status: n.status } },
    );
  }
}

/**
 * Parses the blocks and checks them against the target (the session box only for a session)
 * and the lessons (only published ones in cards), and the village cards (see `checkVillageCards`).
 */
export async function checkBlocks(
  em: EntityManager,
  actor: Actor,
  raw: unknown,
  kind: NewsletterTargetKind,
): Promise<NewsletterBlock[]> {
  let blocks: NewsletterBlock[];
  try {
    blocks = parseBlocks(raw);
  } catch (error) {
    if (error instanceof BlockError)
      throw fieldError(ErrorCode.ValidationFailed, error.field, error.message);
    throw error;
  }
  const sessionBlock = blocks.findIndex(
    (b) => b.type === 'session' || (b.type === 'next_steps' && b.fromLastSession),
  );
  if (sessionBlock >= 0 && !SESSION_KINDS.has(kind)) {
    throw fieldError(
      ErrorCode.NewsletterNeedsSession,
      `blocks[${sessionBlock}]`,
      'The session box and the next steps from the last session only fit a newsletter that leads into a session: remove it.',
    );
  }
  const ids = cardLessonIds(blocks);
  if (ids.length) {
    const found = await publishedLessonIds(em, ids);
    const missing = blocks.findIndex(
      (b) => (b.type === 'lesson' || b.type === 'video') && !found.has(b.lessonId),
    );
    if (missing >= 0) {
      const lessonId = (blocks[missing] as { lessonId: string }).lessonId;
      throw fieldError(
        ErrorCode.NewsletterLessonUnknown,
        `blocks[${missing}].lessonId`,
        'That lesson is not published (or no longer exists): pick another one.',
        { lessonId },
      );
    }
  }
  await checkVillageCards(em, actor, blocks);
  return blocks;
}

/**
 * A goal or initiative card needs a goal or initiative the writer may read (else a 400 as for
 * an unknown one: nothing about it is told) of a village whose development plan is published
 * (else a 400 naming the village: a newsletter goes to whole cohorts and citizen panels, so the
 * card may show only what is public already).
 */
async function checkVillageCards(
  em: EntityManager,
  actor: Actor,
  blocks: readonly NewsletterBlock[],
): Promise<void> {
  const { goalIds, initiativeIds } = villageCardIds(blocks);
  if (!goalIds.length && !initiativeIds.length) return;
  const rows = await villageCardRows(em, goalIds, initiativeIds);
  const found = new Map(rows.map((row) => [`${row.kind}:${row.id}`, row]));
  for (const [index, block] of blocks.entries()) {
    if (block.type !== 'village_card') continue;
    const row = found.get(`${block.kind}:${block.id}`);
    const what = block.kind === 'goal' ? 'village goal' : 'initiative';
    if (
      !row ||
      !canAddVillageCard(actor, block.kind, {
        id: row.village_id,
        municipalityId: row.municipality_id,
      })
    ) {
      throw fieldError(
        ErrorCode.UnknownReference,
        `blocks[${index}].id`,
        `There is no ${what} with that id that you may see: pick one from the list.`,
      );
    }
    if (!row.plan_published) {
      throw fieldError(
        ErrorCode.NewsletterCardNotPublic,
        `blocks[${index}].id`,
        `${row.village_name} has not published its development plan, so its goals and initiatives cannot go into a newsletter (it goes to whole cohorts and citizen panels). Pick another ${what}, or ask the village to publish its plan first.`,
        { village: row.village_name },
      );
    }
  }
}

/**
 * Refuses a `{{…}}` that is no merge field (say `{{name}}` for `{{navn}}`): it would go out to
 * every recipient as typed. Names the field where it is and the merge fields there are.
 */
export function checkMergeFields(n: {
  subject: string;
  preheader: string;
  blocks: readonly NewsletterBlock[];
}): void {
  const places: [string, string][] = [
    ['subject', n.subject],
    ['preheader', n.preheader],
  ];
  n.blocks.forEach((block, i) => {
    if (block.type === 'text') places.push([`blocks[${i}].html`, block.html]);
    if (block.type === 'next_steps') {
      if (block.heading) places.push([`blocks[${i}].heading`, block.heading]);
      block.items.forEach((item, j) => places.push([`blocks[${i}].items[${j}]`, item]));
    }
  });
  for (const [field, text] of places) {
    const unknown = unknownMergeField(text);
    if (unknown) {
      const known = NEWSLETTER_MERGE_FIELDS.join(', ');
      throw fieldError(
        ErrorCode.NewsletterMergeFieldUnknown,
        field,
        `There is no merge field ${unknown}, so it would be sent as typed. Use one of these: ${known}.`,
        { field: unknown, known },
      );
    }
  }
}
