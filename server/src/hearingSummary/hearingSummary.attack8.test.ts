import type { HearingResponseView } from '@fellesplan/domain';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import {
  api,
  command,
  publishHearing,
  rawRequest,
  respondToHearing,
  sampleResponse,
  TestClock,
  useFixture,
  type SubmittedHearingResponse,
} from '../testing/index.js';

const clock = new TestClock();
const f = useFixture({ clock: clock.now });
const TITLE = 'Samarbeidsstruktur og organisering';

describe('attacks on the public hearing summary', () => {
  it('[HR5] a redacted remark shows nothing the respondent typed in the public summary, not even the quote', async () => {
    const plan = await f.plan();
    const sectionId = plan.section(TITLE).id;
    const hearing = await publishHearing(f, clock, plan);
    const secret = 'Ola Nordmann på rom 12 har demens';
    const sent = await respondToHearing(
      f.url,
      hearing.publicToken,
      sampleResponse(sectionId, { remarks: [{ sectionId, quote: secret, text: `Gjelder ${secret}.` }] }),
    );
    const { id } = sent.body as unknown as SubmittedHearingResponse;
    const members = await api<HearingResponseView[]>(f.url, `/api/hearings/${hearing.id}/responses`, {
      token: f.token('sekretariat'),
    });
    const remarkId = members.body.find((r) => r.id === id)?.remarks[0]?.id ?? '';
    const redact = await command(f.url, f.token('sekretariat'), 'responses.redact', {
      responseId: id,
      reason: 'Helseopplysninger om en navngitt person',
      remarks: [{ remarkId, text: 'Gjelder [Sladdet].' }],
    });
    expect(redact.status).toBe(200);
    const headers = { authorization: `Bearer ${f.token('kommune')}` };
    const docx = await rawRequest(f.url, `/api/hearings/${hearing.id}/summary.docx?public=1`, { headers });
    expect(docx.status).toBe(200);
    const { value } = await mammoth.extractRawText({ buffer: docx.bytes });
    expect(value).toContain('Gjelder [Sladdet].');
    expect(value).not.toContain(secret);
    const csv = await rawRequest(f.url, `/api/hearings/${hearing.id}/remarks.csv?public=1`, { headers });
    expect(csv.status).toBe(200);
    expect(csv.bytes.toString('utf8')).toContain('Gjelder [Sladdet].');
    expect(csv.bytes.toString('utf8')).not.toContain(secret);
    // The internal summary keeps what was sent.
    const internal = await rawRequest(f.url, `/api/hearings/${hearing.id}/remarks.csv`, { headers });
    expect(internal.bytes.toString('utf8')).toContain(secret);
  });
});
