/**
 * A letter as a PDF: the letterhead, recipient, date and subject, the blocks,
 * the signature. Its creation date and document id come from the letter's
 * date, so the same letter gives the same bytes — a stored letter input
 * regenerates the stored PDF exactly.
 */
import type { IsoDate } from '../../core/calendar/iso-date.js';
import type { LetterDocument } from '../../core/letters/letter-document.js';
import type { PdfFonts } from '../pdf/pdf-fonts.js';
import { PdfWriter } from '../pdf/pdf-writer.js';

export async function letterPdf(letter: LetterDocument, fonts: PdfFonts): Promise<Uint8Array> {
  const sender = letter.sender;
  const pdf = new PdfWriter(fonts, {
    title: letter.title,
    date: letter.date as IsoDate,
    author: sender.authority,
    subject: letter.subject,
    footer: `${sender.authority} — ${letter.dateText}`,
  });
  pdf.lines(
    [
      sender.authority,
      sender.unit,
      ...sender.addressLines,
      `T ${sender.phone}`,
      `E ${sender.email}`,
    ],
    { size: 8.5, align: 'right' },
  );
  pdf.space(1.5);
  pdf.lines(letter.recipient, { size: 10 });
  pdf.space(1);
  pdf.lines(
    [letter.dateText, ...(letter.reference === null ? [] : [`J.nr. ${letter.reference}`])],
    {
      size: 10,
      align: 'right',
    },
  );
  pdf.space(1);
  pdf.paragraph(letter.subject, { size: 13, bold: true, gap: 0.8 });
  for (const item of letter.blocks) {
    switch (item.kind) {
      case 'heading':
        pdf.heading(item.text, 3);
        break;
      case 'paragraph':
        pdf.paragraph(item.text);
        break;
      case 'quote':
        pdf.paragraph(`»${item.text}«`, { indent: 24, size: 9.5, gap: 0.1 });
        pdf.paragraph(`(${item.source})`, { indent: 24, size: 8.5 });
        break;
      case 'list':
        pdf.bullets(item.items);
        break;
      case 'table':
        pdf.table(
          item.columns.map((column, index) => ({
            header: column,
            // Columns as wide as their longest cell, within bounds.
            width: Math.min(
              40,
              Math.max(
                8,
                ...[column, ...item.rows.map((row) => row[index] ?? '')].map((cell) => cell.length),
              ),
            ),
            align: item.numeric[index] ? ('right' as const) : ('left' as const),
          })),
          item.rows.map((cells) => ({ cells })),
          8.5,
        );
        break;
    }
  }
  pdf.space(1);
  pdf.lines(letter.closing, { size: 10 });
  return pdf.finish();
}
