import type { TiptapJSON } from '@fellesplan/editor';
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { consensusLine } from './consensusLine.js';
import { titlePageLines } from './titlePageLines.js';
import type { ExportDocument } from './exportDocument.js';

type Block = Paragraph | Table;

const LIST_LEVELS = 9;
const INDENT_PER_LEVEL = 360;

/** Where a block sits: in which list (and how deep), or indented under a quote. */
interface BlockPlace {
  list?: { reference: 'bullet' | 'ordered'; level: number; instance: number };
  /** The list item's own paragraph takes the number; the ones after it only the indent. */
  continuation?: boolean;
  quoteDepth: number;
}

/** Walks one export; counts list instances so every ordered list starts at 1 again. */
class DocxWriter {
  private listInstances = 0;

  blocks(nodes: readonly TiptapJSON[] | undefined, place: BlockPlace): Block[] {
    return (nodes ?? []).flatMap((node) => this.block(node, place));
  }

  private block(node: TiptapJSON, place: BlockPlace): Block[] {
    switch (node.type) {
      case 'paragraph':
        return [this.paragraph(node, place)];
      case 'heading': {
        const level = Number(node.attrs?.level ?? 2);
        const heading =
          level <= 2 ? HeadingLevel.HEADING_2 : level === 3 ? HeadingLevel.HEADING_3 : HeadingLevel.HEADING_4;
        return [new Paragraph({ heading, children: inlines(node.content) })];
      }
      case 'blockquote':
        return this.blocks(node.content, { ...place, quoteDepth: place.quoteDepth + 1 });
      case 'bulletList':
      case 'orderedList':
        return this.list(node, place);
      case 'codeBlock':
        return [
          new Paragraph({
            indent: indentOf(place),
            children: (node.content ?? [])
              .map((t) => t.text ?? '')
              .join('')
              .split('\n')
              .map((line, i) => new TextRun({ text: line, font: 'Courier New', break: i > 0 ? 1 : undefined })),
          }),
        ];
      case 'horizontalRule':
        return [
          new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '999999', space: 1 } } }),
        ];
      case 'table':
        return [this.table(node)];
      default:
        // The schema has nothing else; a future node still keeps its text.
        return node.content ? this.blocks(node.content, place) : [];
    }
  }

  private paragraph(node: TiptapJSON, place: BlockPlace): Paragraph {
    const numbered = place.list && !place.continuation;
    return new Paragraph({
      children: inlines(node.content),
      ...(numbered && place.list ? { numbering: place.list } : { indent: indentOf(place) }),
    });
  }

  private list(node: TiptapJSON, place: BlockPlace): Block[] {
    const reference = node.type === 'orderedList' ? 'ordered' : 'bullet';
    const level = place.list ? Math.min(place.list.level + 1, LIST_LEVELS - 1) : 0;
    const instance = ++this.listInstances;
    return (node.content ?? []).flatMap((item) =>
      (item.content ?? []).flatMap((child, index) =>
        this.block(child, { ...place, list: { reference, level, instance }, continuation: index > 0 }),
      ),
    );
  }

  private table(node: TiptapJSON): Table {
    return new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: (node.content ?? []).map(
        (row) =>
          new TableRow({
            children: (row.content ?? []).map((cell) => {
              const blocks = this.blocks(cell.content, { quoteDepth: 0 });
              return new TableCell({
                columnSpan: Number(cell.attrs?.colspan ?? 1),
                rowSpan: Number(cell.attrs?.rowspan ?? 1),
                ...(cell.type === 'tableHeader' ? { shading: { type: ShadingType.CLEAR, fill: 'E7E6E6' } } : {}),
                // A cell must hold at least one paragraph for Word to open the file.
                children: blocks.length > 0 ? blocks : [new Paragraph('')],
              });
            }),
          }),
      ),
    });
  }
}

function indentOf(place: BlockPlace): { left: number } | undefined {
  const depth = place.quoteDepth + (place.list ? place.list.level + 1 : 0);
  return depth > 0 ? { left: depth * INDENT_PER_LEVEL * 2 } : undefined;
}

function inlines(nodes: readonly TiptapJSON[] | undefined): ParagraphChild[] {
  return (nodes ?? []).map((node): ParagraphChild => {
    if (node.type === 'hardBreak') return new TextRun({ text: '', break: 1 });
    const marks = new Set((node.marks ?? []).map((m) => m.type));
    const link = node.marks?.find((m) => m.type === 'link')?.attrs?.href;
    const run = new TextRun({
      text: node.text ?? '',
      bold: marks.has('bold'),
      italics: marks.has('italic'),
      strike: marks.has('strike'),
      ...(marks.has('underline') ? { underline: {} } : {}),
      ...(marks.has('code') ? { font: 'Courier New' } : {}),
      ...(typeof link === 'string' ? { style: 'Hyperlink' } : {}),
    });
    return typeof link === 'string' ? new ExternalHyperlink({ link, children: [run] }) : run;
  });
}

function titlePage(doc: ExportDocument): Paragraph[] {
  return [
    new Paragraph({ heading: HeadingLevel.TITLE, spacing: { before: 2400, after: 480 }, text: doc.title }),
    ...titlePageLines(doc).map((text) => new Paragraph({ text, spacing: { after: 120 } })),
  ];
}

function listLevels(format: 'bullet' | 'ordered') {
  return Array.from({ length: LIST_LEVELS }, (_, level) => ({
    level,
    format: format === 'bullet' ? LevelFormat.BULLET : LevelFormat.DECIMAL,
    text: format === 'bullet' ? ['•', '◦', '▪'][level % 3] : `%${level + 1}.`,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: (level + 1) * INDENT_PER_LEVEL * 2, hanging: INDENT_PER_LEVEL } } },
  }));
}

/** The plan as a Word document: title page, a table of contents Word fills, numbered sections. */
export function docxFromDocument(doc: ExportDocument): Document {
  const writer = new DocxWriter();
  const body: (Block | TableOfContents)[] = [
    new TableOfContents('Innhold', { hyperlink: true, headingStyleRange: '1-1' }),
  ];
  for (const [index, section] of doc.sections.entries()) {
    body.push(
      new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, text: `${index + 1} ${section.title}` }),
      new Paragraph({ children: [new TextRun({ text: consensusLine(section), italics: true, color: '555555' })] }),
    );
    const blocks = section.json ? writer.blocks(section.json.content, { quoteDepth: 0 }) : [];
    body.push(
      ...(blocks.length > 0
        ? blocks
        : [new Paragraph({ children: [new TextRun({ text: '(Ingen tekst)', italics: true })] })]),
    );
  }
  return new Document({
    title: doc.title,
    creator: 'Fellesplan',
    features: { updateFields: true },
    numbering: {
      config: [
        { reference: 'bullet', levels: listLevels('bullet') },
        { reference: 'ordered', levels: listLevels('ordered') },
      ],
    },
    sections: [
      { children: titlePage(doc) },
      {
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['Side ', PageNumber.CURRENT, ' av ', PageNumber.TOTAL_PAGES] })],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
}

/** The packed .docx file. */
export function packDocx(doc: ExportDocument): Promise<Buffer> {
  return Packer.toBuffer(docxFromDocument(doc));
}
