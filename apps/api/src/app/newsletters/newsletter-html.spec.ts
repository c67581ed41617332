import {
  mergeHtml,
  mergeText,
  newsletterHtmlToText,
  sanitiseNewsletterHtml,
  styleNewsletterHtml,
} from './newsletter-html';
import { BlockError, parseBlocks } from './newsletter-blocks';

describe('sanitiseNewsletterHtml', () => {
  it('keeps headings, paragraphs, lists, links, emphasis, quotes and images', () => {
    const html =
      '<h2>Velkommen</h2><h3>Under</h3><p>Hej <strong>alle</strong> <em>sammen</em><br>ny linje</p>' +
      '<ul><li>a</li></ul><ol><li>b</li></ol><blockquote>citat</blockquote>' +
      '<p><a href="https://blup.dk/x">link</a> <a href="mailto:a@b.dk">mail</a></p>' +
      '<img src="https://cdn.example.dk/a.jpg" alt="Et billede"><img src="/api/files/abc.png" alt="Vores">';
    expect(sanitiseNewsletterHtml(html)).toBe(
      html.replace('<br>', '<br />').replace(/(<img[^>]*)>/g, '$1 />'),
    );
  });

  it('makes each line typed with Enter (a div, or bare text) its own paragraph', () => {
    expect(sanitiseNewsletterHtml('Hej Karen!<div>Andet afsnit her.</div><div><br></div>')).toBe(
      '<p>Hej Karen!</p><p>Andet afsnit her.</p>',
    );
    expect(sanitiseNewsletterHtml('<div><b>a</b> b</div><ul><li>c<div>d</div></li></ul>')).toBe(
      '<p><strong>a</strong> b</p><ul><li>c<br />d</li></ul>',
    );
    expect(newsletterHtmlToText('<div>Hej</div><div>Andet</div>')).toBe('Hej\n\nAndet');
  });

  it('removes scripts, styles, event handlers and unknown attributes', () => {
    const dirty =
      '<p onclick="alert(1)" style="color:red" class="x">Hej</p><script>alert(1)</script>' +
      '<style>p{color:red}</style><iframe src="https://evil"></iframe><svg onload="x()"><circle/></svg>';
    const clean = sanitiseNewsletterHtml(dirty);
    expect(clean).toBe('<p>Hej</p>');
  });

  it('drops javascript: and data: links and images, and relative links', () => {
    expect(sanitiseNewsletterHtml('<a href="javascript:alert(1)">x</a>')).toBe('<p><a>x</a></p>');
    expect(sanitiseNewsletterHtml('<a href="/relative">x</a>')).toBe('<p><a>x</a></p>');
    expect(sanitiseNewsletterHtml('<img src="data:image/png;base64,AAA" alt="x">')).toBe('');
    expect(sanitiseNewsletterHtml('<img src="http://insecure.dk/a.png" alt="x">')).toBe('');
    expect(sanitiseNewsletterHtml('<img src="//evil.dk/a.png" alt="x">')).toBe('');
    expect(sanitiseNewsletterHtml('<img src="/uploads/a.png" alt="x">')).toBe('');
  });

  it('removes control characters (PostgreSQL refuses a NUL), keeping tabs and line breaks', () => {
    expect(sanitiseNewsletterHtml('<p>a\u0000b\u0007c\u007fd\te\nf</p>')).toBe('<p>abcd\te\nf</p>');
  });

  it('maps h1 to h2 and b/i to strong/em', () => {
    expect(sanitiseNewsletterHtml('<h1>T</h1><b>b</b><i>i</i>')).toBe(
      '<h2>T</h2><p><strong>b</strong><em>i</em></p>',
    );
  });
});

describe('styleNewsletterHtml', () => {
  it('inlines styles, makes own images absolute and re-sanitises', () => {
    const html = styleNewsletterHtml(
      '<p style="x" onclick="y">Hej</p><img src="/api/files/a.png" alt="A"><script>x</script>',
      'https://blup.test',
    );
    expect(html).toContain('<p style="font-family:Arial');
    expect(html).not.toContain('onclick');
    expect(html).not.toContain('script');
    expect(html).toContain('src="https://blup.test/api/files/a.png"');
  });

  it('opens links in a new tab with rel="noopener noreferrer", whatever rel was typed', () => {
    const html = styleNewsletterHtml(
      '<p><a href="https://example.dk/a" rel="opener" target="_self">A</a> og <a href="mailto:x@example.dk">B</a></p>',
      'https://blup.test',
    );
    const links = html.match(/<a [^>]*>/g) ?? [];
    expect(links).toHaveLength(2);
    for (const link of links) {
      expect(link).toContain('target="_blank"');
      expect(link).toContain('rel="noopener noreferrer"');
      expect(link).not.toContain('_self');
      expect(link).not.toContain('rel="opener"');
    }
  });
});

describe('newsletterHtmlToText', () => {
  it('writes paragraphs, numbered and bulleted lists, links and images as text', () => {
    const text = newsletterHtmlToText(
      '<h2>Overskrift</h2><p>Se <a href="https://blup.dk/v">videoen</a> &amp; mere</p>' +
        '<ol><li>første</li><li>anden</li></ol><ul><li>punkt</li></ul><img src="https://x.dk/a.png" alt="Kort">',
    );
    expect(text).toBe(
      'Overskrift\n\nSe videoen (https://blup.dk/v) & mere\n\n1. første\n2. anden\n\n- punkt\n\n[Kort]',
    );
  });
});

describe('merge fields', () => {
  it('fills known fields, escapes them in HTML, and leaves unknown ones', () => {
    const values = { navn: 'Ana <b>', landsby: 'Øster Ø' };
    expect(mergeText('Hej {{navn}} i {{landsby}} {{ukendt}}', values)).toBe(
      'Hej Ana <b> i Øster Ø {{ukendt}}',
    );
    expect(mergeHtml('<p>Hej {{ navn }}</p>', values)).toBe('<p>Hej Ana &lt;b&gt;</p>');
  });
});

describe('parseBlocks', () => {
  const lessonId = '3f2b8c1e-9d4a-4f6b-8e2a-1c5d7e9f0a3b';

  it('accepts every block type and sanitises text', () => {
    expect(
      parseBlocks([
        { type: 'text', html: '<p>Hej</p><script>x</script>' },
        { type: 'lesson', lessonId },
        { type: 'video', lessonId },
        { type: 'next_steps', heading: ' Næste ', items: [' Mød op '] },
        { type: 'session' },
      ]),
    ).toEqual([
      { type: 'text', html: '<p>Hej</p>' },
      { type: 'lesson', lessonId },
      { type: 'video', lessonId },
      { type: 'next_steps', heading: 'Næste', items: ['Mød op'] },
      { type: 'session' },
    ]);
  });

  it('names the field at fault', () => {
    const fail = (raw: unknown): string => {
      try {
        parseBlocks(raw);
      } catch (e) {
        return (e as BlockError).field;
      }
      return 'passed';
    };
    expect(fail('x')).toBe('blocks');
    expect(fail([{ type: 'html' }])).toBe('blocks[0].type');
    expect(fail([{ type: 'text', html: 1 }])).toBe('blocks[0].html');
    expect(fail([{ type: 'lesson', lessonId: 'nope' }])).toBe('blocks[0].lessonId');
    expect(fail([{ type: 'session', extra: 1 }])).toBe('blocks[0].extra');
    expect(fail([{ type: 'next_steps', items: ['ok', ''] }])).toBe('blocks[0].items[1]');
    expect(fail(Array.from({ length: 41 }, () => ({ type: 'session' })))).toBe('blocks');
  });
});
