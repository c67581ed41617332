import { LessonKind } from '@blup/contracts';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Lesson } from '../database/entities';
import type { FileStore } from '../files/file-store';
import { writePdf, type PdfDocument } from './pdf-writer';

/**
 * The demo's templates (resource lessons), keyed by lesson title: real Danish documents the
 * villages can print and fill in, written as PDF by the seed.
 */
export const DEMO_TEMPLATES: Readonly<Record<string, { fileName: string; doc: PdfDocument }>> = {
  'Styregruppens forretningsorden': {
    fileName: 'styregruppens-forretningsorden.pdf',
    doc: {
      title: 'Styregruppens forretningsorden',
      sections: [
        {
          paragraphs: [
            'Skabelon fra BLUP Akademiet. Ret teksten til, så den passer til jeres landsby, og vedtag den på styregruppens første møde.',
          ],
        },
        {
          heading: '§ 1 Formål',
          paragraphs: [
            'Styregruppen leder landsbyens BLUP-proces (Bæredygtig Lokal UdviklingsProces). Målet er at mobilisere flere frivillige, styrke fællesskabet og sætte mange nye, bæredygtige initiativer i gang.',
          ],
        },
        {
          heading: '§ 2 Sammensætning',
          paragraphs: [
            'Styregruppen samler landsbyens nøglepersoner fra foreninger, institutioner, erhvervsliv og lokalrådet, typisk 10–30 personer. Koordinationsgruppen på 2–4 personer leder styregruppen og er kontakt til sekretariatet og kommunens kontaktperson.',
          ],
        },
        {
          heading: '§ 3 Møder',
          paragraphs: [
            '• Styregruppen mødes 1–2 gange i hver fase og deltager i studiekredsene online.',
            '• Koordinationsgruppen indkalder med mindst 14 dages varsel og sender dagsorden en uge før.',
            '• Der skrives et kort referat, som sendes til styregruppen og lægges, hvor alle kan finde det.',
          ],
        },
        {
          heading: '§ 4 Beslutninger',
          paragraphs: [
            'Styregruppen tilstræber enighed. Kan den ikke opnås, træffes beslutninger ved simpelt flertal blandt de fremmødte. Beslutninger om landsbymål og handleplaner drøftes med borgerpanelet, før de endeligt vedtages.',
          ],
        },
        {
          heading: '§ 5 Kommunikation',
          paragraphs: [
            'Styregruppen aftaler, hvordan den holder landsbyen orienteret: nyhedsbrev, opslagstavle, sociale medier og borgerpanelets mailliste. Tidshorisonten for processen er cirka ni måneder.',
          ],
        },
        {
          heading: '§ 6 Ændringer',
          paragraphs: [
            'Forretningsordenen kan ændres på et styregruppemøde, når ændringen står på dagsordenen.',
            'Vedtaget den ______________ i ______________________.',
          ],
        },
      ],
    },
  },
  Spørgeskemaundersøgelse: {
    fileName: 'spoergeskemaundersoegelse.pdf',
    doc: {
      title: 'Spørgeskemaundersøgelse i lokalsamfundet',
      sections: [
        {
          paragraphs: [
            'Skabelon til kortlægningen i modul 2. Send skemaet til borgerpanelet og del det på landsbyens kanaler. Svarene er anonyme og bruges til at finde landsbyens styrker, behov og ønsker.',
          ],
        },
        {
          heading: 'Om dig',
          paragraphs: [
            '• Hvor længe har du boet i landsbyen? (under 2 år / 2–10 år / over 10 år)',
            '• Hvilken aldersgruppe tilhører du? (under 18 / 18–35 / 36–60 / over 60)',
            '• Er du aktiv i en forening eller frivillig gruppe i dag?',
          ],
        },
        {
          heading: 'Livet i landsbyen',
          paragraphs: [
            '• Hvad er det bedste ved at bo her?',
            '• Hvad savner du mest i hverdagen?',
            '• Hvor godt kender du dine naboer? (slet ikke / lidt / godt / meget godt)',
          ],
        },
        {
          heading: 'Fremtiden',
          paragraphs: [
            '• Hvad skal være anderledes i landsbyen om fem år?',
            '• Hvilke af verdensmålene synes du, landsbyen især bør arbejde med?',
            '• Vil du gerne være med i en arbejdsgruppe eller hjælpe til ved fremtidsværkstedet?',
          ],
        },
        {
          heading: 'Kontakt (frivilligt)',
          paragraphs: [
            'Skriv din e-mailadresse, hvis du vil på borgerpanelets mailliste: ______________________',
          ],
        },
      ],
    },
  },
  'Årshjul og organisering': {
    fileName: 'aarshjul-og-organisering.pdf',
    doc: {
      title: 'Årshjul og organisering',
      sections: [
        {
          paragraphs: [
            'Skabelon til modul 4. Årshjulet viser, hvad der sker hvornår, og hvem der står for det. Det gør det lettere at holde gang i arbejdet, når BLUP-forløbet er slut.',
          ],
        },
        {
          heading: 'Årshjulet',
          paragraphs: [
            '• Januar–marts: styregruppemøde, status på arbejdsgrupperne, årsrapporten skrives.',
            '• April–juni: borgermøde, hvor årsrapporten og landsbyfortællingen præsenteres.',
            '• Juli–september: sommerarrangement, hvervning af nye frivillige.',
            '• Oktober–december: arbejdsgrupperne planlægger næste år, dialog med kommunen.',
          ],
        },
        {
          heading: 'Organisering',
          paragraphs: [
            '• Styregruppe: holder overblikket og følger op på landsbymålene.',
            '• Arbejdsgrupper: én pr. projekt fra fremtidsværkstedet, hver med en tovholder.',
            '• Borgerpanel: høres om nye projekter og inviteres til borgermøderne.',
            '• Kontaktperson i kommunen: __________________________',
          ],
        },
      ],
    },
  },
  'Skabelon til samarbejdsaftale': {
    fileName: 'samarbejdsaftale.pdf',
    doc: {
      title: 'Samarbejdsaftale mellem lokalråd og kommune',
      sections: [
        {
          paragraphs: [
            'Skabelon fra BLUP Akademiet til samarbejdsworkshoppen. Udfyld den sammen, så begge parter ved, hvad de kan forvente af hinanden.',
          ],
        },
        {
          heading: 'Parter',
          paragraphs: ['Lokalrådet for ______________________ og ______________________ Kommune.'],
        },
        {
          heading: 'Roller og kontaktpersoner',
          paragraphs: [
            '• Lokalrådets kontaktperson: ______________________',
            '• Kommunens kontaktperson (landdistriktskoordinator): ______________________',
            '• Kontaktpersonerne mødes mindst to gange om året og orienterer hinanden om planer, der berører lokalområdet.',
          ],
        },
        {
          heading: 'Forventninger',
          paragraphs: [
            'Lokalrådet samler lokalområdets ønsker og bidrager med viden og frivillige kræfter. Kommunen bidrager med data, sparring og kontakt til relevante medarbejdere og politikere, og svarer på henvendelser inden for en aftalt frist.',
          ],
        },
        {
          heading: 'Opfølgning',
          paragraphs: [
            'Aftalen gennemgås én gang om året og tilpasses efter behov.',
            'Dato og underskrifter: ______________________  ______________________',
          ],
        },
      ],
    },
  },
};

/**
 * Gives every resource lesson of the demo a real PDF in the file store (from DEMO_TEMPLATES, or a
 * plain one from its title), so no template says "no file yet". Returns the lessons' ids.
 */
export async function attachDemoTemplates(em: EntityManager, files: FileStore): Promise<string[]> {
  const lessons = await em
    .getRepository(Lesson)
    .find({ where: { kind: LessonKind.Resource }, order: { title: 'ASC' } });
  const attached: string[] = [];
  for (const lesson of lessons) {
    if (lesson.resourceFileKey) continue;
    const template = DEMO_TEMPLATES[lesson.title] ?? {
      fileName: 'skabelon.pdf',
      doc: { title: lesson.title, sections: [{ paragraphs: ['Skabelon fra BLUP Akademiet.'] }] },
    };
    const pdf = writePdf(template.doc);
    const key = `resources/${randomUUID()}.pdf`;
    await files.put(key, pdf, 'application/pdf');
    await em.getRepository(Lesson).update(lesson.id, {
      resourceFileKey: key,
      resourceFileName: template.fileName,
      resourceMimeType: 'application/pdf',
      resourceSizeBytes: pdf.length,
    });
    attached.push(lesson.id);
  }
  return attached;
}
