import { sqlWhere } from './sql-where';

describe(sqlWhere.name, () => {
  it('numbers each condition’s value in the order the filters come', () => {
    const sut = sqlWhere();
    sut.add('a.municipality_id = ?', 'm1');
    sut.add('a.status = ?', 'new');
    expect(sut.where).toEqual(['a.municipality_id = $1', 'a.status = $2']);
    expect(sut.params).toEqual(['m1', 'new']);
  });

  it('searches several columns with one parameter, wildcards taken literally', () => {
    const sut = sqlWhere();
    sut.add('e.offering_id = ?', 'o1');
    sut.search(['v.name', 'u.email'], '50%_a\\b');
    expect(sut.where[1]).toBe('(v.name ILIKE $2 OR u.email ILIKE $2)');
    expect(sut.params).toEqual(['o1', '%50\\%\\_a\\\\b%']);
  });

  it('has no conditions until a filter is given', () => {
    expect(sqlWhere()).toMatchObject({ where: [], params: [] });
  });
});
