import { toString as qrSvg } from 'qrcode';

/** Text for SVG: the five XML specials escaped. */
export function xmlText(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  );
}

/** Words into lines of at most `width` characters (a longer word stands alone), at most `max`. */
export function wrap(text: string, width: number, max: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && `${last} ${word}`.length <= width)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  if (lines.length > max) {
    lines.length = max;
    lines[max - 1] = `${lines[max - 1]} …`;
  }
  return lines;
}

/**
 * An A4 poster (in millimetres) for the village hall's notice board: the list's title, what to
 * do (in Danish: the posters hang in Danish villages; under it in English, smaller, for the
 * residents who read English better), a QR code of the voting link and the link
 * written out for those who type it.
 */
export async function posterSvg(
  title: string,
  villageName: string,
  url: string,
  dots: number,
): Promise<string> {
  const qr = await qrSvg(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  const size = 150;
  const qrPlaced = qr.replace(
    '<svg ',
    `<svg x="${(210 - size) / 2}" y="95" width="${size}" height="${size}" `,
  );
  const titleLines = wrap(title, 26, 3)
    .map((line, i) => `<text x="105" y="${40 + i * 12}" class="t">${xmlText(line)}</text>`)
    .join('');
  const how = `Scan koden, og sæt dine ${dots} ${dots === 1 ? 'prik' : 'prikker'} på de idéer, du synes bedst om.`;
  const howEn = `Scan the code and put your ${dots} ${dots === 1 ? 'dot' : 'dots'} on the ideas you like best.`;
  const daLines = wrap(how, 48, 2);
  const enTop = 256 + daLines.length * 6.5 + 2;
  const howLines = [
    ...daLines.map(
      (line, i) => `<text x="105" y="${256 + i * 6.5}" class="h">${xmlText(line)}</text>`,
    ),
    ...wrap(howEn, 64, 2).map(
      (line, i) =>
        `<text x="105" y="${enTop + i * 5.5}" class="e" lang="en">${xmlText(line)}</text>`,
    ),
  ].join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="210mm" height="297mm" viewBox="0 0 210 297" role="img" aria-label="${xmlText(title)}">
<style>text{font-family:Helvetica,Arial,sans-serif;text-anchor:middle;fill:#111}.v{font-size:7px}.t{font-size:11px;font-weight:bold}.h{font-size:5.5px}.e{font-size:4.5px;font-style:italic;fill:#333}.u{font-size:4.5px}</style>
<rect width="210" height="297" fill="#fff"/>
<text x="105" y="22" class="v">${xmlText(villageName)}</text>
${titleLines}
${qrPlaced}
${howLines}
<text x="105" y="287" class="u">${xmlText(url)}</text>
</svg>
`;
}
