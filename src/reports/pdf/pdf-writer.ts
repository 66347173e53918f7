/**
 * A small layer over PDFKit for the reports and letters: headings,
 * paragraphs, tables that break over pages with their header repeated, a
 * line chart drawn as vector graphics, and page numbers — A4, the embedded
 * DejaVu fonts, and nothing that depends on the clock or chance: the
 * creation date and the document id come from the document's own date, so
 * the same content gives the same bytes.
 */
import PDFDocument from 'pdfkit';
import type { IsoDate } from '../../core/calendar/iso-date.js';
import type { PdfFonts } from './pdf-fonts.js';

export interface PdfDocumentOptions {
  readonly title: string;
  /** The document's date: its creation date and (through it) its id. */
  readonly date: IsoDate;
  readonly author: string;
  readonly subject?: string;
  readonly landscape?: boolean;
  /** The running footer's text before the page number. */
  readonly footer?: string;
}

export type CellAlignment = 'left' | 'right' | 'center';

export interface PdfColumn {
  readonly header: string;
  /** A share of the table's width (the shares are scaled to the width). */
  readonly width: number;
  readonly align?: CellAlignment;
}

export interface PdfTableRow {
  readonly cells: readonly string[];
  /** A light background, e.g. the best (green) or worst (red) of a ranking. */
  readonly fill?: 'best' | 'worst' | 'muted';
  readonly bold?: boolean;
}

export interface ChartSeries {
  readonly label: string;
  readonly values: readonly (number | null)[];
  readonly color: string;
  readonly dashed?: boolean;
}

export interface LineChart {
  readonly labels: readonly string[];
  readonly series: readonly ChartSeries[];
  readonly yLabel: string;
  readonly height?: number;
}

const MARGIN = 50;
const FILLS: Readonly<Record<NonNullable<PdfTableRow['fill']>, string>> = {
  best: '#dcefdc',
  worst: '#f6dada',
  muted: '#f0f0f0',
};
const HEADER_FILL = '#dde3ea';
const TEXT = '#1a1a1a';
const GRID = '#c8c8c8';

/** 12:00 UTC of the date: a fixed instant for the PDF's creation date. */
function instantOf(date: IsoDate): Date {
  return new Date(`${date}T12:00:00Z`);
}

export class PdfWriter {
  private readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Uint8Array[] = [];
  private readonly done: Promise<void>;

  constructor(
    fonts: PdfFonts,
    private readonly options: PdfDocumentOptions,
  ) {
    this.doc = new PDFDocument({
      size: 'A4',
      layout: options.landscape ? 'landscape' : 'portrait',
      margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
      bufferPages: true,
      lang: 'da-DK',
      displayTitle: true,
      // PDFKit takes the default font's bytes as well as a name (its types say
      // only a name): no standard font is loaded or referenced.
      font: Buffer.from(fonts.regular) as unknown as string,
      info: {
        Title: options.title,
        Author: options.author,
        ...(options.subject === undefined ? {} : { Subject: options.subject }),
        Creator: 'tilsyn',
        Producer: 'tilsyn (PDFKit)',
        CreationDate: instantOf(options.date),
      },
    });
    this.doc.registerFont('regular', Buffer.from(fonts.regular));
    this.doc.registerFont('bold', Buffer.from(fonts.bold));
    this.doc.font('regular').fillColor(TEXT);
    this.doc.on('data', (chunk: Uint8Array) => this.chunks.push(chunk));
    this.done = new Promise((resolve) =>
      this.doc.on('end', () => {
        resolve();
      }),
    );
  }

  get width(): number {
    return this.doc.page.width - 2 * MARGIN;
  }

  private get bottom(): number {
    return this.doc.page.height - MARGIN - 14;
  }

