import { ASSESSMENT_LABELS, NOT_ASSESSED_LABEL, VISIBILITY_LABELS } from '@fellesplan/domain';
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { osloDateTime } from './osloTime.js';
import type { HearingSummaryDocument, SummaryRemark, SummaryRespondent } from './summaryDocument.js';

const WITHHELD = VISIBILITY_LABELS.nb.withheld;

/** Plain text as Word paragraphs: each line its own, so a statement keeps its paragraphs. */
function textParagraphs(text: string, options: { italics?: boolean; prefix?: string } = {}): Paragraph[] {
  const lines = text.split(/\r?\n/).filter((line, i, all) => line.trim() !== '' || (i > 0 && i < all.length - 1));
  return (lines.length > 0 ? lines : ['']).map(
    (line, index) =>
      new Paragraph({
        children: [
          ...(index === 0 && options.prefix ? [new TextRun({ text: options.prefix, bold: true })] : []),
          new TextRun({ text: line, italics: options.italics }),
        ],
      }),
  );
}

function labelled(label: string, value: string): Paragraph {
  return new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] });
}

function who(r: Pick<SummaryRespondent, 'name' | 'organisation' | 'party'>): string {
  const by = r.organisation ? `${r.name}, ${r.organisation}` : r.name;
  return r.party ? `${by} (for ${r.party})` : by;
}

function factLines(doc: HearingSummaryDocument): Paragraph[] {
  const lines = [
    labelled('Plan', doc.planTitle),
    labelled('Høringsutkast', doc.versionName),
    labelled('Sendt på høring', osloDateTime(doc.publishedAt)),
  ];
  if (doc.extensions.length > 0) {
    lines.push(labelled('Opprinnelig høringsfrist', osloDateTime(doc.originalDeadline)));
    for (const e of doc.extensions) {
      lines.push(labelled(`Fristen forlenget til ${osloDateTime(e.to)}`, e.reason));
    }
  }
  lines.push(labelled('Høringsfrist', osloDateTime(doc.deadline)));
  if (doc.closedAt) lines.push(labelled('Høringen ble avsluttet', osloDateTime(doc.closedAt)));
  lines.push(
    labelled(
      'Innspill',
      `${doc.counts.responses} høringsuttalelser med ${doc.counts.remarks} innspill, ${doc.counts.assessed} av ${doc.counts.remarks} vurdert`,
    ),
    labelled('Laget', osloDateTime(doc.generatedAt)),
    new Paragraph({
      children: [
        new TextRun({
          italics: true,
          text: doc.public
            ? 'Offentlig versjon: uttalelser unntatt offentlighet er utelatt, og sladdet tekst er vist slik allmennheten ser den.'
            : `Intern versjon: inneholder uttalelser som er unntatt offentlighet (merket «${WITHHELD}»). Del den ikke utenfor helsefellesskapet.`,
        }),
      ],
    }),
  );
  return lines;
}

function cell(text: string, header = false): TableCell {
  return new TableCell({
    ...(header ? { shading: { type: ShadingType.CLEAR, fill: 'E7E6E6' } } : {}),
    children: [new Paragraph({ children: [new TextRun({ text, bold: header })] })],
  });
}

function respondentTable(doc: HearingSummaryDocument): Table | Paragraph {
  if (doc.respondents.length === 0) return new Paragraph('Ingen høringsuttalelser kom inn.');
  const head = ['Ref.', 'Navn', 'Organisasjon', 'Part', 'Mottatt', ...(doc.public ? [] : ['Offentlighet'])];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: head.map((h) => cell(h, true)) }),
      ...doc.respondents.map(
        (r) =>
          new TableRow({
            children: [
              r.reference,
              r.name,
              r.organisation ?? '',
              r.party ?? '',
              osloDateTime(r.at),
              ...(doc.public ? [] : [VISIBILITY_LABELS.nb[r.visibility]]),
            ].map((text) => cell(text)),
          }),
      ),
    ],
  });
}

function remarkBlocks(remark: SummaryRemark, isPublic: boolean): Paragraph[] {
  const heading = [remark.reference, who({ ...remark, name: remark.respondent })];
  const blocks = [
    new Paragraph({
      heading: HeadingLevel.HEADING_3,
      children: [
        new TextRun(heading.join(' – ')),
        ...(!isPublic && remark.visibility === 'withheld'
          ? [new TextRun({ text: ` [${WITHHELD}]`, color: 'A00000' })]
          : []),
      ],
    }),
  ];
  if (remark.quote) blocks.push(...textParagraphs(`«${remark.quote}»`, { italics: true, prefix: 'Sitat: ' }));
  blocks.push(...textParagraphs(remark.text, { prefix: 'Innspill: ' }));
  if (remark.proposedText) blocks.push(...textParagraphs(remark.proposedText, { prefix: 'Forslag til ny tekst: ' }));
  blocks.push(
    labelled('Vurdering', remark.assessment ? ASSESSMENT_LABELS.nb[remark.assessment] : NOT_ASSESSED_LABEL.nb),
  );
  if (remark.justification) blocks.push(...textParagraphs(remark.justification, { prefix: 'Begrunnelse: ' }));
  if (remark.assessedBy && remark.assessedAt) {
    blocks.push(
      new Paragraph({
        children: [
          new TextRun({
            text: `Vurdert av ${remark.assessedBy} ${osloDateTime(remark.assessedAt)}`,
            italics: true,
            color: '555555',
          }),
        ],
      }),
    );
  }
  return blocks;
}

/** The høringsoppsummering as a Word document, in bokmål. */
export function summaryDocx(doc: HearingSummaryDocument): Document {
  const body: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, text: `Høringsoppsummering: ${doc.title}` }),
    ...factLines(doc),
    new Paragraph({ heading: HeadingLevel.HEADING_1, text: 'Høringsinstanser' }),
    respondentTable(doc),
    new Paragraph({ heading: HeadingLevel.HEADING_1, text: 'Innspill til seksjonene' }),
  ];
  for (const section of doc.sections) {
    body.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_2,
        text: [section.number, section.title].filter(Boolean).join(' '),
      }),
    );
    if (section.remarks.length === 0) {
      body.push(new Paragraph({ children: [new TextRun({ text: 'Ingen innspill.', italics: true })] }));
    }
    for (const remark of section.remarks) body.push(...remarkBlocks(remark, doc.public));
  }
  body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, text: 'Generelle merknader' }));
  const statements = doc.respondents.filter((r) => r.statement?.trim());
  if (statements.length === 0) body.push(new Paragraph({ children: [new TextRun({ text: 'Ingen.', italics: true })] }));
  for (const r of statements) {
    body.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_3,
        children: [
          new TextRun(`${r.reference} – ${who(r)}`),
          ...(!doc.public && r.visibility === 'withheld'
            ? [new TextRun({ text: ` [${WITHHELD}]`, color: 'A00000' })]
            : []),
        ],
      }),
      ...textParagraphs(r.statement ?? ''),
    );
  }
  return new Document({
    title: `Høringsoppsummering: ${doc.title}`,
    creator: 'Fellesplan',
    sections: [
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

export function packSummaryDocx(doc: HearingSummaryDocument): Promise<Buffer> {
  return Packer.toBuffer(summaryDocx(doc));
}
