import type {
  AuditEventView,
  HearingResponseView,
  HearingSummaryView,
  HearingView,
  PublicHearingView,
  SectionContentView,
  VersionSummaryView,
} from '@fellesplan/domain';
import { readProjection } from '@fellesplan/editor';
import { describe, expect, it } from 'vitest';
import { redactUrl } from '../http/redactUrl.js';
import {
  api,
  appendStoredParagraph,
  command,
  connectProvider,
  DAY,
  HOUR,
  storedSectionText,
  TestClock,
  useFixture,
  waitFor,
  nextClientAddress,
  publishHearing,
  respondToHearing,
  sampleResponse,
  type FixturePlan,
  type HearingReply,
  type SubmittedHearingResponse,
} from '../testing/index.js';

const clock = new TestClock();
// A small limit per hearing, so the test reaches it; per address the production default.
const f = useFixture({ clock: clock.now, hearingLimits: { perHearingPerHour: 25 } });
const TITLE = 'Samarbeidsstruktur og organisering';

type Reply = HearingReply;
type Submitted = SubmittedHearingResponse;

const publish = (plan: FixturePlan, input: Record<string, unknown> = {}) => publishHearing(f, clock, plan, input);
const nextAddress = nextClientAddress;
const respond = (token: string, body: unknown, options?: Parameters<typeof respondToHearing>[3]) =>
  respondToHearing(f.url, token, body, options);
const response = sampleResponse;

const publicView = (token: string, who?: string) =>
  api<PublicHearingView>(f.url, `/api/public/hearings/${token}`, { token: who ? f.token(who) : undefined });

async function accepted(token: string, body: unknown, options?: Parameters<typeof respond>[2]): Promise<Submitted> {
  const res = await respond(token, body, options);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as unknown as Submitted;
}

async function edit(plan: FixturePlan, who: string, text: string): Promise<void> {
  await appendStoredParagraph(f.url, f.token(who), f.db, plan.section(TITLE), text);
}

