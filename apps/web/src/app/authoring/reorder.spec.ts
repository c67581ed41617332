import { idsOf, isMove, moveItem } from './reorder';

describe(moveItem.name, () => {
  const items = ['a', 'b', 'c', 'd'];

  it('moves an item down and up without touching the original', () => {
    expect(moveItem(items, 0, 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(moveItem(items, 3, 1)).toEqual(['a', 'd', 'b', 'c']);
    expect(items).toEqual(['a', 'b', 'c', 'd']);
  });

  it('keeps the target within the list', () => {
    expect(moveItem(items, 1, -1)).toEqual(['b', 'a', 'c', 'd']);
    expect(moveItem(items, 2, 10)).toEqual(['a', 'b', 'd', 'c']);
  });

  it('leaves the list as it is for an index outside it', () => {
    expect(moveItem(items, 7, 0)).toEqual(items);
  });
});

describe(isMove.name, () => {
  it('is false for no move and for moves past either end', () => {
    expect(isMove(3, 1, 1)).toBe(false);
    expect(isMove(3, 0, -1)).toBe(false);
    expect(isMove(3, 2, 3)).toBe(false);
    expect(isMove(3, 2, 1)).toBe(true);
  });
});

describe('idsOf', () => {
  it('lists the ids in order', () => {
    expect(idsOf([{ id: 'x' }, { id: 'y' }])).toEqual(['x', 'y']);
  });
});
