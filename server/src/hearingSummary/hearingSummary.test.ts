import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HearingResponseView } from '@fellesplan/domain';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  command,
  publishHearing,
  rawRequest,
  respondToHearing,
  TestClock,
  useFixture,
  type FixturePlan,
  type PublishedHearing,
  type SubmittedHearingResponse,
} from '../testing/index.js';
import { paragraphsOf } from '../testing/planDocx.js';
import { csvCell, REMARK_CSV_COLUMNS } from './remarksCsv.js';

const clock = new TestClock();
const f = useFixture({ clock: clock.now });

/** Real høringsuttalelser (domain sources 000, 002, 004), kept beside the tests. */
const STATEMENTS = path.resolve(fileURLToPath(import.meta.url), '../../testing/fixtures/sources');
const STATEMENT_FILES = /^(000|002|004)_.*\.txt$/;
const RESPONDENTS = [
  { name: 'Ingrid Fastlege', organisation: 'Allmennmedisinsk forskningsenhet', email: 'post@amfe.example.no' },
  { name: 'Bergen kommune', organisation: 'Bergen kommune, Byrådsavdeling for helse', email: 'post@bergen.example.no' },
  { name: 'Kari Salten', organisation: 'Kommunene i Lofoten, Vesterålen og Salten', email: 'post@salten.example.no' },
];

interface SentRemark {
  sectionId: string;
  quote: string | null;
  text: string;
  proposedText: string | null;
}