describe('publishing a hearing', () => {
  it('[HR1][HR2] the sekretariat freezes the plan; the public reads the frozen text while the plan keeps living', async () => {
    const plan = await f.plan();
    const section = plan.section(TITLE);
    for (const who of ['kommune', 'helseforetak', 'bruker']) {
      const res = await command(f.url, f.token(who), 'hearings.publish', {
        planId: plan.id,
        title: 'Høring',
        deadline: clock.in(DAY),
      });
      expect(res.status).toBe(403);
      expect(res.body.error?.code).toBe('hearings_sekretariat_only');
    }
    const outsider = await command(f.url, f.other.token('kommune'), 'hearings.publish', {
      planId: plan.id,
      title: 'Høring',
      deadline: clock.in(DAY),
    });
    expect(outsider.status).toBe(404);
    for (const deadline of [clock.in(-HOUR), clock.in(800 * DAY), 'i morgen', '2026-13-45T10:00:00Z']) {
      const res = await command(f.url, f.token('sekretariat'), 'hearings.publish', {
        planId: plan.id,
        title: 'Høring',
        deadline,
      });
      expect(res.status, deadline).toBe(400);
      expect(res.body.error?.message).toMatch(/frist/i);
    }

    const hearing = await publish(plan);
    expect(hearing.publicToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hearing.url).toBe(`${f.url}/horing/${hearing.publicToken}`);
    const again = await command(f.url, f.token('sekretariat'), 'hearings.publish', {
      planId: plan.id,
      title: 'Ny høring',
      deadline: clock.in(DAY),
    });
    expect(again.status).toBe(409);
    expect(again.body.error?.code).toBe('hearing_already_open');
    const versions = await api<VersionSummaryView[]>(f.url, `/api/plans/${plan.id}/versions`, {
      token: f.token('kommune'),
    });
    expect(versions.body.find((v) => v.id === hearing.versionId)?.kind).toBe('published');

    const before = await publicView(hearing.publicToken);
    expect(before.status).toBe(200);
    expect(before.headers.get('cache-control')).toBe('no-store');
    expect(before.body).toMatchObject({
      title: 'Høring: felles utviklingsplan',
      intro: 'Vi ber om innspill til utkastet.',
      planTitle: plan.title,
      open: true,
      closedEarly: false,
      responses: null,
      member: null,
      extensions: [],
    });
    const frozen = before.body.sections.find((s) => s.id === section.id);
    expect(frozen?.number).toBe(String(section.position + 1));
    // What a frozen section shows, and nothing more: no owners, stances or revisions.
    expect(Object.keys(frozen ?? {}).sort()).toEqual(['id', 'json', 'number', 'text', 'title']);
    const textThen = frozen?.text ?? '';
    expect(textThen).toBe(await storedSectionText(f.db, section.id));

    await edit(plan, 'kommune', 'Avsnitt skrevet etter at høringen startet.');
    const live = await api<SectionContentView>(f.url, `/api/sections/${section.id}/content`, {
      token: f.token('kommune'),
    });
    expect(live.body.text).toContain('Avsnitt skrevet etter at høringen startet.');
    const after = await publicView(hearing.publicToken);
    expect(after.body.sections.find((s) => s.id === section.id)?.text).toBe(textThen);

    // A member who opens the link may respond for their party; others read as anyone does.
    expect((await publicView(hearing.publicToken, 'kommune')).body.member).toEqual({
      partyId: f.party('kommune'),
      partyName: 'Demo kommune',
    });
    const annen = await api<PublicHearingView>(f.url, `/api/public/hearings/${hearing.publicToken}`, {
      token: f.other.token('kommune'),
    });
    expect(annen.body.member).toBeNull();
  });

  it('[HR8] hearing links and receipt secrets never reach the request log', () => {
    expect(redactUrl('/horing/abcDEF_123-x')).toBe('/horing/[token]');
    expect(redactUrl('/api/public/hearings/abcDEF_123-x/responses/H1-001/receipt?secret=s3cr3t&format=json')).toBe(
      '/api/public/hearings/[token]/responses/H1-001/receipt?secret=[token]&format=json',
    );
  });

  it('[HR4] an unknown or malformed link is a 404 like any other', async () => {
    // (Past 100 characters Fastify answers 414 before any lookup.)
    for (const token of ['A'.repeat(43), 'abc', 'x'.repeat(99), '%00%ff', "'; drop table hearings; --"]) {
      const res = await api<Reply>(f.url, `/api/public/hearings/${encodeURIComponent(token)}`);
      expect(res.status, token).toBe(404);
      expect(res.body.error?.code).toBe('not_found');
      expect((await respond(encodeURIComponent(token), response('x'))).status).toBe(404);
    }
  });
});

