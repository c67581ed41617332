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
import { AppException, fieldError } from '../common/app-exception';
import type { Newsletter } from '../database/entities/newsletters';
import { BlockError, cardLessonIds, parseBlocks } from './newsletter-blocks';
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
 * and the lessons (only published ones in cards).
 */
export async function checkBlocks(
  em: EntityManager,
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
  return blocks;
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
