import { SurveyPurpose, type NewsletterBlock, type NewsletterBlockType } from '@blup/contracts';

/**
 * The block list as the editor keeps it: each block with a stable key for `@for` tracking,
 * so moving a block does not rebuild its editor (and lose the caret).
 */
export interface EditorBlock {
  readonly key: number;
  readonly block: NewsletterBlock;
}

let nextKey = 1;

export function toEditorBlocks(blocks: readonly NewsletterBlock[]): EditorBlock[] {
  return blocks.map((block) => ({ key: nextKey++, block }));
}

export function fromEditorBlocks(blocks: readonly EditorBlock[]): NewsletterBlock[] {
  return blocks.map(({ block }) => cleanBlock(block));
}

/** A new, empty block of a type. */
export function emptyBlock(type: NewsletterBlockType): EditorBlock {
  const block: NewsletterBlock =
    type === 'text'
      ? { type, html: '' }
      : type === 'lesson' || type === 'video'
        ? { type, lessonId: '' }
        : type === 'next_steps'
          ? { type, heading: '', items: [''] }
          : type === 'village_card'
            ? { type, kind: 'goal', id: '' }
            : type === 'survey'
              ? { type, purpose: SurveyPurpose.Mapping }
              : { type };
  return { key: nextKey++, block };
}

/** The list with the block at `index` moved `by` places (-1 up, 1 down); unchanged at an end. */
export function moveBlock<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return [...list];
  const next = [...list];
  [next[index], next[to]] = [next[to], next[index]];
  return next;
}

/** What is sent: next steps without empty lines; a heading left empty is left out. */
export function cleanBlock(block: NewsletterBlock): NewsletterBlock {
  if (block.type !== 'next_steps') return block;
  const items = block.items.map((item) => item.trim()).filter(Boolean);
  const heading = block.heading?.trim();
  return heading ? { type: block.type, heading, items } : { type: block.type, items };
}

/** The index of the first card (lesson, video, goal or initiative) with nothing chosen, or -1. */
export function firstUnpickedCard(blocks: readonly EditorBlock[]): number {
  return blocks.findIndex(
    ({ block }) =>
      ((block.type === 'lesson' || block.type === 'video') && !block.lessonId) ||
      (block.type === 'village_card' && !block.id),
  );
}