describe('the deadline', () => {
  it('[HR3] refuses responses after the deadline, takes them again after an extension, and none once closed early', async () => {
    const plan = await f.plan();
    const sectionId = plan.section(TITLE).id;
    const hearing = await publish(plan, { deadline: clock.in(HOUR) });
    const first = await accepted(hearing.publicToken, response(sectionId));
    expect(first.reference).toMatch(/^H\d+-001$/);

    clock.advance(2 * HOUR);
    const late = await respond(hearing.publicToken, response(sectionId));
    expect(late.status).toBe(409);
    expect(late.body.error?.code).toBe('hearing_closed');
    expect(late.body.error?.message).toMatch(/Høringsfristen er ute/);
    const closedView = await publicView(hearing.publicToken);
    expect(closedView.body.open).toBe(false);
    // After the deadline the responses are public.
    expect(closedView.body.responses?.map((r) => r.reference)).toEqual([first.reference]);

    const extend = (token: string, deadline: string, reason = 'Kommunestyret møtes senere') =>
      command(f.url, token, 'hearings.extend', { hearingId: hearing.id, deadline, reason });
    expect((await extend(f.token('kommune'), clock.in(DAY))).body.error?.code).toBe('hearings_sekretariat_only');
    expect((await extend(f.token('sekretariat'), clock.in(-3 * HOUR))).body.error?.code).toBe('deadline_not_later');
    expect((await extend(f.token('sekretariat'), clock.in(DAY), '  ')).body.error?.code).toBe('reason_required');
    const newDeadline = clock.in(DAY);
    expect((await extend(f.token('sekretariat'), newDeadline)).status).toBe(200);
    const second = await accepted(hearing.publicToken, response(sectionId));
    expect(second.reference).toBe(first.reference.replace(/001$/, '002'));
    const reopened = await publicView(hearing.publicToken);
    expect(reopened.body).toMatchObject({ open: true, deadline: newDeadline, responses: null });
    expect(reopened.body.extensions).toEqual([
      expect.objectContaining({ to: newDeadline, reason: 'Kommunestyret møtes senere' }),
    ]);

    const close = () => command(f.url, f.token('sekretariat'), 'hearings.close', { hearingId: hearing.id });
    expect((await command(f.url, f.token('kommune'), 'hearings.close', { hearingId: hearing.id })).status).toBe(403);
    expect((await close()).status).toBe(200);
    expect((await respond(hearing.publicToken, response(sectionId))).body.error?.code).toBe('hearing_closed');
    expect((await close()).body.error?.code).toBe('hearing_already_closed');
    expect((await extend(f.token('sekretariat'), clock.in(2 * DAY))).body.error?.code).toBe('hearing_already_closed');
    expect((await publicView(hearing.publicToken)).body).toMatchObject({ open: false, closedEarly: true });

    // With that hearing over, the plan may go on a new one.
    const next = await publish(plan, { title: 'Andre høringsrunde' });
    expect((await accepted(next.publicToken, response(sectionId))).reference).toMatch(/^H\d+-001$/);
    expect(next.publicToken).not.toBe(hearing.publicToken);
  });
});

describe('what the public link opens', () => {
  it('[HR8] nothing but its own hearing: no live plan, no sections, no socket, no other receipt', async () => {
    const plan = await f.plan();
    const section = plan.section(TITLE);
    const hearing = await publish(plan);
    const asToken = (path: string) => api<Reply>(f.url, path, { token: hearing.publicToken });
    for (const path of [
      `/api/plans/${plan.id}`,
      `/api/plans/${plan.id}/contents`,
      `/api/sections/${section.id}/content`,
      `/api/plans/${plan.id}/hearings`,
      `/api/hearings/${hearing.id}`,
      `/api/hearings/${hearing.id}/responses`,
    ]) {
      expect((await asToken(path)).status, path).toBe(401);
    }
    const socket = connectProvider(f.url, hearing.publicToken, section.documentName);
    await expect(socket.ready).rejects.toThrow();
    socket.destroy();

    const mine = await accepted(hearing.publicToken, response(section.id, { statement: 'Mitt eget innspill.' }));
    const theirs = await accepted(hearing.publicToken, response(section.id, { statement: 'Et annet innspill.' }));
    // Not listed before the deadline: no respondent reads another's response.
    expect((await publicView(hearing.publicToken)).body.responses).toBeNull();
    const receipt = (reference: string, secret: string, format = 'text') =>
      api<unknown>(
        f.url,
        `/api/public/hearings/${hearing.publicToken}/responses/${reference}/receipt?secret=${secret}&format=${format}`,
      ).catch(() => ({ status: 0 }));
    const secretOf = (submitted: Submitted) => new URL(submitted.receiptUrl).searchParams.get('secret') ?? '';
    const own = await fetch(mine.receiptUrl);
    expect(own.status).toBe(200);
    expect(own.headers.get('content-disposition')).toContain(`kvittering-${mine.reference}.txt`);
    const text = await own.text();
    expect(text).toContain(mine.reference);
    expect(text).toContain('Mitt eget innspill.');
    expect(text).toContain(`${section.position + 1} ${TITLE}`);
    expect(text).not.toContain('Et annet innspill.');
    expect((await receipt(mine.reference, secretOf(mine), 'json')).status).toBe(200);
    expect((await receipt(theirs.reference, secretOf(mine))).status).toBe(404);
    expect((await receipt(theirs.reference, '')).status).toBe(404);
    expect((await receipt(theirs.reference, 'x'.repeat(43))).status).toBe(404);

    // Another hearing's link neither reads nor receives for this one.
    const other = await publish(await f.plan(), { publishResponses: 'immediately' });
    const otherView = await publicView(other.publicToken);
    expect(otherView.body.responses).toEqual([]);
    expect(JSON.stringify(otherView.body)).not.toContain('Mitt eget innspill.');
    const cross = await fetch(
      `${f.url}/api/public/hearings/${other.publicToken}/responses/${mine.reference}/receipt?secret=${secretOf(mine)}`,
    );
    expect(cross.status).toBe(404);
    expect((await respond(other.publicToken, response(section.id))).body.error?.code).toBe('section_not_in_hearing');
  });
});

