import PDFDocument from 'pdfkit';

/**
 * A few print layouts over pdfkit: headings, key figures, bar charts drawn as vector rectangles,
 * tables, and "Page n of m" footers. Everything flows down the page and breaks to a new one
 * before a block that would not fit.
 */

const INK = '#1a1a1a';
const MUTED = '#5c5c5c';
const BAR = '#2f5d8a';
const RULE = '#c8c8c8';

export interface Bar {
  label: string;
  value: number;
  /** Shown after the bar, e.g. "1,204 (42.0%)". */
  text: string;
}

export interface Column {
  header: string;
  width: number;
  align?: 'left' | 'right';
}

export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;

  constructor(title: string) {
    this.doc = new PDFDocument({ size: 'LETTER', margin: 54, bufferPages: true, info: { Title: title, Author: 'CivicDesk', Creator: 'CivicDesk' } });
    this.doc.font('Helvetica').fillColor(INK);
  }

  private get left(): number {
    return this.doc.page.margins.left;
  }
  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }
  private get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** Starts a new page unless `height` more points fit on this one. */
  ensure(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  title(text: string, lines: readonly string[]): void {
    this.doc.font('Helvetica-Bold').fontSize(20).fillColor(INK).text(text, this.left, this.doc.y, { width: this.width });
    this.doc.moveDown(0.3).font('Helvetica').fontSize(10).fillColor(MUTED);
    for (const line of lines) this.doc.text(line, { width: this.width });
    this.doc.fillColor(INK).moveDown(0.8);
  }

  heading(text: string, needs = 60): void {
    this.ensure(needs + 24);
    this.doc.moveDown(0.6).font('Helvetica-Bold').fontSize(13).fillColor(INK).text(text, this.left, this.doc.y, { width: this.width });
    this.doc.moveDown(0.3).font('Helvetica').fontSize(9);
  }

  /** Key figures in two columns of label and value. */
  figures(pairs: readonly [string, string][]): void {
    const half = this.width / 2;
    for (let i = 0; i < pairs.length; i += 2) {
      this.ensure(18);
      const y = this.doc.y;
      pairs.slice(i, i + 2).forEach(([label, value], j) => {
        const x = this.left + j * half;
        this.doc.font('Helvetica').fontSize(9).fillColor(MUTED).text(label, x, y, { width: half * 0.55 });
        this.doc.font('Helvetica-Bold').fontSize(10).fillColor(INK).text(value, x + half * 0.55, y, { width: half * 0.45 - 8 });
      });
      this.doc.x = this.left;
      this.doc.y = y + 18;
    }
  }

  /** Horizontal bars, one per row, scaled to the largest value. */
  barChart(bars: readonly Bar[]): void {
    const labelWidth = 160;
    const textWidth = 90;
    const area = this.width - labelWidth - textWidth - 12;
    const max = Math.max(1, ...bars.map((b) => b.value));
    for (const bar of bars) {
      this.ensure(16);
      const y = this.doc.y;
      this.doc.font('Helvetica').fontSize(9).fillColor(INK).text(bar.label, this.left, y + 2, { width: labelWidth - 6, height: 12, ellipsis: true, lineBreak: false });
      const length = (bar.value / max) * area;
      if (length > 0) this.doc.rect(this.left + labelWidth, y + 1, Math.max(length, 1), 11).fill(BAR);
      this.doc.fillColor(MUTED).text(bar.text, this.left + labelWidth + area + 8, y + 2, { width: textWidth, lineBreak: false });
      this.doc.fillColor(INK);
      this.doc.x = this.left;
      this.doc.y = y + 16;
    }
  }

  /** Vertical bars (hours of a shift, months of a period), labelled underneath. */
  columnChart(columns: readonly { label: string; value: number }[], height = 130): void {
    this.ensure(height + 40);
    const top = this.doc.y;
    const max = Math.max(1, ...columns.map((c) => c.value));
    const slot = this.width / Math.max(1, columns.length);
    const barWidth = Math.max(2, slot * 0.7);
    this.doc.moveTo(this.left, top + height).lineTo(this.left + this.width, top + height).lineWidth(0.5).stroke(RULE);
    columns.forEach((column, i) => {
      const x = this.left + i * slot + (slot - barWidth) / 2;
      const barHeight = (column.value / max) * (height - 14);
      if (barHeight > 0) this.doc.rect(x, top + height - barHeight, barWidth, barHeight).fill(BAR);
      this.doc.font('Helvetica').fontSize(7).fillColor(MUTED);
      this.doc.text(column.value.toLocaleString('en-CA'), x - 6, top + height - barHeight - 10, { width: barWidth + 12, align: 'center', lineBreak: false });
      this.doc.text(column.label, x - 8, top + height + 3, { width: barWidth + 16, align: 'center', lineBreak: false });
    });
    this.doc.fillColor(INK);
    this.doc.x = this.left;
    this.doc.y = top + height + 18;
  }

  table(columns: readonly Column[], rows: readonly string[][]): void {
    const line = (cells: readonly string[], bold: boolean) => {
      this.ensure(15);
      const y = this.doc.y;
      let x = this.left;
      this.doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8.5).fillColor(INK);
      cells.forEach((cell, i) => {
        const column = columns[i]!;
        this.doc.text(cell, x + 2, y + 2, { width: column.width - 4, align: column.align ?? 'left', lineBreak: false, ellipsis: true });
        x += column.width;
      });
      this.doc.moveTo(this.left, y + 14).lineTo(x, y + 14).lineWidth(0.4).stroke(RULE);
      this.doc.x = this.left;
      this.doc.y = y + 15;
    };
    line(columns.map((c) => c.header), true);
    for (const row of rows) line(row, false);
  }

  note(text: string): void {
    this.ensure(14);
    this.doc.font('Helvetica').fontSize(8).fillColor(MUTED).text(text, this.left, this.doc.y + 2, { width: this.width });
    this.doc.fillColor(INK);
  }

  /** Writes "Page n of m" on every page and returns the finished file. */
  finish(): Promise<Buffer> {
    const chunks: Buffer[] = [];
    const done = new Promise<Buffer>((resolve, reject) => {
      this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
    });
    const { start, count } = this.doc.bufferedPageRange();
    for (let i = start; i < start + count; i++) {
      this.doc.switchToPage(i);
      const margins = this.doc.page.margins;
      const bottom = margins.bottom;
      // Text below the bottom margin would start another page: lift the margin while writing the footer.
      margins.bottom = 0;
      this.doc.font('Helvetica').fontSize(8).fillColor(MUTED).text(`Page ${i - start + 1} of ${count}`, margins.left, this.doc.page.height - bottom / 2 - 4, {
        width: this.width,
        align: 'center',
        lineBreak: false,
      });
      margins.bottom = bottom;
    }
    this.doc.end();
    return done;
  }
}
