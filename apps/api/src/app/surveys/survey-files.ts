import { QuestionKind, type SurveyPageDto, type SurveyQuestionDto } from '@blup/contracts';
import { create as createQr } from 'qrcode';
import { csvLine } from '../common/csv';
import { questionsOf } from './survey-content';

const COPENHAGEN = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Copenhagen',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

interface Column {
  title: string;
  value: (answers: Record<string, unknown>) => string | number | null;
}

function columnsOf(question: SurveyQuestionDto): Column[] {
  const label = new Map(question.options.map((o) => [o.id, o.label]));
  const named = (id: unknown) => (typeof id === 'string' ? (label.get(id) ?? id) : null);
  const given = (answers: Record<string, unknown>) => answers[question.id];
  switch (question.kind) {
    case QuestionKind.Info:
      return [];
    case QuestionKind.Matrix:
      return question.rows.map((row) => ({
        title: `${question.title} – ${row.label}`,
        value: (answers) => {
          const cells = given(answers);
          return cells && typeof cells === 'object'
            ? named((cells as Record<string, unknown>)[row.id])
            : null;
        },
      }));
    case QuestionKind.SingleChoice:
      return [{ title: question.title, value: (answers) => named(given(answers)) }];
    case QuestionKind.MultipleChoice:
      return [
        {
          title: question.title,
          value: (answers) => {
            const ids = given(answers);
            return Array.isArray(ids) ? ids.map(named).join(', ') : null;
          },
        },
      ];
    case QuestionKind.Ranking:
      return [
        {
          title: question.title,
          value: (answers) => {
            const ids = given(answers);
            return Array.isArray(ids)
              ? ids.map((id, i) => `${i + 1}. ${named(id)}`).join(', ')
              : null;
          },
        },
      ];
    default:
      return [
        {
          title: question.title,
          value: (answers) => {
            const v = given(answers);
            return typeof v === 'string' || typeof v === 'number' ? v : null;
          },
        },
      ];
  }
}

/**
 * The responses for Danish Excel: UTF-8 with a byte order mark, `;` between cells, CRLF after
 * each line, one line per response and a column per question (a matrix: one per row), cells
 * that would start a formula prefixed with `'`.
 */
export function surveyCsv(
  pages: SurveyPageDto[],
  responses: { id: string; submitted_at: Date; answers: Record<string, unknown> }[],
): string {
  const columns = questionsOf(pages).flatMap(columnsOf);
  const lines = [
    ['Svar-id', 'Indsendt', ...columns.map((c) => c.title)],
    ...responses.map((r) => [
      r.id,
      COPENHAGEN.format(r.submitted_at),
      ...columns.map((c) => c.value(r.answers)),
    ]),
  ];
  return `\uFEFF${lines.map(csvLine).join('\r\n')}\r\n`;
}

const escapeXml = (text: string): string =>
  text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Splits a title into lines of at most `width` characters for the poster. */
function wrap(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && (line + ' ' + word).length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.length > maxLines
    ? [...lines.slice(0, maxLines - 1), `${lines[maxLines - 1]} …`]
    : lines;
}

/**
 * An A4 poster (210 × 297 mm) for the village hall's notice board: the survey's title, the QR
 * code of its public link, and the link in words for those who type it.
 */
export function posterSvg(title: string, owner: string | null, url: string): string {
  const qr = createQr(url, { errorCorrectionLevel: 'M' }).modules;
  const cell = 150 / (qr.size + 8);
  let path = '';
  for (let row = 0; row < qr.size; row++) {
    for (let col = 0; col < qr.size; col++) {
      if (qr.get(row, col)) path += `M${col + 4} ${row + 4}h1v1h-1z`;
    }
  }
  const titleLines = wrap(title, 28, 4)
    .map((line, i) => `<text x="105" y="${40 + i * 11}" class="t">${escapeXml(line)}</text>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="210mm" height="297mm" viewBox="0 0 210 297" role="img" aria-label="${escapeXml(`${title}: ${url}`)}">
<style>text{font-family:Arial,Helvetica,sans-serif;text-anchor:middle;fill:#1b1b1b}.t{font-size:9px;font-weight:bold}.s{font-size:6px}.u{font-size:4.2px}</style>
<rect width="210" height="297" fill="#fff"/>
<text x="105" y="22" class="s">${escapeXml(owner ?? 'BLUP Akademiet')}</text>
${titleLines}
<g transform="translate(30 95) scale(${cell})"><rect width="${qr.size + 8}" height="${qr.size + 8}" fill="#fff"/><path d="${path}" fill="#000"/></g>
<text x="105" y="262" class="s">Scan koden med mobilen, og svar – det tager få minutter.</text>
<text x="105" y="275" class="u">${escapeXml(url)}</text>
</svg>
`;
}
