import type { Extension, onAuthenticatePayload } from '@hocuspocus/server';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CollabContext } from './context.js';
import {
  adminPartnershipSpec,
  appendParagraph,
  command,
  connectProvider,
  rawCollabClient,
  storedSectionText,
  useFixture,
  waitFor,
  type RawCollabClient,
} from '../testing/index.js';

const f = useFixture();

/** A hand-made update appending one paragraph, as a client that ignores read-only sends it. */
function sendParagraph(client: RawCollabClient, text: string): void {
  const doc = new Y.Doc();
  appendParagraph(doc, text);
  client.send((e) => {
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(doc));
  });
}

/**
 * Lets `meanwhile` commit (and reach the open connections) right after the server decided the
 * next connection's rights and before that connection joins its document: the change of rights
 * happens while the person's socket is authenticating, as it does for a client that reconnects
 * in a loop, so that one of its attempts straddles the change.
 */
function duringNextAuthentication(meanwhile: () => Promise<void>): void {
  const extension = f.server.collaboration.hocuspocus.configuration.extensions.find(
    (e: Extension) => e.extensionName === 'Authentication',
  ) as Extension & { onAuthenticate: (data: onAuthenticatePayload) => Promise<unknown> };
  const original = extension.onAuthenticate;
  extension.onAuthenticate = async (data) => {
    extension.onAuthenticate = original;
    const decided = await original.call(extension, data);
    await meanwhile();
    return decided;
  };
}

describe('a change of rights while the socket is authenticating', () => {
  it('[ADM4] a person moved to another party while their socket authenticated cannot write the old party’s section', async () => {
    const p = await f.partnership(adminPartnershipSpec());
    const kari = p.user('kommune');
    const section = p.section('Kommunens del');
    duringNextAuthentication(async () => {
      const moved = await command(f.url, p.token('admin'), 'users.update', {
        userId: kari.id,
        partyId: p.party('helseforetak'),
      });
      expect(moved.status).toBe(200);
    });
    const client = await rawCollabClient(f.url, section.documentName, kari.token);
    const closed = new Promise<number>((resolve) => client.ws.once('close', (code: number) => resolve(code)));
    await waitFor(() => client.received.length > 0 || client.ws.readyState !== client.ws.OPEN);
    sendParagraph(client, 'Skrevet etter flyttingen.');
    // Either the socket is closed (re-authenticating as what she is now), or her update is refused.
    await Promise.race([
      closed,
      waitFor(() => client.received.some((frame) => frame.toString('utf8').includes('"readOnly":true'))),
      new Promise((resolve) => setTimeout(resolve, 2000)),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await storedSectionText(f.db, section.id)).not.toContain('Skrevet etter flyttingen.');
    client.close();
  });

  it('[ADM4] an administrator demoted while their socket authenticated is sent to authenticate again like every other socket of theirs', async () => {
    const p = await f.partnership(adminPartnershipSpec());
    // A second administrator, so the first may be demoted.
    const promoted = await command(f.url, p.token('admin'), 'users.update', {
      userId: p.user('medarbeider').id,
      role: 'admin',
    });
    expect(promoted.status).toBe(200);
    const siv = p.user('admin');
    duringNextAuthentication(async () => {
      const demoted = await command(f.url, p.token('medarbeider'), 'users.update', { userId: siv.id, role: 'member' });
      expect(demoted.status).toBe(200);
    });
    const page = connectProvider(f.url, siv.token, p.plan.documentName);
    await page.ready.catch(() => undefined);
    // No connection of hers is left holding her as an administrator: the one that authenticated
    // during the demotion was sent to authenticate again, as every other of hers was.
    const heldAs = () =>
      [...f.server.collaboration.hocuspocus.documents.values()]
        .flatMap((document) => document.getConnections())
        .map((connection) => connection.context as CollabContext)
        .filter((context) => context.actor?.userId === siv.id)
        .map((context) => context.actor.role);
    await waitFor(() => !heldAs().includes('admin'), { timeout: 3000 });
    page.destroy();
  });

  /** The document connections the server holds open for a person. */
  const heldFor = (userId: string) =>
    [...f.server.collaboration.hocuspocus.documents.values()]
      .flatMap((document) => document.getConnections().map((connection) => ({ document, connection })))
      .filter(({ connection }) => (connection.context as CollabContext).actor?.userId === userId)
      .map(({ document }) => document.name);

  it('[PS14] a party taken out of the plan while its socket authenticated does not go on reading the plan page', async () => {
    const p = await f.partnership(adminPartnershipSpec());
    const hans = p.user('hf');
    duringNextAuthentication(async () => {
      const res = await command(f.url, p.token('admin'), 'plans.update', {
        planId: p.plan.id,
        partyIds: [p.party('sekretariat'), p.party('kommune')],
      });
      expect(res.status).toBe(200);
    });
    const page = connectProvider(f.url, hans.token, p.plan.documentName);
    await page.ready.catch(() => undefined);
    await waitFor(() => !heldFor(hans.id).includes(p.plan.documentName), { timeout: 3000 });
    page.destroy();
  });

  it('[PS14] nor a section of the plan', async () => {
    const p = await f.partnership(adminPartnershipSpec());
    const hans = p.user('hf');
    const section = p.section('Felles del');
    const control = await rawCollabClient(f.url, section.documentName, hans.token);
    await waitFor(() => heldFor(hans.id).includes(section.documentName), { timeout: 3000 });
    control.close();
    await waitFor(() => !heldFor(hans.id).includes(section.documentName), { timeout: 3000 });
    duringNextAuthentication(async () => {
      const res = await command(f.url, p.token('admin'), 'plans.update', {
        planId: p.plan.id,
        partyIds: [p.party('sekretariat'), p.party('kommune')],
      });
      expect(res.status).toBe(200);
    });
    // A crafted reader: it asks for nothing and answers nothing, it only listens.
    const editor = await rawCollabClient(f.url, section.documentName, hans.token);
    await waitFor(() => !heldFor(hans.id).includes(section.documentName), { timeout: 3000 });
    editor.close();
  });

  it('[PS7] nor a section deleted while the socket authenticated', async () => {
    const p = await f.partnership(adminPartnershipSpec());
    const kari = p.user('kommune');
    const section = p.section('Kommunens del');
    duringNextAuthentication(async () => {
      const res = await command(f.url, p.token('admin'), 'sections.delete', { sectionId: section.id });
      expect(res.status).toBe(200);
    });
    // A crafted reader: it asks for nothing and answers nothing, it only listens.
    const editor = await rawCollabClient(f.url, section.documentName, kari.token);
    await waitFor(() => !heldFor(kari.id).includes(section.documentName), { timeout: 3000 });
    editor.close();
  });
});