  /** Starts a new page when less than `height` points are left. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  newPage(): void {
    this.doc.addPage();
  }

  heading(text: string, level: 1 | 2 | 3 = 2): void {
    const size = level === 1 ? 17 : level === 2 ? 12.5 : 10.5;
    this.ensureSpace(size * 3);
    if (level !== 1) this.doc.moveDown(0.6);
    this.doc.font('bold').fontSize(size).text(text, MARGIN, this.doc.y, { width: this.width });
    this.doc.moveDown(0.3).font('regular');
  }

  paragraph(
    text: string,
    options: { size?: number; bold?: boolean; indent?: number; gap?: number } = {},
  ): void {
    const size = options.size ?? 10;
    const indent = options.indent ?? 0;
    this.doc.font(options.bold ? 'bold' : 'regular').fontSize(size);
    this.ensureSpace(Math.min(this.doc.heightOfString(text, { width: this.width - indent }), 60));
    this.doc.text(text, MARGIN + indent, this.doc.y, { width: this.width - indent });
    this.doc.font('regular').moveDown(options.gap ?? 0.4);
  }

  /** Lines without space between them (an address, a signature). */
  lines(lines: readonly string[], options: { size?: number; align?: CellAlignment } = {}): void {
    this.doc.fontSize(options.size ?? 10).font('regular');
    for (const line of lines)
      this.doc.text(line, MARGIN, this.doc.y, {
        width: this.width,
        align: options.align ?? 'left',
      });
  }

  /** A bulleted list. */
  bullets(items: readonly string[], size = 10): void {
    this.doc.fontSize(size).font('regular');
    for (const item of items) {
      this.ensureSpace(size * 2);
      const y = this.doc.y;
      this.doc.text('•', MARGIN + 4, y, { width: 10 });
      this.doc.text(item, MARGIN + 16, y, { width: this.width - 16 });
      this.doc.moveDown(0.15);
    }
    this.doc.moveDown(0.3);
  }

  space(lines = 0.6): void {
    this.doc.moveDown(lines);
  }

  /** A table; rows that do not fit start a new page, which repeats the header. */
  table(columns: readonly PdfColumn[], rows: readonly PdfTableRow[], fontSize = 8.5): void {
    const total = columns.reduce((sum, column) => sum + column.width, 0);
    const widths = columns.map((column) => (column.width / total) * this.width);
    const padding = 3;
    const heightOf = (cells: readonly string[], bold: boolean) => {
      this.doc.font(bold ? 'bold' : 'regular').fontSize(fontSize);
      return (
        Math.max(
          ...cells.map((cell, index) =>
            this.doc.heightOfString(cell === '' ? ' ' : cell, {
              width: (widths[index] ?? 0) - 2 * padding,
            }),
          ),
        ) +
        2 * padding
      );
    };
    const drawRow = (cells: readonly string[], fill: string | undefined, bold: boolean) => {
      const height = heightOf(cells, bold);
      const top = this.doc.y;
      if (fill) this.doc.rect(MARGIN, top, this.width, height).fill(fill);
      this.doc
        .fillColor(TEXT)
        .font(bold ? 'bold' : 'regular')
        .fontSize(fontSize);
      let x = MARGIN;
      cells.forEach((cell, index) => {
        const width = widths[index] ?? 0;
        this.doc.text(cell, x + padding, top + padding, {
          width: width - 2 * padding,
          align: columns[index]?.align ?? 'left',
        });
        x += width;
      });
      this.doc
        .moveTo(MARGIN, top + height)
        .lineTo(MARGIN + this.width, top + height)
        .lineWidth(0.4)
        .strokeColor(GRID)
        .stroke();
      this.doc.y = top + height;
      this.doc.x = MARGIN;
    };
    const header = columns.map((column) => column.header);
    const drawHeader = () => {
      drawRow(header, HEADER_FILL, true);
    };
    this.ensureSpace(heightOf(header, true) + heightOf(rows[0]?.cells ?? [''], false));
    drawHeader();
    for (const row of rows) {
      const height = heightOf(row.cells, row.bold ?? false);
      if (this.doc.y + height > this.bottom) {
        this.doc.addPage();
        drawHeader();
      }
      drawRow(row.cells, row.fill === undefined ? undefined : FILLS[row.fill], row.bold ?? false);
    }
    this.doc.moveDown(0.5);
  }

