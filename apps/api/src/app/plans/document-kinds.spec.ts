import { DocumentKind, type PlanContent } from '@blup/contracts';
import { documentKind, registeredKinds } from './document-kinds';
import { planKind } from './kinds/plan.kind';
import { sanitiseStoryHtml, storyKind } from './kinds/story.kind';

const IMG = '/api/document-images/3f2b8c1e-9d4a-4f6b-8e2a-1c5d7e9f0a3b';

describe('document kinds', () => {
  it('registers the plan, the story, the annual wheel and the annual report (per year)', () => {
    expect(registeredKinds().sort()).toEqual(
      [DocumentKind.Plan, DocumentKind.Report, DocumentKind.Story, DocumentKind.Wheel].sort(),
    );
    expect(documentKind('report')?.yearly).toBe(true);
    expect(documentKind('wheel')?.yearly).toBe(false);
    expect(documentKind('calendar')).toBeNull();
    expect(documentKind('__proto__')).toBeNull();
  });
});

describe('planKind', () => {
  const sut = planKind;
  const plan = (...sections: [string, string, string][]): PlanContent => ({
    sections: sections.map(([id, title, text]) => ({ id, title, text })),
  });

  it('accepts sections and trims titles', () => {
    const parsed = sut.parse({ sections: [{ id: 's1', title: '  Trafik ', text: 'Busser\r\n' }] });
    expect(parsed).toEqual({ ok: true, content: plan(['s1', 'Trafik', 'Busser']) });
  });

  it('names what is wrong, per field', () => {
    const parsed = sut.parse({
      sections: [
        { id: 's1', title: '', text: 'x' },
        { id: 's1', title: 'To', text: 4 },
      ],
      extra: 1,
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(Object.keys(parsed.details).sort()).toEqual(
      [
        'content',
        'content.sections.0.title',
        'content.sections.1.id',
        'content.sections.1.text',
      ].sort(),
    );
    expect(sut.parse(null).ok).toBe(false);
    expect(sut.parse({ sections: 'x' }).ok).toBe(false);
  });

  it('summarises a change in Danish words, section by section', () => {
    const before = plan(['a', 'Trafik', 'Bus'], ['b', 'Natur', 'Skov'], ['c', 'Skole', '']);
    const after = plan(
      ['b', 'Naturen', 'Skov'],
      ['a', 'Trafik', 'Bus og tog'],
      ['d', 'Kultur', ''],
    );
    expect(sut.summarise(before, after)).toBe(
      [
        'Afsnittet »Natur« omdøbt til »Naturen«',
        'Afsnittet »Trafik« ændret',
        'Afsnittet »Kultur« tilføjet',
        'Afsnittet »Skole« fjernet',
        'Afsnittenes rækkefølge ændret',
      ].join('; '),
    );
    expect(sut.summarise(before, before)).toBe('Gemt uden ændringer');
  });

  it('renders sections as headings and paragraphs', () => {
    expect(sut.render(plan(['a', 'Trafik', 'Første.\n\nAnden.']))).toEqual([
      { type: 'heading', text: 'Trafik' },
      { type: 'paragraph', text: 'Første.' },
      { type: 'paragraph', text: 'Anden.' },
    ]);
  });
});

describe('storyKind', () => {
  const sut = storyKind;

  it('keeps rich text and its own images, and removes scripts, handlers and other images', () => {
    const html = sanitiseStoryHtml(
      `<h1>Før</h1><p onclick="x()">Glumsø <b>stationsby</b><script>alert(1)</script></p>` +
        `<img src="${IMG}" alt="Stationen"><img src="https://evil.example/x.png">` +
        `<a href="javascript:alert(1)">link</a>`,
    );
    expect(html).toBe(
      `<h2>Før</h2><p>Glumsø <strong>stationsby</strong></p><img src="${IMG}" alt="Stationen" /><a>link</a>`,
    );
    expect(sut.imageIds({ html })).toEqual(['3f2b8c1e-9d4a-4f6b-8e2a-1c5d7e9f0a3b']);
  });

  it('summarises text and image changes', () => {
    expect(sut.summarise({ html: '' }, { html: '<p>Hej</p>' })).toBe('Fortællingen skrevet');
    expect(
      sut.summarise(
        { html: '<p>Hej</p>' },
        { html: `<p>Hej med dig</p><img src="${IMG}" alt="" />` },
      ),
    ).toBe('Teksten ændret (+8 tegn); Et billede tilføjet');
  });

  it('renders headings, paragraphs, list items and images', () => {
    expect(
      sut.render({
        html: `<h2>Før</h2><p>Tekst &amp; mere</p><ul><li>Et</li></ul><img src="${IMG}" alt="Stationen" />`,
      }),
    ).toEqual([
      { type: 'heading', text: 'Før' },
      { type: 'paragraph', text: 'Tekst & mere' },
      { type: 'bullet', text: 'Et' },
      { type: 'image', imageId: '3f2b8c1e-9d4a-4f6b-8e2a-1c5d7e9f0a3b', alt: 'Stationen' },
    ]);
  });
});
