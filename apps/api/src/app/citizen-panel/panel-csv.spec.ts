import { decodeCsvBytes, parsePanelCsv, readCsvRecords } from './panel-csv';

describe('parsePanelCsv', () => {
  it('reads semicolon files with a BOM and a Danish header', () => {
    const sut = parsePanelCsv(
      '\uFEFFNavn;E-mail\r\nAnna Jensen;Anna@Example.dk\r\n\r\nBo;bo@example.dk\r\n',
    );
    expect(sut.people).toEqual([
      { row: 2, email: 'anna@example.dk', name: 'Anna Jensen' },
      { row: 4, email: 'bo@example.dk', name: 'Bo' },
    ]);
    expect(sut.invalid).toEqual([]);
    expect(sut.rows).toBe(2);
  });

  it('reads comma files without a header, email first', () => {
    const sut = parsePanelCsv('anna@example.dk,Anna\nbo@example.dk');
    expect(sut.people.map((p) => [p.row, p.email, p.name])).toEqual([
      [1, 'anna@example.dk', 'Anna'],
      [2, 'bo@example.dk', ''],
    ]);
  });

  it('reports malformed rows with their row numbers and merges duplicates', () => {
    const sut = parsePanelCsv(
      'email,name\nanna@example.dk,Anna\nnot-an-email,X\nANNA@example.dk,Anna again\n' +
        `c@example.dk,${'x'.repeat(121)}\nd@example.dk,D,extra\n`,
    );
    expect(sut.people.map((p) => p.email)).toEqual(['anna@example.dk']);
    expect(sut.duplicates).toBe(1);
    expect(sut.invalid.map((r) => [r.row, r.reason])).toEqual([
      [3, 'invalid_email'],
      [5, 'name_too_long'],
      [6, 'too_many_columns'],
    ]);
    expect(sut.invalid[0].value).toBe('not-an-email,X');
  });

  it('keeps quoted separators inside a field', () => {
    expect(readCsvRecords('"Jensen, Anna",anna@example.dk', ',')[0].cells).toEqual([
      'Jensen, Anna',
      'anna@example.dk',
    ]);
    const sut = parsePanelCsv('name,email\n"Jensen, ""Anna""",anna@example.dk');
    expect(sut.people).toEqual([{ row: 2, email: 'anna@example.dk', name: 'Jensen, "Anna"' }]);
  });

  it('keeps a quoted cell with line breaks, separators and quotes on its own row (RFC 4180)', () => {
    const sut = parsePanelCsv(
      'navn;email\r\n' +
        '"Anna\r\nJensen; ""Nr. 2""";anna@example.dk\r\n' +
        '"Bo\nBoesen";bo@example.dk\r\n' +
        '"Ikke\nen mail";ikke-en-mail\r\n' +
        '\r\n' +
        'Cai;cai@example.dk\r\n',
    );
    // Rows are the spreadsheet's: the two-line cells stay on rows 2, 3 and 4; row 5 is blank.
    expect(sut.people).toEqual([
      { row: 2, email: 'anna@example.dk', name: 'Anna Jensen; "Nr. 2"' },
      { row: 3, email: 'bo@example.dk', name: 'Bo Boesen' },
      { row: 6, email: 'cai@example.dk', name: 'Cai' },
    ]);
    expect(sut.invalid).toEqual([
      { row: 4, value: '"Ikke en mail";ikke-en-mail', reason: 'invalid_email' },
    ]);
    expect(sut.rows).toBe(4);
  });

  it('takes the separator from outside quotes, and reads CR-only line ends', () => {
    const sut = parsePanelCsv('anna@example.dk,"Jensen; Anna"\r"bo@example.dk",Bo');
    expect(sut.people).toEqual([
      { row: 1, email: 'anna@example.dk', name: 'Jensen; Anna' },
      { row: 2, email: 'bo@example.dk', name: 'Bo' },
    ]);
  });

  it('does not let a quote left open swallow the rest of the file', () => {
    const sut = parsePanelCsv('email,name\nanna@example.dk,"Anna\nbo@example.dk,Bo\n');
    expect(sut.people).toEqual([
      { row: 2, email: 'anna@example.dk', name: 'Anna' },
      { row: 3, email: 'bo@example.dk', name: 'Bo' },
    ]);
    // Text after a closing quote, and a quote left open before a multi-byte letter.
    const tabs = parsePanelCsv('a@example.dk\t"Søren Æ\r\nbø@example.dk\t"Bo"x\nikke\tCai');
    expect(tabs.people.map((p) => [p.row, p.name])).toEqual([
      [1, 'Søren Æ'],
      [2, 'Box'],
    ]);
    expect(tabs.invalid).toEqual([{ row: 3, value: 'ikke\tCai', reason: 'invalid_email' }]);
  });
});

describe('readCsvRecords', () => {
  it('splits records on unquoted line breaks only, keeping doubled quotes and empty cells', () => {
    expect(readCsvRecords('a,"b\nc",""""\r\n,,\n"x,y"', ',')).toEqual([
      { cells: ['a', 'b\nc', '"'], raw: 'a,"b\nc",""""' },
      { cells: ['', '', ''], raw: ',,' },
      { cells: ['x,y'], raw: '"x,y"' },
    ]);
  });
});

describe('decodeCsvBytes', () => {
  it('reads UTF-8 with and without a BOM, UTF-16 with a BOM, and Windows-1252 otherwise', () => {
    const text = 'navn;email\nSøren Æble;s@example.dk\n';
    expect(decodeCsvBytes(Buffer.from(text, 'utf8'))).toBe(text);
    expect(decodeCsvBytes(Buffer.from(`\uFEFF${text}`, 'utf8'))).toBe(text);
    expect(
      decodeCsvBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])),
    ).toBe(text);
    const be = Buffer.from(text, 'utf16le').swap16();
    expect(decodeCsvBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toBe(text);
    expect(decodeCsvBytes(Buffer.from(text, 'latin1'))).toBe(text);
  });

  it('shows control characters in the report as "?"', () => {
    const sut = parsePanelCsv('email\nno\u0000pe\n');
    expect(sut.invalid).toEqual([{ row: 2, value: 'no?pe', reason: 'invalid_email' }]);
  });
});
