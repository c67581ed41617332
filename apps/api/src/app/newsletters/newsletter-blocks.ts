import {
  NEWSLETTER_BLOCK_TYPES,
  NEWSLETTER_LIMITS,
  type NewsletterBlock,
  type NewsletterBlockType,
  SurveyPurpose,
} from '@blup/contracts';
import { hasControlCharacter } from '../common/text-fields';
import { sanitiseNewsletterHtml } from './newsletter-html';

/** A block list that cannot be stored: which field, and what a person should change. */
export class BlockError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

const SURVEY_PURPOSES = Object.values(SurveyPurpose);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function only(block: Record<string, unknown>, field: string, allowed: readonly string[]): void {
  for (const key of Object.keys(block)) {
    if (!allowed.includes(key)) {
      throw new BlockError(
        `${field}.${key}`,
        `${field} has a field "${key}" that a ${String(block['type'])} block does not take`,
      );
    }
  }
}

function text(value: unknown, field: string, max: number, allowEmpty: boolean): string {
  if (typeof value !== 'string') throw new BlockError(field, `${field} must be text`);
  const trimmed = value.trim();
  if (!allowEmpty && !trimmed) throw new BlockError(field, `${field} cannot be empty`);
  if ([...trimmed].length > max)
    throw new BlockError(field, `${field} can be at most ${max} characters`);
  if (hasControlCharacter(trimmed, false)) {
    throw new BlockError(field, `${field} must be one line of text without control characters`);
  }
  return trimmed;
}

function lessonId(value: unknown, field: string): string {
  if (typeof value !== 'string' || !UUID.test(value)) {
    throw new BlockError(field, `${field} must be a lesson id (a UUID)`);
  }
  return value.toLowerCase();
}

/**
 * The block list as sent by the editor, checked and cleaned: known block types only, no unknown
 * fields, text blocks' HTML sanitised, lengths within NEWSLETTER_LIMITS. Throws BlockError
 * naming the first field at fault (e.g. `blocks[2].items[0]`).
 */
export function parseBlocks(raw: unknown): NewsletterBlock[] {
  if (!Array.isArray(raw)) throw new BlockError('blocks', 'blocks must be a list of blocks');
  if (raw.length > NEWSLETTER_LIMITS.blocks) {
    throw new BlockError('blocks', `blocks can hold at most ${NEWSLETTER_LIMITS.blocks} blocks`);
  }
  return raw.map((value: unknown, index): NewsletterBlock => {
    const field = `blocks[${index}]`;
    if (!isRecord(value)) throw new BlockError(field, `${field} must be a block object`);
    const type = value['type'];
    if (typeof type !== 'string' || !(NEWSLETTER_BLOCK_TYPES as readonly string[]).includes(type)) {
      throw new BlockError(
        `${field}.type`,
        `${field}.type must be one of ${NEWSLETTER_BLOCK_TYPES.join(', ')}`,
      );
    }
    switch (type as NewsletterBlockType) {
      case 'text': {
        only(value, field, ['type', 'html']);
        const html = value['html'];
        if (typeof html !== 'string')
          throw new BlockError(`${field}.html`, `${field}.html must be text`);
        if (html.length > NEWSLETTER_LIMITS.textHtml) {
          throw new BlockError(
            `${field}.html`,
            `${field}.html can be at most ${NEWSLETTER_LIMITS.textHtml} characters`,
          );
        }
        return { type: 'text', html: sanitiseNewsletterHtml(html) };
      }
      case 'lesson':
      case 'video':
        only(value, field, ['type', 'lessonId']);
        return {
          type,
          lessonId: lessonId(value['lessonId'], `${field}.lessonId`),
        } as NewsletterBlock;
      case 'next_steps': {
        only(value, field, ['type', 'heading', 'items', 'fromLastSession']);
        const fromLastSession = value['fromLastSession'];
        if (fromLastSession !== undefined && typeof fromLastSession !== 'boolean') {
          throw new BlockError(
            `${field}.fromLastSession`,
            `${field}.fromLastSession must be true or false`,
          );
        }
        const items = value['items'];
        if (!Array.isArray(items)) {
          throw new BlockError(`${field}.items`, `${field}.items must be a list of steps`);
        }
        if (items.length > NEWSLETTER_LIMITS.nextStepsItems) {
          throw new BlockError(
            `${field}.items`,
            `${field}.items can hold at most ${NEWSLETTER_LIMITS.nextStepsItems} steps`,
          );
        }
        const heading =
          value['heading'] === undefined || value['heading'] === null
            ? undefined
            : text(value['heading'], `${field}.heading`, NEWSLETTER_LIMITS.heading, true);
        return {
          type: 'next_steps',
          ...(heading ? { heading } : {}),
          ...(fromLastSession ? { fromLastSession: true } : {}),
          items: items.map((item: unknown, i) =>
            text(item, `${field}.items[${i}]`, NEWSLETTER_LIMITS.nextStepsItem, false),
          ),
        };
      }
      case 'session':
        only(value, field, ['type']);
        return { type: 'session' };
      case 'village_card': {
        only(value, field, ['type', 'kind', 'id']);
        const kind = value['kind'];
        if (kind !== 'goal' && kind !== 'initiative') {
          throw new BlockError(`${field}.kind`, `${field}.kind must be goal or initiative`);
        }
        const id = value['id'];
        if (typeof id !== 'string' || !UUID.test(id)) {
          throw new BlockError(`${field}.id`, `${field}.id must be a ${kind} id (a UUID)`);
        }
        return { type: 'village_card', kind, id: id.toLowerCase() };
      }
      case 'survey': {
        only(value, field, ['type', 'purpose']);
        const purpose = value['purpose'];
        if (!SURVEY_PURPOSES.includes(purpose as SurveyPurpose)) {
          throw new BlockError(
            `${field}.purpose`,
            `${field}.purpose must be one of ${SURVEY_PURPOSES.join(', ')}`,
          );
        }
        return { type: 'survey', purpose: purpose as SurveyPurpose };
      }
    }
  });
}

/** The lessons the cards name, once each. */
export function cardLessonIds(blocks: readonly NewsletterBlock[]): string[] {
  const ids = new Set<string>();
  for (const block of blocks) {
    if (block.type === 'lesson' || block.type === 'video') ids.add(block.lessonId);
  }
  return [...ids];
}

/** The goals and initiatives the village cards name, once each. */
export function villageCardIds(blocks: readonly NewsletterBlock[]): {
  goalIds: string[];
  initiativeIds: string[];
} {
  const goals = new Set<string>();
  const initiatives = new Set<string>();
  for (const block of blocks) {
    if (block.type === 'village_card') (block.kind === 'goal' ? goals : initiatives).add(block.id);
  }
  return { goalIds: [...goals], initiativeIds: [...initiatives] };
}

/** The survey purposes the survey blocks name, once each. */
export function surveyPurposes(blocks: readonly NewsletterBlock[]): SurveyPurpose[] {
  return [...new Set(blocks.flatMap((b) => (b.type === 'survey' ? [b.purpose] : [])))];
}
