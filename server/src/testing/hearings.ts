import type { HearingResponseView } from '@fellesplan/domain';
import { api } from './api.js';
import { command } from './command.js';
import type { Fixture, FixturePlan } from './fixture.js';
import type { TestClock } from './testClock.js';
import { DAY } from './testClock.js';

export interface PublishedHearing {
  id: string;
  publicToken: string;
  url: string;
  versionId: string;
}

export type HearingReply = { error?: { code: string; message: string } } & Record<string, unknown>;
export interface SubmittedHearingResponse {
  id: string;
  reference: string;
  receiptUrl: string;
}

/** The sekretariat sends `plan` on hearing, a week ahead on `clock` unless `input` says otherwise. */
export async function publishHearing(
  f: Fixture,
  clock: TestClock,
  plan: FixturePlan,
  input: Record<string, unknown> = {},
): Promise<PublishedHearing> {
  const res = await command(f.url, f.token('sekretariat'), 'hearings.publish', {
    planId: plan.id,
    title: 'Høring: felles utviklingsplan',
    deadline: clock.in(7 * DAY),
    intro: 'Vi ber om innspill til utkastet.',
    ...input,
  });
  if (res.status !== 200) throw new Error(`hearings.publish answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as unknown as PublishedHearing;
}

let addresses = 0;
/** A fresh client address (sent through the test server's one trusted proxy hop). */
export function nextClientAddress(): string {
  addresses += 1;
  return `10.1.${Math.floor(addresses / 250)}.${(addresses % 250) + 1}`;
}

/** `POST /api/public/hearings/<token>/responses`, from its own address unless one is named. */
export function respondToHearing(
  baseUrl: string,
  publicToken: string,
  body: unknown,
  options: { address?: string; token?: string; headers?: Record<string, string> } = {},
) {
  return api<HearingReply>(baseUrl, `/api/public/hearings/${publicToken}/responses`, {
    body,
    token: options.token,
    headers: { 'x-forwarded-for': options.address ?? nextClientAddress(), ...options.headers },
  });
}

/** A response from the eldreråd with one remark on `sectionId`; `extra` replaces fields. */
export function sampleResponse(sectionId: string, extra: Record<string, unknown> = {}) {
  return {
    respondent: { name: 'Kari Eldre', organisation: 'Eldrerådet i Demo kommune', email: 'kari.eldre@example.no' },
    statement: 'Eldrerådet støtter hovedlinjene i planen.',
    remarks: [{ sectionId, quote: 'samarbeidsstruktur', text: 'Eldrerådet må være med.', proposedText: null }],
    ...extra,
  };
}

/**
 * A response whose one remark quotes `secret` (a respondent's quote is free text, not the plan's),
 * then redacted by the sekretariat to `publicText`: what the public may read of it is only that.
 */
export async function respondWithSecretQuoteThenRedact(
  f: Fixture,
  hearing: PublishedHearing,
  sectionId: string,
  secret: string,
  publicText: string,
): Promise<void> {
  const sent = await respondToHearing(
    f.url,
    hearing.publicToken,
    sampleResponse(sectionId, { remarks: [{ sectionId, quote: secret, text: `Gjelder ${secret}.` }] }),
  );
  if (sent.status !== 200) throw new Error(`response answered ${sent.status}: ${JSON.stringify(sent.body)}`);
  const { id } = sent.body as unknown as SubmittedHearingResponse;
  const members = await api<HearingResponseView[]>(f.url, `/api/hearings/${hearing.id}/responses`, {
    token: f.token('sekretariat'),
  });
  const remarkId = members.body.find((r) => r.id === id)?.remarks[0]?.id ?? '';
  const redact = await command(f.url, f.token('sekretariat'), 'responses.redact', {
    responseId: id,
    reason: 'Helseopplysninger om en navngitt person',
    remarks: [{ remarkId, text: publicText }],
  });
  if (redact.status !== 200) throw new Error(`responses.redact answered ${redact.status}`);
}
