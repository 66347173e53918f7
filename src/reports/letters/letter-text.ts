/**
 * A letter as plain text (UTF-8, lines of at most 78 characters): for the
 * terminal, e-mail and the case file. The same letter gives the same text.
 */
import type { LetterBlock, LetterDocument } from '../../core/letters/letter-document.js';
import { renderTable } from '../text-table.js';

const WIDTH = 78;

/** Words to lines of at most `width` characters (a longer word stands alone). */
export function wrap(text: string, width = WIDTH, indent = ''): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((part) => part !== '')) {
    if (line !== '' && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(indent + line);
  return lines;
}

function block(item: LetterBlock): string[] {
  switch (item.kind) {
    case 'heading':
      return [item.text, '-'.repeat(Math.min(WIDTH, Array.from(item.text).length))];
    case 'paragraph':
      return wrap(item.text);
    case 'quote':
      return [...wrap(`»${item.text}«`, WIDTH, '    '), `    (${item.source})`];
    case 'list':
      return item.items.flatMap((entry) => {
        const [first = '', ...rest] = wrap(entry, WIDTH - 2);
        return [`- ${first}`, ...rest.map((line) => `  ${line}`)];
      });
    case 'table':
      return renderTable(
        item.columns,
        item.rows,
        item.numeric.map((numeric) => (numeric ? 'right' : 'left')),
        '',
      );
  }
}

export function letterText(letter: LetterDocument): string {
  const sender = letter.sender;
  const lines = [
    sender.authority,
    sender.unit,
    ...sender.addressLines,
    `T ${sender.phone}  E ${sender.email}`,
    '',
    'Til:',
    ...letter.recipient,
    '',
    `Dato: ${letter.dateText}`,
    ...(letter.reference === null ? [] : [`J.nr.: ${letter.reference}`]),
    '',
    ...wrap(letter.subject.toUpperCase()),
    '',
  ];
  for (const item of letter.blocks) lines.push(...block(item), '');
  lines.push(...letter.closing);
  return `${lines.join('\n')}\n`;
}