describe('openness', () => {
  it('[HR5] a withheld response is never public; a redacted one shows only the redacted text; members keep the original', async () => {
    const plan = await f.plan();
    const sectionId = plan.section(TITLE).id;
    const hearing = await publish(plan, { publishResponses: 'immediately' });
    const secret = 'Min mor fikk diagnosen demens i fjor';
    const withheld = await accepted(hearing.publicToken, response(sectionId, { statement: secret }));
    const redacted = await accepted(
      hearing.publicToken,
      response(sectionId, {
        statement: `Vi støtter planen. ${secret}.`,
        remarks: [{ sectionId, text: `Se punktet om demens. ${secret}.`, proposedText: 'Ny tekst om demens.' }],
      }),
    );
    const listed = await publicView(hearing.publicToken);
    expect(listed.body.responses?.map((r) => r.reference)).toEqual([withheld.reference, redacted.reference]);
    // E-mail addresses are never on the public page.
    expect(JSON.stringify(listed.body)).not.toContain('kari.eldre@example.no');

    const withhold = (token: string) =>
      command(f.url, token, 'responses.withhold', { responseId: withheld.id, reason: 'Helseopplysninger' });
    expect((await withhold(f.token('kommune'))).body.error?.code).toBe('hearings_sekretariat_only');
    expect((await withhold(f.other.token('kommune'))).status).toBe(404);
    expect((await withhold(f.token('sekretariat'))).status).toBe(200);

    const members = await api<HearingResponseView[]>(f.url, `/api/hearings/${hearing.id}/responses`, {
      token: f.token('kommune'),
    });
    const remarkId = members.body.find((r) => r.id === redacted.id)?.remarks[0]?.id ?? '';
    const otherRemark = members.body.find((r) => r.id === withheld.id)?.remarks[0]?.id ?? '';
    const redact = (remarks: unknown[]) =>
      command(f.url, f.token('sekretariat'), 'responses.redact', {
        responseId: redacted.id,
        reason: 'Helseopplysninger om en navngitt person',
        statement: 'Vi støtter planen. [Sladdet]',
        remarks,
      });
    expect((await redact([{ remarkId: otherRemark, text: '[Sladdet]' }])).body.error?.code).toBe(
      'remark_not_in_response',
    );
    expect((await redact([{ remarkId, text: 'Se punktet om demens. [Sladdet]', proposedText: null }])).status).toBe(
      200,
    );

    const after = await publicView(hearing.publicToken);
    expect(JSON.stringify(after.body)).not.toContain(secret);
    expect(after.body.responses?.map((r) => r.reference)).toEqual([redacted.reference]);
    expect(after.body.responses?.[0]).toMatchObject({
      visibility: 'redacted',
      statement: 'Vi støtter planen. [Sladdet]',
      remarks: [{ sectionId, text: 'Se punktet om demens. [Sladdet]', proposedText: null }],
    });
    // The original is kept, for the members and the log.
    const kept = await api<HearingResponseView[]>(f.url, `/api/hearings/${hearing.id}/responses`, {
      token: f.token('sekretariat'),
    });
    const original = kept.body.find((r) => r.id === redacted.id);
    expect(original).toMatchObject({
      statement: `Vi støtter planen. ${secret}.`,
      publicStatement: 'Vi støtter planen. [Sladdet]',
      visibility: 'redacted',
      respondent: { email: 'kari.eldre@example.no' },
    });
    expect(original?.remarks[0]?.text).toContain(secret);
    expect(kept.body.find((r) => r.id === withheld.id)).toMatchObject({
      visibility: 'withheld',
      visibilityReason: 'Helseopplysninger',
    });

    const republish = await command(f.url, f.token('sekretariat'), 'responses.publish', {
      responseId: withheld.id,
      reason: 'Avklart med avsender',
    });
    expect(republish.status).toBe(200);
    expect((await publicView(hearing.publicToken)).body.responses?.map((r) => r.reference)).toEqual([
      withheld.reference,
      redacted.reference,
    ]);
    const later = await command(f.url, f.token('sekretariat'), 'hearings.setPublication', {
      hearingId: hearing.id,
      publishResponses: 'after_deadline',
    });
    expect(later.status).toBe(200);
    expect((await publicView(hearing.publicToken)).body.responses).toBeNull();
  });
});