  /** A line chart: solid series and dashed ones (thresholds), a grid, month labels and a legend. */
  lineChart(chart: LineChart): void {
    const height = chart.height ?? 200;
    this.ensureSpace(height + 60);
    const left = MARGIN + 34;
    const top = this.doc.y + 8;
    const width = this.width - 40;
    const values = chart.series.flatMap((series) =>
      series.values.filter((value): value is number => value !== null),
    );
    const step = 5;
    const maximum = Math.max(step, Math.ceil((Math.max(0, ...values) * 1.1) / step) * step);
    const yOf = (value: number) => top + height - (value / maximum) * height;
    const count = chart.labels.length;
    const xOf = (index: number) => left + (count <= 1 ? width / 2 : (index / (count - 1)) * width);
    this.doc.fontSize(7.5).font('regular').fillColor(TEXT);
    for (let value = 0; value <= maximum; value += step) {
      const y = yOf(value);
      this.doc
        .moveTo(left, y)
        .lineTo(left + width, y)
        .lineWidth(0.3)
        .strokeColor(GRID)
        .stroke();
      this.doc.text(String(value), MARGIN, y - 4, { width: 28, align: 'right' });
    }
    this.doc
      .save()
      .rotate(-90, { origin: [MARGIN - 12, top + height / 2] })
      .text(chart.yLabel, MARGIN - 12 - height / 2, top + height / 2 - 4, {
        width: height,
        align: 'center',
      })
      .restore();
    // Labels at least 36 points apart, counted back from the last (the report month).
    const slot = count <= 1 ? width : width / (count - 1);
    const every = Math.max(1, Math.ceil(36 / slot));
    chart.labels.forEach((label, index) => {
      if ((count - 1 - index) % every !== 0) return;
      this.doc.text(label, xOf(index) - 20, top + height + 4, { width: 40, align: 'center' });
    });
    for (const series of chart.series) {
      this.doc.lineWidth(series.dashed ? 1.2 : 1.8).strokeColor(series.color);
      if (series.dashed) this.doc.dash(5, { space: 3 });
      let drawing = false;
      series.values.forEach((value, index) => {
        if (value === null) {
          drawing = false;
          return;
        }
        if (drawing) this.doc.lineTo(xOf(index), yOf(value));
        else this.doc.moveTo(xOf(index), yOf(value));
        drawing = true;
      });
      this.doc.stroke().undash();
    }
    let x = left;
    const legendY = top + height + 20;
    for (const series of chart.series) {
      this.doc.lineWidth(series.dashed ? 1.2 : 1.8).strokeColor(series.color);
      if (series.dashed) this.doc.dash(5, { space: 3 });
      this.doc
        .moveTo(x, legendY + 4)
        .lineTo(x + 22, legendY + 4)
        .stroke()
        .undash();
      const labelWidth = this.doc.widthOfString(series.label) + 4;
      this.doc.fillColor(TEXT).text(series.label, x + 26, legendY, { width: labelWidth + 2 });
      x += 26 + labelWidth + 14;
    }
    this.doc.x = MARGIN;
    this.doc.y = legendY + 18;
  }

  /** The finished PDF: page numbers written, the document closed, its bytes. */
  async finish(): Promise<Uint8Array> {
    const range = this.doc.bufferedPageRange();
    for (let index = 0; index < range.count; index += 1) {
      this.doc.switchToPage(range.start + index);
      const footer = `${this.options.footer ?? this.options.title} — side ${index + 1} af ${range.count}`;
      const bottomMargin = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0;
      this.doc
        .font('regular')
        .fontSize(7.5)
        .fillColor('#555555')
        .text(footer, MARGIN, this.doc.page.height - MARGIN + 12, {
          width: this.width,
          align: 'center',
          lineBreak: false,
        });
      this.doc.page.margins.bottom = bottomMargin;
    }
    this.doc.end();
    await this.done;
    const length = this.chunks.reduce((sum, chunk) => sum + chunk.length, 0);
    const bytes = new Uint8Array(length);
    let offset = 0;
    for (const chunk of this.chunks) {
      bytes.set(chunk, offset);
      offset += chunk.length;
    }
    return bytes;
  }
}