/** Each statement: its first paragraph as the general statement, every other paragraph a remark. */
function statementResponses(plan: FixturePlan) {
  const files = readdirSync(STATEMENTS)
    .filter((name) => STATEMENT_FILES.test(name))
    .sort();
  expect(files).toHaveLength(3);
  let next = 0;
  return files.map((file, index) => {
    const [statement = '', ...paragraphs] = paragraphsOf(readFileSync(path.join(STATEMENTS, file), 'utf8'));
    const remarks: SentRemark[] = paragraphs.map((text, i) => {
      // Round-robin over the plan's sections, so every part of the summary gets remarks.
      const section = plan.sections[next++ % plan.sections.length];
      return {
        sectionId: section?.id ?? '',
        quote: i % 4 === 0 ? 'Utkast til' : null,
        text,
        proposedText: i % 3 === 0 ? `Ny tekst: ${text.slice(0, 80)}` : null,
      };
    });
    return { respondent: RESPONDENTS[index], statement, remarks };
  });
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

async function docxText(hearingId: string, query = ''): Promise<{ status: number; text: string; type: string }> {
  const res = await rawRequest(f.url, `/api/hearings/${hearingId}/summary.docx${query}`, {
    headers: { authorization: `Bearer ${f.token('bruker')}` },
  });
  if (res.status !== 200) return { status: res.status, text: '', type: '' };
  const { value } = await mammoth.extractRawText({ buffer: res.bytes });
  return { status: res.status, text: oneLine(value), type: String(res.headers['content-type']) };
}

/** A `;`-separated CSV as Excel reads it: quoted cells may hold `;`, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += c;
  }
  return rows;
}

describe('høringsoppsummering', () => {
  let plan: FixturePlan;
  let hearing: PublishedHearing;
  let sent: ReturnType<typeof statementResponses>;
  let submitted: SubmittedHearingResponse[];
  let members: HearingResponseView[];

  beforeAll(async () => {
    plan = await f.plan();
    hearing = await publishHearing(f, clock, plan, { title: 'Høring om felles utviklingsplan' });
    sent = statementResponses(plan);
    submitted = [];
    for (const body of sent) {
      const res = await respondToHearing(f.url, hearing.publicToken, body);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      submitted.push(res.body as unknown as SubmittedHearingResponse);
    }
    const listed = await api<HearingResponseView[]>(f.url, `/api/hearings/${hearing.id}/responses`, {
      token: f.token('sekretariat'),
    });
    members = listed.body;
    // The sekretariat assesses the first remark of each response.
    for (const response of members) {
      const remark = response.remarks[0];
      const res = await command(f.url, f.token('sekretariat'), 'remarks.assess', {
        remarkId: remark?.id,
        assessment: 'delvis_tatt_til_folge',
        justification: `Vurdert for ${response.reference}: tas delvis inn i kapittelet.`,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
  });

  it('[SUM1] the DOCX names every respondent and holds every remark (text, quote, proposed wording, assessment) and statement, read back with a DOCX reader', async () => {
    const { status, text, type } = await docxText(hearing.id);
    expect(status).toBe(200);
    expect(type).toContain('wordprocessingml');
    expect(text).toContain('Høringsoppsummering: Høring om felles utviklingsplan');
    expect(text).toContain('Høringsfrist');
    let remarks = 0;
    for (const [index, body] of sent.entries()) {
      expect(text).toContain(body.respondent?.organisation);
      expect(text).toContain(submitted[index]?.reference);
      expect(text).toContain(oneLine(body.statement));
      for (const remark of body.remarks) {
        expect(text).toContain(oneLine(remark.text));
        if (remark.proposedText) expect(text).toContain(oneLine(remark.proposedText));
        remarks += 1;
      }
    }
    expect(remarks).toBeGreaterThan(30);
    expect(text).toContain(`${sent.length} høringsuttalelser med ${remarks} innspill, 3 av ${remarks} vurdert`);
    expect(text).toContain('Vurdering: Delvis tatt til følge');
    expect(text).toContain(`Vurdert for ${submitted[0]?.reference}: tas delvis inn i kapittelet.`);
    expect(text).toContain('Vurdering: Ikke vurdert');
    // Grouped by section in plan order: each section's heading, numbered, in turn.
    const positions = plan.sections.map((s, i) => text.indexOf(`${i + 1} ${s.title}`));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('[SUM2] a withheld response is in the internal summary, marked, and gone from ?public=1; a redacted one reads as the public reads it', async () => {
    const [fastlege, bergen] = members;
    const withhold = await command(f.url, f.token('sekretariat'), 'responses.withhold', {
      responseId: bergen?.id,
      reason: 'Inneholder helseopplysninger',
    });
    expect(withhold.status).toBe(200);
    const redactedRemark = fastlege?.remarks[1];
    const redact = await command(f.url, f.token('sekretariat'), 'responses.redact', {
      responseId: fastlege?.id,
      reason: 'Navn på pasient',
      statement: 'Uttalelsen er sladdet.',
      remarks: [{ remarkId: redactedRemark?.id, text: 'Innspillet er [sladdet].', proposedText: null }],
    });
    expect(redact.status, JSON.stringify(redact.body)).toBe(200);

    const internal = (await docxText(hearing.id)).text;
    expect(internal).toContain('Unntatt offentlighet');
    for (const remark of bergen?.remarks ?? []) expect(internal).toContain(oneLine(remark.text));
    expect(internal).toContain(oneLine(redactedRemark?.text ?? ''));

    const published = (await docxText(hearing.id, '?public=1')).text;
    expect(published).toContain('Offentlig versjon');
    expect(published).not.toContain('Bergen kommune');
    for (const remark of bergen?.remarks ?? []) {
      if (remark.text.length > 40) expect(published).not.toContain(oneLine(remark.text));
    }
    expect(published).toContain('Innspillet er [sladdet].');
    expect(published).not.toContain(oneLine(redactedRemark?.text ?? ''));
    expect(published).toContain('Uttalelsen er sladdet.');
    expect(published).not.toContain(oneLine(sent[0]?.statement ?? ''));
    const csv = await rawRequest(f.url, `/api/hearings/${hearing.id}/remarks.csv`, {
      headers: { authorization: `Bearer ${f.token('kommune')}` },
    });
    const withheldRows = parseCsv(csv.bytes.toString('utf8').slice(1)).filter((r) => r[13] === 'Unntatt offentlighet');
    expect(withheldRows).toHaveLength(bergen?.remarks.length ?? -1);
    // The third respondent is untouched.
    for (const remark of sent[2]?.remarks ?? []) expect(published).toContain(oneLine(remark.text));
  });

  it('[SUM3] the CSV has one row per remark with every column, UTF-8 with BOM and ; so Norwegian Excel opens it', async () => {
    const res = await rawRequest(f.url, `/api/hearings/${hearing.id}/remarks.csv`, {
      headers: { authorization: `Bearer ${f.token('kommune')}` },
    });
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('text/csv');
    expect([...res.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(res.bytes.toString('utf8').slice(1));
    expect(header).toEqual([...REMARK_CSV_COLUMNS]);
    expect(header?.slice(4, 10)).toEqual([
      'Seksjon nr.',
      'Seksjon',
      'Sitat',
      'Innspill',
      'Forslag til ny tekst',
      'Vurdering',
    ]);
    const all = sent.flatMap((s) => s.remarks);
    expect(rows).toHaveLength(all.length);
    const texts = new Set(rows.map((r) => r[7]));
    for (const remark of all) {
      // A remark starting like a formula is prefixed; nothing else changes.
      expect(texts.has(/^[=+\-@]/.test(remark.text) ? `'${remark.text}` : remark.text), remark.text).toBe(true);
    }
    const assessed = rows.filter((r) => r[9] === 'Delvis tatt til følge');
    expect(assessed).toHaveLength(3);
    expect(assessed[0]?.[11]).toContain('Sekretariat');
    const section = plan.sections[0];
    expect(rows.some((r) => r[4] === '1' && r[5] === section?.title)).toBe(true);
  });

  it("[SUM4] cells a spreadsheet would run as a formula are prefixed with '", async () => {
    expect(['=1+1', '+47 900', '-2', '@SUM(A1)', '\t=1', 'Vanlig tekst'].map(csvCell)).toEqual([
      "'=1+1",
      "'+47 900",
      "'-2",
      "'@SUM(A1)",
      "'\t=1",
      'Vanlig tekst',
    ]);
    expect(csvCell('A; "B"\nC')).toBe('"A; ""B""\nC"');
    // A hearing of its own: the tests of this file run in any order.
    const own = await f.plan();
    const attacked = await publishHearing(f, clock, own);
    const attack = await respondToHearing(f.url, attacked.publicToken, {
      respondent: { name: '=HYPERLINK("http://angriper.example")', organisation: '@evil', email: 'x@example.no' },
      remarks: [{ sectionId: own.sections[0]?.id, text: "=cmd|' /C calc'!A0", proposedText: '+1' }],
    });
    expect(attack.status, JSON.stringify(attack.body)).toBe(200);
    const res = await rawRequest(f.url, `/api/hearings/${attacked.id}/remarks.csv`, {
      headers: { authorization: `Bearer ${f.token('kommune')}` },
    });
    const row = parseCsv(res.bytes.toString('utf8').slice(1)).find((r) => r[1]?.includes('HYPERLINK'));
    expect(row?.slice(1, 3)).toEqual(['\'=HYPERLINK("http://angriper.example")', "'@evil"]);
    expect(row?.[7]).toBe("'=cmd|' /C calc'!A0");
    expect(row?.[8]).toBe("'+1");
  });

  it('[SUM5] only members of the plan download the summary and the spreadsheet; to others the hearing does not exist', async () => {
    for (const file of ['summary.docx', 'remarks.csv', 'summary.docx?public=1']) {
      const url = `/api/hearings/${hearing.id}/${file}`;
      expect((await api(f.url, url, { token: f.other.token('kommune') })).status, file).toBe(404);
      expect((await api(f.url, url)).status, file).toBe(401);
      expect((await api(f.url, `/api/hearings/nope/${file}`, { token: f.token('kommune') })).status).toBe(404);
    }
    expect(
      (await api(f.url, `/api/hearings/${hearing.id}/summary.docx?public=yes`, { token: f.token('kommune') })).status,
    ).toBe(400);
  });
});