describe('input and floods', () => {
  it('[HR9] garbage and oversized input gets a 4xx, never a 500', async () => {
    const plan = await f.plan();
    const sectionId = plan.section(TITLE).id;
    const hearing = await publish(plan);
    const base = response(sectionId);
    const cases: [unknown, string][] = [
      [{}, 'invalid_input'],
      [[], 'invalid_input'],
      [{ ...base, respondent: { ...base.respondent, email: 'ikke-en-adresse' } }, 'invalid_email'],
      [{ ...base, respondent: { name: '', email: 'a@b.no' } }, 'name_required'],
      [{ ...base, statement: '', remarks: [] }, 'response_empty'],
      [{ ...base, statement: 'x'.repeat(50_001) }, 'invalid_input'],
      [{ ...base, statement: 'Hei\u0000' }, 'invalid_input'],
      [{ ...base, remarks: Array.from({ length: 201 }, () => base.remarks[0]) }, 'too_many_remarks'],
      [{ ...base, remarks: [{ sectionId, text: '   ' }] }, 'remark_empty'],
      [{ ...base, remarks: [{ sectionId: 'finnes-ikke', text: 'Hei' }] }, 'section_not_in_hearing'],
      [{ ...base, remarks: [{ sectionId: f.other.section('Innledning').id, text: 'Hei' }] }, 'section_not_in_hearing'],
      [{ ...base, remarks: [{ sectionId: '../../etc', text: 'Hei' }] }, 'invalid_input'],
      [{ ...base, partyId: f.party('kommune') }, 'invalid_input'],
      [{ ...base, remarks: 'mange' }, 'invalid_input'],
    ];
    for (const [body, code] of cases) {
      const res = await respond(hearing.publicToken, body);
      expect(res.status, JSON.stringify(body).slice(0, 120)).toBe(400);
      expect(res.body.error?.code, JSON.stringify(body).slice(0, 120)).toBe(code);
      expect(res.body.error?.message).toBeTruthy();
    }
    const huge = await respond(hearing.publicToken, { ...base, statement: 'x'.repeat(1_100_000) });
    expect(huge.status).toBe(413);
    const notJson = await fetch(`${f.url}/api/public/hearings/${hearing.publicToken}/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': nextAddress() },
      body: '{"respondent":',
    });
    expect(notJson.status).toBe(400);
    const form = await fetch(`${f.url}/api/public/hearings/${hearing.publicToken}/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': nextAddress() },
      body: 'respondent=x',
    });
    expect(form.status).toBeGreaterThanOrEqual(400);
    expect(form.status).toBeLessThan(500);
    // The largest response allowed is taken in whole.
    const largest = {
      ...base,
      statement: 'Uttalelse. '.repeat(4_500),
      remarks: Array.from({ length: 60 }, (_, i) => ({ sectionId, text: `Merknad ${i} `.repeat(900).trim() })),
    };
    expect(JSON.stringify(largest).length).toBeLessThan(1024 * 1024);
    const big = await accepted(hearing.publicToken, largest);
    const stored = await api<HearingResponseView[]>(f.url, `/api/hearings/${hearing.id}/responses`, {
      token: f.token('kommune'),
    });
    expect(stored.body.find((r) => r.id === big.id)?.remarks).toHaveLength(60);
  });

  it('[HR9] responses are limited per address and per hearing (429 too_many_requests)', async () => {
    const plan = await f.plan();
    const sectionId = plan.section(TITLE).id;
    const hearing = await publish(plan);
    const address = '10.9.9.9';
    for (let i = 0; i < 10; i += 1) await accepted(hearing.publicToken, response(sectionId), { address });
    const refused = await respond(hearing.publicToken, response(sectionId), { address });
    expect(refused.status).toBe(429);
    expect(refused.body.error?.code).toBe('too_many_requests');
    expect(refused.headers.get('retry-after')).toBeTruthy();
    // Someone else at another address is not held back by it, until the hearing's own limit.
    let taken = 10;
    for (;;) {
      const res = await respond(hearing.publicToken, response(sectionId));
      if (res.status === 429) break;
      expect(res.status).toBe(200);
      taken += 1;
      expect(taken).toBeLessThanOrEqual(25);
    }
    expect(taken).toBe(25);
  });
});

