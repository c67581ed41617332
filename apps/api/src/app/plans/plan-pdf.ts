import {
  GoalStatus,
  InitiativeStatus,
  type PublicFocusAreaDto,
  type PublicGoalDto,
} from '@blup/contracts';
import PDFDocument from 'pdfkit';
import type { RenderedBlock } from './document-kinds';

/** The Danish words for a goal's status, as the web shows them. */
export const STATUS_DA: Record<GoalStatus, string> = {
  [GoalStatus.Idea]: 'Idé',
  [GoalStatus.InProgress]: 'I gang',
  [GoalStatus.OnTrack]: 'På vej',
  [GoalStatus.Reached]: 'Nået',
  [GoalStatus.Paused]: 'Sat på pause',
};

/** The Danish words for an initiative's status, as the web shows them. */
export const INITIATIVE_STATUS_DA: Record<InitiativeStatus, string> = {
  [InitiativeStatus.Idea]: 'Idé',
  [InitiativeStatus.Planned]: 'Planlagt',
  [InitiativeStatus.InProgress]: 'I gang',
  [InitiativeStatus.Done]: 'Gennemført',
  [InitiativeStatus.Paused]: 'Sat på pause',
};

/** A milestone's day in Danish: "1. marts 2027". */
const DAY_DA = new Intl.DateTimeFormat('da-DK', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/Copenhagen',
});

/** "12,5 procent" (Danish decimal comma), or the words for an area without initiatives. */
export function rollUpDa(progress: number | null): string {
  return progress === null
    ? 'Ingen initiativer endnu'
    : `${String(progress).replace('.', ',')} procent samlet fremdrift`;
}

export interface PlanPdfInput {
  villageName: string;
  municipalityName: string;
  /** e.g. "Version 3, offentliggjort 6. december 2026". */
  versionLine: string;
  plan: RenderedBlock[];
  goals: PublicGoalDto[];
  goalCount: number;
  /** The focus areas with their roll-up and initiatives (no people). */
  focusAreas: PublicFocusAreaDto[];
  sdgNames: Map<number, string>;
  story: RenderedBlock[] | null;
  /** The story's pictures by id (JPEG or PNG, as kept); one missing is named by its alt text. */
  images?: Map<string, Buffer>;
  /** The public page's address, printed at the end. */
  pageUrl: string;
}

const GREEN = '#2e6b3f';
const INK = '#1d2b1f';
const MUTED = '#4a5a4d';

/**
 * The published plan as an A4 PDF, made with pdfkit's standard Helvetica (WinAnsi covers
 * Danish): the village, the plan's sections, its goals (always current) and the story's text.
 * The story's pictures are drawn at the column's width (at most 9 cm high).
 */
