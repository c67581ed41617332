import type { Locale } from '@blup/contracts';

const PLURAL_RULES: Record<Locale, Intl.PluralRules> = {
  da: new Intl.PluralRules('da-DK'),
  en: new Intl.PluralRules('en-GB'),
};

/** A number with its noun in the form the language wants: "1 minut", "30 minutter", "1 day". */
export function counted(n: number, locale: Locale, one: string, other: string): string {
  return `${n} ${PLURAL_RULES[locale].select(n) === 'one' ? one : other}`;
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export interface MailBody {
  /** Paragraphs of plain text (escaped for HTML). */
  paragraphs: string[];
  action?: { label: string; url: string };
  /** A picture attached to the mail (`cid:`), e.g. a check-in QR code, with its text. */
  image?: { cid: string; alt: string };
  /** Small print under the button. */
  footer?: string;
}

/** A single-column, table-based layout that reads well in common mail clients and on a phone. */
export function renderHtml(title: string, body: MailBody, lang: string): string {
  const paragraphs = body.paragraphs
    .map(
      (p) =>
        `<p style="margin:0 0 16px;font-size:17px;line-height:1.5;color:#1d2b1f">${escapeHtml(p)}</p>`,
    )
    .join('');
  const action = body.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(body.action.url)}" style="display:inline-block;background:#2e6b3f;color:#ffffff;text-decoration:none;font-size:18px;padding:14px 24px;border-radius:8px">${escapeHtml(body.action.label)}</a></p>
<p style="margin:0 0 16px;font-size:14px;line-height:1.5;color:#4a5a4d;word-break:break-all">${escapeHtml(body.action.url)}</p>`
    : '';
  const image = body.image
    ? `<p style="margin:16px 0"><img src="cid:${escapeHtml(body.image.cid)}" alt="${escapeHtml(body.image.alt)}" width="240" height="240" style="display:block;width:240px;height:240px"></p>`
    : '';
  const footer = body.footer
    ? `<p style="margin:24px 0 0;font-size:14px;line-height:1.5;color:#4a5a4d">${escapeHtml(body.footer)}</p>`
    : '';
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title></head>
<body style="margin:0;padding:0;background:#f3f6f1;font-family:Arial,Helvetica,sans-serif">
<table role="presentation" width="100%" cellspacing="0" cellpadding="0" style="background:#f3f6f1"><tr><td align="center" style="padding:16px">
<table role="presentation" width="100%" cellspacing="0" cellpadding="0" style="max-width:560px;background:#ffffff;border-radius:12px"><tr><td style="padding:24px">
<p style="margin:0 0 8px;font-size:14px;color:#2e6b3f;font-weight:bold">BLUP Akademiet</p>
<h1 style="margin:0 0 16px;font-size:22px;line-height:1.3;color:#1d2b1f">${escapeHtml(title)}</h1>
${paragraphs}${image}${action}${footer}
</td></tr></table></td></tr></table></body></html>`;
}

export function renderText(title: string, body: MailBody): string {
  const parts = [title, '', ...body.paragraphs.flatMap((p) => [p, ''])];
  if (body.action) parts.push(`${body.action.label}: ${body.action.url}`, '');
  if (body.footer) parts.push(body.footer, '');
  parts.push('-- ', 'BLUP Akademiet');
  return parts.join('\n');
}
