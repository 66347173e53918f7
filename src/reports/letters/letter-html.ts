/**
 * A letter as a standalone HTML page (`lang="da"`, UTF-8, styles inline):
 * for the web application to show and store beside the PDF. The same letter
 * gives the same bytes.
 */
import type { LetterBlock, LetterDocument } from '../../core/letters/letter-document.js';

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const STYLE = `body{font-family:"DejaVu Sans",Arial,sans-serif;color:#1a1a1a;max-width:46em;margin:2em auto;line-height:1.45;padding:0 1em}
.sender{text-align:right;font-size:.9em}.meta{text-align:right}h1{font-size:1.25em;margin-top:1.5em}h2{font-size:1.05em;margin-top:1.4em}
blockquote{margin:.6em 2em;font-style:italic}blockquote cite{display:block;font-style:normal;font-size:.9em}
table{border-collapse:collapse;width:100%;font-size:.92em}th,td{border-bottom:1px solid #c8c8c8;padding:.3em .4em;text-align:left;vertical-align:top}
th{background:#dde3ea}td.number{text-align:right}.closing{margin-top:2em}
.composed-note{border:2px solid #8a5a00;background:#fff4d6;padding:.5em .8em;font-weight:bold}`;

function block(item: LetterBlock): string {
  switch (item.kind) {
    case 'heading':
      return `<h2>${escapeHtml(item.text)}</h2>`;
    case 'paragraph':
      return `<p>${escapeHtml(item.text)}</p>`;
    case 'quote':
      return `<blockquote><p>»${escapeHtml(item.text)}«</p><cite>${escapeHtml(item.source)}</cite></blockquote>`;
    case 'list':
      return `<ul>${item.items.map((entry) => `<li>${escapeHtml(entry)}</li>`).join('')}</ul>`;
    case 'table': {
      const head = item.columns
        .map((column) => `<th scope="col">${escapeHtml(column)}</th>`)
        .join('');
      const rows = item.rows
        .map(
          (row) =>
            `<tr>${row
              .map(
                (cell, index) =>
                  `<td${item.numeric[index] ? ' class="number"' : ''}>${escapeHtml(cell)}</td>`,
              )
              .join('')}</tr>`,
        )
        .join('\n');
      return `<table><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>`;
    }
  }
}

export interface LetterHtmlOptions {
  /** A note above the letter (a letter composed on request, not the one stored). */
  readonly note?: string;
}

export function letterHtml(letter: LetterDocument, options: LetterHtmlOptions = {}): string {
  const sender = letter.sender;
  const parts = [
    '<!DOCTYPE html>',
    '<html lang="da">',
    `<head><meta charset="utf-8"><title>${escapeHtml(letter.title)}</title><style>${STYLE}</style></head>`,
    options.note === undefined
      ? '<body><article class="letter">'
      : `<body><p class="composed-note" role="note">${escapeHtml(options.note)}</p><article class="letter">`,
    `<address class="sender">${[sender.authority, sender.unit, ...sender.addressLines, `T ${sender.phone}`, `E ${sender.email}`].map(escapeHtml).join('<br>')}</address>`,
    `<address class="recipient">${letter.recipient.map(escapeHtml).join('<br>')}</address>`,
    `<p class="meta"><time datetime="${escapeHtml(letter.date)}">${escapeHtml(letter.dateText)}</time>${letter.reference === null ? '' : `<br>J.nr. ${escapeHtml(letter.reference)}`}</p>`,
    `<h1>${escapeHtml(letter.subject)}</h1>`,
    ...letter.blocks.map(block),
    `<p class="closing">${letter.closing.map(escapeHtml).join('<br>')}</p>`,
    '</article></body>',
    '</html>',
  ];
  return `${parts.join('\n')}\n`;
}
