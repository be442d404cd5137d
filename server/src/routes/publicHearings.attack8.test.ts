import type { PublicHearingView } from '@fellesplan/domain';
import { describe, expect, it } from 'vitest';
import { limitedAddress } from '../http/hearingLimits.js';
import {
  api,
  publishHearing,
  respondToHearing,
  respondWithSecretQuoteThenRedact,
  sampleResponse,
  TestClock,
  useFixture,
  type SubmittedHearingResponse,
} from '../testing/index.js';

const clock = new TestClock();
// The production limits: the attacks below must not get through what a real server allows.
const f = useFixture({ clock: clock.now });
const TITLE = 'Samarbeidsstruktur og organisering';

const publicView = (token: string) => api<PublicHearingView>(f.url, `/api/public/hearings/${token}`);

describe('attacks on the public hearing', () => {
  it('[HR5] a redacted remark shows nothing of what the respondent typed, not even their «quote»', async () => {
    const plan = await f.plan();
    const sectionId = plan.section(TITLE).id;
    const hearing = await publishHearing(f, clock, plan, { publishResponses: 'immediately' });
    const secret = 'Ola Nordmann på rom 12 har demens';
    await respondWithSecretQuoteThenRedact(f, hearing, sectionId, secret, 'Gjelder [Sladdet].');
    const after = await publicView(hearing.publicToken);
    expect(after.body.responses?.[0]?.remarks[0]?.text).toBe('Gjelder [Sladdet].');
    expect(JSON.stringify(after.body)).not.toContain(secret);
  });

  it('[HR9] rotating IPv6 addresses inside one /64 (one subscriber) is one address to the limit', async () => {
    const plan = await f.plan();
    const sectionId = plan.section(TITLE).id;
    const hearing = await publishHearing(f, clock, plan);
    const statuses: number[] = [];
    for (let i = 1; i <= 11; i += 1) {
      const address = `2001:db8:1234:5678:${i.toString(16)}:0:0:1`;
      statuses.push(
        (await respondToHearing(f.url, hearing.publicToken, sampleResponse(sectionId), { address })).status,
      );
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(200));
    expect(statuses[10]).toBe(429);
    // Another subscriber (another /64) is not held back by it.
    const other = await respondToHearing(f.url, hearing.publicToken, sampleResponse(sectionId), {
      address: '2001:db8:1234:5679::1',
    });
    expect(other.status).toBe(200);
    for (const [address, key] of [
      ['10.1.2.3', '10.1.2.3'],
      ['::ffff:10.1.2.3', '10.1.2.3'],
      ['2001:DB8:0:1::7', '2001:db8:0:1::/64'],
      ['2001:db8::', '2001:db8:0:0::/64'],
      ['1::2:3:4:5:1.2.3.4', '1:0:2:3::/64'],
      ['::1', '0:0:0:0::/64'],
    ]) {
      expect(limitedAddress(address ?? ''), address).toBe(key);
    }
  });

  it('[HR4] thirty responses at once each get their own reference, in one unbroken series', async () => {
    const plan = await f.plan();
    const sectionId = plan.section(TITLE).id;
    const hearing = await publishHearing(f, clock, plan);
    const replies = await Promise.all(
      Array.from({ length: 30 }, () => respondToHearing(f.url, hearing.publicToken, sampleResponse(sectionId))),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(30).fill(200));
    const references = replies.map((r) => (r.body as unknown as SubmittedHearingResponse).reference).sort();
    const prefix = references[0]?.replace(/-\d+$/, '') ?? '';
    expect(references).toEqual(Array.from({ length: 30 }, (_, i) => `${prefix}-${String(i + 1).padStart(3, '0')}`));
  });

  it('[HR9] NUL and lone surrogates in any text field, a name of bidi overrides only, or an organisation on two lines, are a 400, never a 500', async () => {
    const plan = await f.plan();
    const sectionId = plan.section(TITLE).id;
    const hearing = await publishHearing(f, clock, plan);
    const bad = ['a\u0000b', 'a\ud800b', '\udfff'];
    const bodies = bad.flatMap((s) => [
      sampleResponse(sectionId, { respondent: { name: s, email: 'a@example.no' } }),
      sampleResponse(sectionId, { respondent: { name: 'A', organisation: s, email: 'a@example.no' } }),
      sampleResponse(sectionId, { respondent: { name: 'A', email: `a${s}@example.no` } }),
      sampleResponse(sectionId, { statement: s }),
      sampleResponse(sectionId, { remarks: [{ sectionId, text: s }] }),
      sampleResponse(sectionId, { remarks: [{ sectionId, text: 'x', quote: s }] }),
      sampleResponse(sectionId, { remarks: [{ sectionId, text: 'x', proposedText: s }] }),
    ]);
    // Only invisible characters (a direction override, a zero-width space) is no name and no remark.
    bodies.push(
      sampleResponse(sectionId, { respondent: { name: '\u202e\u200b', email: 'a@example.no' } }),
      sampleResponse(sectionId, { remarks: [{ sectionId, text: '\u202e \u2066\u200b' }] }),
    );
    // The organisation is a one-line name like the respondent's: no line breaks (which would write
    // lines of their own into the receipt and the summary), escapes or direction overrides.
    for (const organisation of ['Eldrerådet\n\nMerknad 1 til 4:', 'Rådet\u001b[2J', 'Eldrerådet \u202egninrov\u202c']) {
      bodies.push(sampleResponse(sectionId, { respondent: { name: 'A', organisation, email: 'a@example.no' } }));
    }
    for (const body of bodies) {
      const res = await respondToHearing(f.url, hearing.publicToken, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    // HTML is text: stored and returned as sent, for the client to show as text.
    const html = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    const stored = await respondToHearing(
      f.url,
      hearing.publicToken,
      sampleResponse(sectionId, { respondent: { name: html, email: 'a@example.no' }, statement: html }),
    );
    expect(stored.status).toBe(200);
    const receipt = await fetch((stored.body as unknown as SubmittedHearingResponse).receiptUrl);
    expect(receipt.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(receipt.headers.get('cache-control')).toBe('no-store');
  });
});
