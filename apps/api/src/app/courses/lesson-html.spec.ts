import { sanitiseLessonHtml } from './lesson-html';

describe(sanitiseLessonHtml.name, () => {
  const sut = sanitiseLessonHtml;

  it('keeps headings, paragraphs, lists, emphasis and quotes', () => {
    const html =
      '<h2>Styregruppen</h2><p><strong>Fed</strong> og <em>kursiv</em></p><ul><li>Et</li></ul><ol><li>To</li></ol><blockquote>Citat</blockquote>';
    expect(sut(html)).toBe(html);
  });

  it('removes scripts, styles and event handlers', () => {
    const out = sut(
      '<p onclick="x()">Hej</p><script>alert(1)</script><style>p{}</style><img src=x onerror="alert(1)">',
    );
    expect(out).toBe('<p>Hej</p>');
  });

  it('keeps http, https and mailto links with rel=noopener and drops javascript: links', () => {
    expect(sut('<a href="https://blup.dk" target="_blank">BLUP</a>')).toBe(
      '<a href="https://blup.dk" rel="noopener">BLUP</a>',
    );
    expect(sut('<a href="mailto:info@blup.dk">Skriv</a>')).toBe(
      '<a href="mailto:info@blup.dk" rel="noopener">Skriv</a>',
    );
    expect(sut('<a href="javascript:alert(1)">x</a>')).toBe('<a rel="noopener">x</a>');
  });

  it('drops style attributes and unknown tags but keeps their text', () => {
    expect(sut('<p style="color:red"><span>tekst</span></p>')).toBe('<p>tekst</p>');
  });
});
