/**
 * The new text of a mail reply, without what it quotes: everything from the first attribution line
 * ("On … wrote:", "Den … skrev:", possibly wrapped over up to three lines), an Outlook header block
 * ("-----Original Message-----", "Fra:"/"From:" after a rule) or a signature separator ("-- ") on
 * is dropped, and so are lines quoted with ">". Line endings become \n; the result is trimmed.
 */
const ATTRIBUTION_START = /^(on|den|le|am)\s/i;
const ATTRIBUTION_END = /(wrote|skrev|schrieb|a écrit)\s*:\s*$/i;
/** An attribution whose address wrapped: "… skrev Navn <" / "adresse>:". */
const WRAPPED_END = /\b(wrote|skrev|schrieb|a écrit)\b.*:$/i;
const CUT_LINES = [
  /^-{2,}\s*(original message|oprindelig meddelelse|videresendt meddelelse|forwarded message)/i,
  /^_{10,}\s*$/,
  /^(from|fra):\s.+/i,
];

export function stripQuotedReply(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let end = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '--' || lines[i] === '-- ') {
      end = i;
      break;
    }
    if (CUT_LINES.some((re) => re.test(line))) {
      end = i;
      break;
    }
    if (ATTRIBUTION_START.test(line)) {
      const window = lines.slice(i, i + 3).map((l) => l.trim());
      const joined = (n: number) => window.slice(0, n).join(' ');
      if ([1, 2, 3].some((n) => n <= window.length && WRAPPED_END.test(joined(n)))) {
        end = i;
        break;
      }
    }
    if (ATTRIBUTION_END.test(line) && lines[i + 1]?.trim().startsWith('>')) {
      end = i;
      break;
    }
  }
  return lines
    .slice(0, end)
    .filter((line) => !line.trimStart().startsWith('>'))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