export function writePlanPdf(input: PlanPdfInput): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 64, bottom: 64, left: 64, right: 64 },
    info: {
      Title: `Udviklingsplan for ${input.villageName}`,
      Author: input.villageName,
      Subject: `${input.villageName}, ${input.municipalityName} Kommune`,
    },
    lang: 'da-DK',
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('Helvetica-Bold').fontSize(24).fillColor(GREEN).text(input.villageName);
  doc.font('Helvetica').fontSize(12).fillColor(MUTED);
  doc.text(`Udviklingsplan · ${input.municipalityName} Kommune`);
  doc.text(input.versionLine);
  doc.moveDown(1.2);
  drawBlocks(doc, input.plan, new Map());

  doc.moveDown(0.8);
  doc.font('Helvetica-Bold').fontSize(17).fillColor(GREEN).text('Landsbyens mål');
  doc.moveDown(0.3);
  if (!input.goals.length) {
    doc.font('Helvetica').fontSize(11).fillColor(INK).text('Landsbyen har ikke skrevet mål endnu.');
  }
  for (const goal of input.goals) {
    doc.font('Helvetica-Bold').fontSize(12).fillColor(INK).text(goal.title);
    const sdgs = goal.sdgs.map((n) => `${n}. ${input.sdgNames.get(n) ?? ''}`.trim()).join(', ');
    doc.font('Helvetica').fontSize(10).fillColor(MUTED);
    doc.text(`${STATUS_DA[goal.status]} · Verdensmål: ${sdgs}`);
    if (goal.why) doc.fontSize(11).fillColor(INK).text(goal.why);
    doc.moveDown(0.5);
  }
  if (input.goalCount > input.goals.length) {
    doc.font('Helvetica').fontSize(10).fillColor(MUTED);
    doc.text(`… og ${input.goalCount - input.goals.length} mål mere på landsbyens side.`);
  }

  if (input.focusAreas.length) {
    doc.moveDown(0.8);
    doc.font('Helvetica-Bold').fontSize(17).fillColor(GREEN).text('Indsatsområder og initiativer');
    doc.moveDown(0.3);
  }
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  // Explicit x and width, so a wrapped line keeps its indent.
  const line = (text: string, indent: number, gap = 0) =>
    doc.text(text, left + indent, doc.y, { width: width - indent, paragraphGap: gap });
  for (const area of input.focusAreas) {
    doc.font('Helvetica-Bold').fontSize(13).fillColor(INK);
    line(area.name, 0);
    doc.font('Helvetica').fontSize(10).fillColor(MUTED);
    line(rollUpDa(area.progress), 0);
    if (area.description) {
      doc.fontSize(11).fillColor(INK);
      line(area.description, 0);
    }
    doc.moveDown(0.3);
    for (const initiative of area.initiatives) {
      doc.font('Helvetica-Bold').fontSize(11).fillColor(INK);
      line(`•  ${initiative.title}`, 12);
      const parts = [
        INITIATIVE_STATUS_DA[initiative.status],
        `${initiative.progress} procent færdig`,
      ];
      if (initiative.milestoneWhat) {
        const date = initiative.milestoneDate
          ? `, senest ${DAY_DA.format(new Date(`${initiative.milestoneDate}T12:00:00Z`))}`
          : '';
        parts.push(`Næste skridt: ${initiative.milestoneWhat}${date}`);
      }
      if (initiative.goals.length) {
        parts.push(`Mål: ${initiative.goals.map((goal) => goal.title).join(', ')}`);
      }
      doc.font('Helvetica').fontSize(10).fillColor(MUTED);
      line(parts.join(' · '), 24, 4);
    }
    if (area.initiativeCount > area.initiatives.length) {
      line(`… og ${area.initiativeCount - area.initiatives.length} initiativer mere.`, 24);
    }
    doc.moveDown(0.5);
  }
  doc.x = left;

  if (input.story?.length) {
    doc.addPage();
    doc.font('Helvetica-Bold').fontSize(20).fillColor(GREEN).text('Landsbyfortællingen');
    doc.moveDown(0.5);
    drawBlocks(doc, input.story, input.images ?? new Map());
  }

  doc.moveDown(1);
  doc.font('Helvetica').fontSize(9).fillColor(MUTED).text(`Læs planen på ${input.pageUrl}`);
  doc.end();
  return done;
}

/** The tallest a picture is drawn: about 9 cm. */
const IMAGE_MAX_HEIGHT = 255;

function drawBlocks(
  doc: PDFKit.PDFDocument,
  blocks: RenderedBlock[],
  images: Map<string, Buffer>,
): void {
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  for (const block of blocks) {
    switch (block.type) {
      case 'heading':
        doc.moveDown(0.4);
        doc.font('Helvetica-Bold').fontSize(15).fillColor(GREEN).text(block.text);
        doc.moveDown(0.2);
        break;
      case 'paragraph':
        doc.font('Helvetica').fontSize(11).fillColor(INK).text(block.text, { paragraphGap: 6 });
        break;
      case 'bullet':
        doc.font('Helvetica').fontSize(11).fillColor(INK).text(`•  ${block.text}`, {
          indent: 12,
          paragraphGap: 3,
        });
        break;
      case 'image': {
        const picture = images.get(block.imageId);
        if (picture) {
          const bottom = doc.page.height - doc.page.margins.bottom;
          if (doc.y + IMAGE_MAX_HEIGHT > bottom) doc.addPage();
          doc.image(picture, doc.page.margins.left, doc.y, {
            fit: [width, IMAGE_MAX_HEIGHT],
            align: 'center',
          });
          doc.moveDown(0.5);
        }
        if (block.alt || !picture) {
          doc.font('Helvetica-Oblique').fontSize(10).fillColor(MUTED);
          doc.text(block.alt || '[Billede]', doc.page.margins.left, doc.y, { paragraphGap: 6 });
        }
        break;
      }
    }
  }
}
