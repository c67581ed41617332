import type { NewsletterBlock } from '@blup/contracts';
import {
  cleanBlock,
  emptyBlock,
  firstUnpickedCard,
  fromEditorBlocks,
  moveBlock,
  toEditorBlocks,
} from './blocks';

describe('newsletter blocks', () => {
  it('moves a block up and down and leaves the ends alone', () => {
    expect(moveBlock(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveBlock(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(moveBlock(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveBlock(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('gives each block a stable key of its own', () => {
    const blocks = toEditorBlocks([{ type: 'text', html: '<p>Hej</p>' }, { type: 'session' }]);
    expect(new Set(blocks.map((b) => b.key)).size).toBe(2);
    expect(emptyBlock('text').key).not.toBe(blocks[1].key);
  });

  it('drops empty next steps and an empty heading before sending', () => {
    const block: NewsletterBlock = {
      type: 'next_steps',
      heading: '  ',
      items: [' Læs ', '', '  '],
    };
    expect(cleanBlock(block)).toEqual({ type: 'next_steps', items: ['Læs'] });
    expect(
      fromEditorBlocks(
        toEditorBlocks([{ type: 'next_steps', heading: 'Før mødet', items: ['Se video'] }]),
      ),
    ).toEqual([{ type: 'next_steps', heading: 'Før mødet', items: ['Se video'] }]);
  });

  it('finds a card without a lesson', () => {
    const blocks = [emptyBlock('text'), emptyBlock('video')];
    expect(firstUnpickedCard(blocks)).toBe(1);
    expect(firstUnpickedCard(toEditorBlocks([{ type: 'lesson', lessonId: 'x' }]))).toBe(-1);
  });

  it('starts a village card as an unpicked goal card', () => {
    const card = emptyBlock('village_card');
    expect(card.block).toEqual({ type: 'village_card', kind: 'goal', id: '' });
    expect(firstUnpickedCard([emptyBlock('text'), card])).toBe(1);
    expect(
      firstUnpickedCard(toEditorBlocks([{ type: 'village_card', kind: 'initiative', id: 'i1' }])),
    ).toBe(-1);
  });
});
