import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import {
  publishHearing,
  rawRequest,
  respondWithSecretQuoteThenRedact,
  TestClock,
  useFixture,
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
    await respondWithSecretQuoteThenRedact(f, hearing, sectionId, secret, 'Gjelder [Sladdet].');
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
