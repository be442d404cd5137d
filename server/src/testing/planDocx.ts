import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  Document,
  ExternalHyperlink,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import mammoth from 'mammoth';

/**
 * The public Norwegian documents of the domain brief (`../shared/domain/sources`), copied into the
 * repository so a clone tests without what lies beside it.
 */
const SOURCES = path.resolve(fileURLToPath(import.meta.url), '../fixtures/sources');

const TITLES = [
  'Høringsuttalelse fra allmennmedisinsk forskningsenhet',
  'Bakgrunn for plikten til felles planlegging',
  'Bergen kommunes høringsuttalelse',
  'Organisering av Helsefellesskap Innlandet',
  'Finansiering og felles sekretariat',
];

export interface SourceSection {
  title: string;
  paragraphs: string[];
}

/** Each source text as a section: a title and its paragraphs (the PDF's line breaks joined). */
export function sourceSections(): SourceSection[] {
  const files = readdirSync(SOURCES)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  return files.map((file, index) => ({
    title: TITLES[index] ?? `Kilde ${index + 1}`,
    paragraphs: paragraphsOf(readFileSync(path.join(SOURCES, file), 'utf8')),
  }));
}

/** A source text's paragraphs: blank lines part them, the PDF's line breaks inside one are joined. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 0);
}

export interface PlanDocxOptions {
  /** A paragraph before the first heading. */
  introduction?: string;
  /** A picture in the first section (imports drop it with a warning). */
  image?: boolean;
  /** More text in the first section, e.g. markup that must stay text. */
  extraParagraph?: string;
  /** Sections instead of the source texts. */
  sections?: SourceSection[];
}

/** A 1×1 PNG. */
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * A Word file like the plans users bring: level-1 headings over the source texts, with bold and
 * italic text, a link, a nested bullet list, a numbered list and a table in the first section.
 */
export async function buildPlanDocx(options: PlanDocxOptions = {}): Promise<Buffer> {
  const sections = options.sections ?? sourceSections();
  const children: (Paragraph | Table)[] = [];
  if (options.introduction) children.push(new Paragraph(options.introduction));
  for (const [index, section] of sections.entries()) {
    children.push(new Paragraph({ text: section.title, heading: HeadingLevel.HEADING_1 }));
    const [first, ...rest] = section.paragraphs;
    if (index === 0) {
      children.push(
        new Paragraph({
          children: [
            new TextRun({ text: 'Viktig: ', bold: true }),
            new TextRun({ text: 'alle parter skal høres', italics: true }),
            new TextRun(' – se '),
            new ExternalHyperlink({ link: 'https://www.regjeringen.no/', children: [new TextRun('regjeringen.no')] }),
            new TextRun('.'),
          ],
        }),
        new Paragraph({ text: 'Kommunene', numbering: { reference: 'bullets', level: 0 } }),
        new Paragraph({ text: 'Helseregion Hadeland', numbering: { reference: 'bullets', level: 1 } }),
        new Paragraph({ text: 'Helseforetaket', numbering: { reference: 'bullets', level: 0 } }),
        new Paragraph({ text: 'Kartlegge behov', numbering: { reference: 'numbers', level: 0 } }),
        new Paragraph({ text: 'Vedta tiltak', numbering: { reference: 'numbers', level: 0 } }),
        new Table({
          rows: [
            row(['Forum', 'Møter per år']),
            row(['Partnerskapsmøte', '1']),
            row(['Strategisk samarbeidsutvalg', '4']),
          ],
        }),
      );
      if (options.image) {
        children.push(
          new Paragraph({
            children: [new ImageRun({ type: 'png', data: PIXEL, transformation: { width: 10, height: 10 } })],
          }),
        );
      }
      if (options.extraParagraph) children.push(new Paragraph(options.extraParagraph));
    }
    for (const text of first ? [first, ...rest] : []) children.push(new Paragraph(text));
  }
  const document = new Document({
    numbering: {
      config: [
        {
          reference: 'bullets',
          levels: [0, 1].map((level) => ({ level, format: LevelFormat.BULLET, text: '•' })),
        },
        { reference: 'numbers', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.' }] },
      ],
    },
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}

function row(cells: string[]): TableRow {
  return new TableRow({ children: cells.map((text) => new TableCell({ children: [new Paragraph(text)] })) });
}

/** A Word file as a reader sees it (mammoth): its HTML, and its text with whitespace collapsed. */
export async function readDocx(file: Buffer): Promise<{ html: string; text: string }> {
  const html = (await mammoth.convertToHtml({ buffer: file })).value;
  const text = (await mammoth.extractRawText({ buffer: file })).value.replace(/\s+/g, ' ');
  return { html, text };
}
