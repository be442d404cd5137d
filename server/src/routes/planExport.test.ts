import { execFile } from 'node:child_process';
import type { PlanView } from '@fellesplan/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, command, useFixture } from '../testing/index.js';
import { buildPlanDocx, readDocx, sourceSections } from '../testing/planDocx.js';
import { uploadDocx } from '../testing/uploadDocx.js';

const f = useFixture();
const admin = () => f.token('sekretariat');
const TITLE = 'Utviklingsplan 2027–2030 for Hadeland';
let plan: PlanView;

async function download(path: string, token: string | null = f.token('kommune')) {
  const response = await fetch(`${f.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
}

/** Text as a reader of the file sees it, whitespace collapsed. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

beforeAll(async () => {
  const imported = await uploadDocx(f.url, await buildPlanDocx({ extraParagraph: '<script>alert(1)</script>' }), {
    token: admin(),
    fields: {
      title: TITLE,
      forum: 'ssu',
      period: '2027–2030',
      partyIds: [f.party('kommune'), f.party('helseforetak'), f.party('fastlege'), f.party('sekretariat')],
      ownerIds: [f.party('kommune')],
    },
  });
  expect(imported.status, JSON.stringify(imported.body)).toBe(200);
  plan = (await api<PlanView>(f.url, `/api/plans/${String(imported.body.id)}`, { token: admin() })).body;
  const first = plan.sections[0]?.id;
  expect(
    (await command(f.url, f.token('kommune'), 'sections.mark', { sectionId: first, stance: 'agree' })).status,
  ).toBe(200);
  const hf = await command(f.url, f.token('hf'), 'sections.mark', {
    sectionId: first,
    stance: 'reservation',
    note: 'forbehold om politisk behandling',
  });
  expect(hf.status).toBe(200);
});

describe('GET /api/plans/:planId/export.docx', () => {
  it('round trip: the Word file has the title page, numbered headings, every text and the consensus line', async () => {
    const res = await download(`/api/plans/${plan.id}/export.docx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('wordprocessingml');
    const disposition = res.headers.get('content-disposition') ?? '';
    expect(disposition).toContain('attachment; filename=Utviklingsplan-2027-2030-for-Hadeland.docx;');
    expect(disposition).toContain("filename*=UTF-8''Utviklingsplan-2027%E2%80%932030-for-Hadeland.docx");

    const { html, text } = await readDocx(res.body);
    expect(text).toContain(TITLE);
    expect(text).toContain('Strategisk samarbeidsutvalg (SSU)');
    expect(text).toMatch(
      /\d{1,2}\. (januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember) \d{4}/,
    );
    for (const [index, section] of sourceSections().entries()) {
      // Word's table of contents links to a bookmark on each heading.
      expect(html).toMatch(new RegExp(`<h1>(<a id="_Toc\\d+"></a>)?${index + 1} ${section.title}</h1>`));
      for (const paragraph of section.paragraphs) expect(text).toContain(flat(paragraph));
    }
    expect(text).toContain('Enig: Demo kommune · Enig med forbehold: Demo HF (forbehold om politisk behandling)');
    expect(text).toContain('Venter på: Fastlegene');
    expect(html).toContain('<strong>Viktig: </strong>');
    expect(html).toContain('<a href="https://www.regjeringen.no/">regjeringen.no</a>');
    expect(html).toMatch(/<table>.*Partnerskapsmøte.*<\/table>/s);
    expect(html).toMatch(/<ul><li>Kommunene<ul><li>Helseregion Hadeland/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('only for readers of the plan: 401 without a session, 404 for another helsefellesskap; a version that does not exist is 404', async () => {
    expect((await download(`/api/plans/${plan.id}/export.docx`, null)).status).toBe(401);
    expect((await download(`/api/plans/${plan.id}/export.pdf`, f.other.token('kommune'))).status).toBe(404);
    expect((await download(`/api/plans/${plan.id}/export.docx`, f.other.token('kommune'))).status).toBe(404);
    // Brukerrådet takes no part in this plan.
    expect((await download(`/api/plans/${plan.id}/export.docx`, f.token('bruker'))).status).toBe(404);
    const version = await api<{ error: { code: string } }>(
      f.url,
      `/api/plans/${plan.id}/export.docx?version=${f.demo.plan.id}`,
      { token: f.token('kommune') },
    );
    expect([version.status, version.body.error.code]).toEqual([404, 'version_not_found']);
  });
});

describe('GET /api/plans/:planId/export.docx?version=', () => {
  it('exports a saved version as it was, named on the title page; a version of another plan is 404', async () => {
    const created = await command(f.url, admin(), 'versions.create', {
      planId: plan.id,
      name: 'Til styremøtet 12.03.2027',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const versionId = String(created.body.id);
    const res = await download(`/api/plans/${plan.id}/export.docx?version=${versionId}`);
    expect(res.status).toBe(200);
    const { text } = await readDocx(res.body);
    expect(text).toContain('Versjon: Til styremøtet 12.03.2027');
    expect(text).toContain(`1 ${sourceSections()[0]?.title}`);
    expect(text).toContain('Enig: Demo kommune');

    const elsewhere = await api<{ error: { code: string } }>(
      f.url,
      `/api/plans/${f.demo.plan.id}/export.docx?version=${versionId}`,
      { token: f.token('kommune') },
    );
    expect([elsewhere.status, elsewhere.body.error.code]).toEqual([404, 'version_not_found']);
  });
});

describe('GET /api/plans/:planId/export.pdf', () => {
  it('round trip: the PDF text has the headings, the texts and the consensus line; markup stays text', async () => {
    const res = await download(`/api/plans/${plan.id}/export.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const text = flat(await pdfToText(res.body));
    expect(text).toContain(TITLE);
    for (const [index, section] of sourceSections().entries()) {
      expect(text).toContain(`${index + 1} ${section.title}`);
      expect(text).toContain(flat(section.paragraphs[0] ?? '').slice(0, 60));
    }
    expect(text).toContain('Enig: Demo kommune');
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toMatch(/Side 2 av \d+/);
  });
});

async function pdfToText(pdf: Buffer): Promise<string> {
  const child = execFile('pdftotext', ['-enc', 'UTF-8', '-', '-'], { maxBuffer: 64 * 1024 * 1024 });
  const output = new Promise<string>((resolve, reject) => {
    let text = '';
    child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.on('close', (code) => (code === 0 ? resolve(text) : reject(new Error(`pdftotext exited ${code}`))));
    child.on('error', reject);
  });
  child.stdin?.end(pdf);
  return output;
}