describe('members responding for their party', () => {
  it('[HR4][HR8] need a session of a plan member, and a cookie from another site is refused', async () => {
    const plan = await f.plan();
    const sectionId = plan.section(TITLE).id;
    const hearing = await publish(plan);
    const body = response(sectionId, { onBehalfOfParty: true });
    expect((await respond(hearing.publicToken, body)).status).toBe(401);
    expect((await respond(hearing.publicToken, body, { token: f.other.token('kommune') })).status).toBe(403);
    const cookie = { cookie: `fp_session=${f.token('bruker')}` };
    const crossSite = await respond(hearing.publicToken, body, {
      headers: { ...cookie, 'sec-fetch-site': 'cross-site' },
    });
    expect(crossSite.status).toBe(403);
    expect(crossSite.body.error?.code).toBe('cross_site_request');
    const otherOrigin = await respond(hearing.publicToken, body, {
      headers: { ...cookie, origin: 'https://angriper.example' },
    });
    expect(otherOrigin.body.error?.code).toBe('cross_site_request');
    const sameOrigin = await respond(hearing.publicToken, body, {
      headers: { ...cookie, 'sec-fetch-site': 'same-origin' },
    });
    expect(sameOrigin.status).toBe(200);
    const bearer = await accepted(hearing.publicToken, body, { token: f.token('kommune') });
    // An anonymous response with a session is still anonymous: the party comes only from the flag.
    const anonymous = await accepted(hearing.publicToken, response(sectionId), { token: f.token('helseforetak') });
    const list = await api<HearingResponseView[]>(f.url, `/api/hearings/${hearing.id}/responses`, {
      token: f.token('sekretariat'),
    });
    const partyOf = (id: string) => list.body.find((r) => r.id === id)?.partyId;
    expect(partyOf((sameOrigin.body as unknown as Submitted).id)).toBe(f.party('bruker'));
    expect(partyOf(bearer.id)).toBe(f.party('kommune'));
    expect(partyOf(anonymous.id)).toBeNull();
  });
});

