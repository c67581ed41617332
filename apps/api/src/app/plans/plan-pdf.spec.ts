import { GoalStatus, InitiativeStatus } from '@blup/contracts';
import sharp from 'sharp';
import { pdfText } from './pdf-text';
import { writePlanPdf } from './plan-pdf';

describe(writePlanPdf.name, () => {
  const sut = writePlanPdf;

  it('writes an A4 PDF holding the plan’s sections, its goals and the story’s text', async () => {
    const pdf = await sut({
      villageName: 'Glumsø og Omegn',
      municipalityName: 'Næstved',
      versionLine: 'Version 2, offentliggjort 6. december 2026',
      plan: [
        { type: 'heading', text: 'Trafik' },
        { type: 'paragraph', text: 'Samkørsel til Næstved – hver dag kl. 7.' },
      ],
      goals: [
        {
          id: 'g1',
          title: 'Flere ruter i samkørslen',
          why: 'Færre biler på Åbakken.',
          sdgs: [11, 13],
          owner: '',
          horizon: null,
          indicator: '',
          baseline: null,
          targetValue: null,
          currentValue: null,
          status: GoalStatus.OnTrack,
        },
      ],
      goalCount: 3,
      focusAreas: [
        {
          id: 'f1',
          name: 'Mobilitet',
          description: '',
          progress: 42.5,
          initiativeCount: 2,
          initiatives: [
            {
              id: 'i1',
              title: 'Samkørselsbænke',
              status: InitiativeStatus.InProgress,
              progress: 40,
              milestoneWhat: 'Bænk ved Brugsen',
              milestoneDate: '2027-03-01',
              goals: [{ id: 'g1', title: 'Flere ruter i samkørslen' }],
            },
          ],
        },
      ],
      sdgNames: new Map([
        [11, 'Bæredygtige byer og lokalsamfund'],
        [13, 'Klimaindsats'],
      ]),
      story: [{ type: 'paragraph', text: 'Engang var Glumsø en stationsby.' }],
      pageUrl: 'https://blup.example/landsby/glumsoe-og-omegn',
    });

    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    const text = pdfText(pdf);
    expect(text).toContain('Glumsø og Omegn');
    expect(text).toContain('Trafik');
    expect(text).toContain('Samkørsel til Næstved – hver dag kl. 7.');
    expect(text).toContain('Flere ruter i samkørslen');
    expect(text).toContain(
      'På vej · Verdensmål: 11. Bæredygtige byer og lokalsamfund, 13. Klimaindsats',
    );
    expect(text).toContain('… og 2 mål mere på landsbyens side.');
    expect(text).toContain('Indsatsområder og initiativer');
    expect(text).toContain('42,5 procent samlet fremdrift');
    expect(text).toContain(
      'I gang · 40 procent færdig · Næste skridt: Bænk ved Brugsen, senest 1. marts 2027 · Mål:',
    );
    expect(text).toContain('… og 1 initiativer mere.');
    expect(text).toContain('Engang var Glumsø en stationsby.');
  });

  it('draws the story’s pictures, and names by alt text one it does not have', async () => {
    const picture = await sharp({
      create: { width: 320, height: 200, channels: 3, background: '#56c02b' },
    })
      .jpeg()
      .toBuffer();
    const pdf = await sut({
      villageName: 'Kegnæs',
      municipalityName: 'Sønderborg',
      versionLine: 'Version 1',
      plan: [],
      goals: [],
      goalCount: 0,
      focusAreas: [],
      sdgNames: new Map(),
      story: [
        { type: 'image', imageId: 'a', alt: 'Færgen i havn' },
        { type: 'image', imageId: 'missing', alt: 'Et tabt billede' },
      ],
      images: new Map([['a', picture]]),
      pageUrl: 'https://blup.example/landsby/kegnaes',
    });
    const source = pdf.toString('latin1');
    expect(source.match(/\/Subtype \/Image/g)).toHaveLength(1);
    const text = pdfText(pdf);
    expect(text).toContain('Færgen i havn');
    expect(text).toContain('Et tabt billede');
    expect(text).toContain('Landsbyen har ikke skrevet mål endnu.');
  });
});