describe('members following a hearing', () => {
  it('[HR10] see responses arrive in the live plan projection, and list hearings and responses; outsiders see nothing', async () => {
    const plan = await f.plan();
    const section = plan.section(TITLE);
    const hearing = await publish(plan);
    const watcher = connectProvider(f.url, f.token('bruker'), plan.documentName);
    await watcher.synced();
    await waitFor(() => readProjection(watcher.doc)?.hearings?.length === 1);
    expect(readProjection(watcher.doc)?.hearings?.[0]).toMatchObject({ id: hearing.id, open: true, responses: 0 });
    await accepted(hearing.publicToken, {
      ...response(section.id),
      remarks: [
        { sectionId: section.id, text: 'Første merknad.' },
        { sectionId: section.id, text: 'Andre merknad.' },
      ],
    });
    await waitFor(() => readProjection(watcher.doc)?.hearings?.[0]?.responses === 1);
    expect(readProjection(watcher.doc)?.hearings?.[0]).toMatchObject({ remarks: 2, assessed: 0 });
    watcher.destroy();

    const summaries = await api<HearingSummaryView[]>(f.url, `/api/plans/${plan.id}/hearings`, {
      token: f.token('bruker'),
    });
    expect(summaries.body).toEqual([
      expect.objectContaining({ id: hearing.id, url: hearing.url, responses: 1, remarks: 2, assessed: 0, open: true }),
    ]);
    const view = await api<HearingView>(f.url, `/api/hearings/${hearing.id}`, { token: f.token('bruker') });
    expect(view.body.sections.find((s) => s.id === section.id)?.remarks).toBe(2);
    expect(view.body.planTitle).toBe(plan.title);
    for (const path of [
      `/api/plans/${plan.id}/hearings`,
      `/api/hearings/${hearing.id}`,
      `/api/hearings/${hearing.id}/responses`,
    ]) {
      expect((await api(f.url, path, { token: f.other.token('kommune') })).status, path).toBe(404);
      expect((await api(f.url, path)).status, path).toBe(401);
    }
  });
});

describe('the decision log', () => {
  it('[HR11] records every hearing act, a public response by its respondent without e-mail, and still verifies', async () => {
    const plan = await f.plan();
    const sectionId = plan.section(TITLE).id;
    const hearing = await publish(plan);
    const submitted = await accepted(hearing.publicToken, response(sectionId));
    const sekretariat = f.token('sekretariat');
    await command(f.url, sekretariat, 'hearings.setPublication', {
      hearingId: hearing.id,
      publishResponses: 'immediately',
    });
    await command(f.url, sekretariat, 'responses.withhold', { responseId: submitted.id, reason: 'Sjekkes' });
    await command(f.url, sekretariat, 'responses.redact', {
      responseId: submitted.id,
      reason: 'Navn',
      statement: null,
    });
    await command(f.url, sekretariat, 'responses.publish', { responseId: submitted.id, reason: 'Avklart' });
    await command(f.url, sekretariat, 'hearings.extend', {
      hearingId: hearing.id,
      deadline: clock.in(9 * DAY),
      reason: 'Ønske fra kommunene',
    });
    await command(f.url, sekretariat, 'hearings.close', { hearingId: hearing.id, reason: 'Alle har svart' });
    const log = await api<AuditEventView[]>(f.url, `/api/plans/${plan.id}/audit`, { token: f.token('kommune') });
    expect(log.body.map((e) => e.type).filter((t) => /^(hearing|response)\./.test(t))).toEqual([
      'hearing.published',
      'hearing.response_received',
      'hearing.publication_set',
      'response.withheld',
      'response.redacted',
      'response.published',
      'hearing.extended',
      'hearing.closed',
    ]);
    const received = log.body.find((e) => e.type === 'hearing.response_received');
    expect(received?.actor.userId).toBe('public');
    expect(received?.payload).toMatchObject({
      responseId: submitted.id,
      reference: submitted.reference,
      name: 'Kari Eldre',
      organisation: 'Eldrerådet i Demo kommune',
    });
    expect(JSON.stringify(log.body)).not.toContain('kari.eldre@example.no');
    const verify = await api<{ ok: boolean }>(f.url, `/api/plans/${plan.id}/audit/verify`, {
      token: f.token('kommune'),
    });
    expect(verify.body.ok).toBe(true);
  });
});
