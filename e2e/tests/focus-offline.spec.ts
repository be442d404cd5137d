import { DEMO, expect, openDemoPlan, section, test } from '../fixtures/app.js';
import { heldAcknowledgements, switchableNetwork } from '../fixtures/collabSocket.js';

const SECTION = 'Samarbeidsstruktur og organisering'; // owned by Demo kommune and Demo HF, has text

test('a stance with a note, by keyboard: focus goes into the form, and back to the stance with a spoken confirmation', async ({
  loginAs,
}) => {
  const page = await loginAs(DEMO.fastlege);
  await openDemoPlan(page);
  const card = await section(page, SECTION);
  await card.getByTestId('mark.reservation').focus();
  await page.keyboard.press('Enter');
  await expect(card.getByTestId('mark.note')).toBeFocused();
  await page.keyboard.type('Fastlegenes representasjon i FSU må avklares');
  await page.keyboard.press('Tab');
  await expect(card.getByTestId('mark.save')).toBeFocused();
  await page.keyboard.press('Enter');
  // Focus is where the person was, not at the top of the page, and the confirmation is in a
  // status region a screen reader reads out.
  await expect(card.getByTestId('mark.reservation')).toBeFocused();
  await expect(card.getByTestId('mark.reservation')).toHaveAttribute('aria-pressed', 'true');
  await expect(card.getByTestId('mark.status')).toHaveAttribute('role', 'status');
  await expect(card.getByTestId('mark.status')).toHaveText('Standpunktet er lagret.');
  // The reason is shown under the chips, not only on hover.
  await expect(card.getByTestId('consensus.note')).toContainText('Fastlegenes representasjon i FSU må avklares');
});

test('«Kommenter» by keyboard moves focus into the form, and to the new thread once it is posted', async ({
  loginAs,
}) => {
  const page = await loginAs(DEMO.bruker);
  await openDemoPlan(page);
  const card = await section(page, SECTION);
  await card.getByTestId('section.comment').focus();
  await page.keyboard.press('Enter');
  await expect(card.getByTestId('thread.create.body')).toBeFocused();
  await page.keyboard.type('Hvor er brukerrådet i strukturen?');
  await card.getByTestId('thread.create.submit').focus();
  await page.keyboard.press('Enter');
  const thread = card.getByTestId('thread').filter({ hasText: 'Hvor er brukerrådet i strukturen?' });
  await expect(thread).toBeFocused();

  // Cancelling gives focus back to the button that opened the form.
  await card.getByTestId('section.comment').focus();
  await page.keyboard.press('Enter');
  await expect(card.getByTestId('thread.create.body')).toBeFocused();
  await card.getByRole('button', { name: 'Avbryt' }).click();
  await expect(card.getByTestId('section.comment')).toBeFocused();
});

test('a stance set offline says so and is saved when the network is back; a comment offline keeps its text', async ({
  loginAs,
}) => {
  const page = await loginAs(DEMO.hf);
  await openDemoPlan(page);
  const card = await section(page, SECTION);
  await page.context().setOffline(true);
  await card.getByTestId('mark.agree').click();
  await expect(card.getByTestId('mark.error')).toHaveText(
    'Du er frakoblet. Standpunktet lagres når nettet er tilbake.',
  );
  await card.getByTestId('section.comment').click();
  await card.getByTestId('thread.create.body').fill('Skrevet uten nett');
  await card.getByTestId('thread.create.submit').click();
  await expect(card.getByTestId('thread.create.error')).toContainText('Du er frakoblet');
  await expect(card.getByTestId('thread.create.body')).toHaveValue('Skrevet uten nett');
  await page.context().setOffline(false);
  await expect(card.getByTestId('mark.agree')).toHaveAttribute('aria-pressed', 'true');
  await expect(card.getByTestId('mark.status')).toHaveText('Standpunktet er lagret.');
});

test('leaving with edits the server has not confirmed asks first; with everything saved it does not', async ({
  loginAs,
}) => {
  // Everything saved: the tab closes without asking.
  const saved = await loginAs(DEMO.kommune);
  await openDemoPlan(saved);
  await section(saved, SECTION);
  let asked = false;
  saved.on('dialog', (dialog) => {
    asked = true;
    void dialog.accept();
  });
  await saved.close({ runBeforeUnload: true });
  await expect.poll(() => saved.isClosed()).toBe(true);
  expect(asked).toBe(false);

  const page = await loginAs(DEMO.kommune);
  const network = await switchableNetwork(page);
  await openDemoPlan(page);
  const card = await section(page, SECTION);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.type());
    void dialog.dismiss(); // stay on the page
  });
  await network.down();
  await card.getByTestId('section.editor').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Ulagret tekst.');
  await expect(page.getByTestId('connection.status')).toHaveAttribute('data-state', 'offline');
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => dialogs).toEqual(['beforeunload']);
  expect(page.isClosed()).toBe(false);
});

test('scrolling through the plan without typing closes without asking; typing asks until the server confirms', async ({
  loginAs,
}) => {
  // The server's acknowledgements are held back: every editor that mounts while the reader scrolls
  // has synced, but its handshake stays unconfirmed, as it is for a moment when the tab is closed.
  const reader = await loginAs(DEMO.kommune);
  const { held: readerHeld } = await heldAcknowledgements(reader, () => true);
  await openDemoPlan(reader);
  const cards = reader.getByTestId('plan.section');
  const count = await cards.count();
  expect(count).toBeGreaterThan(10);
  for (let i = 0; i < count; i++) {
    await cards.nth(i).scrollIntoViewIfNeeded();
    await expect(cards.nth(i).locator('.section-editor')).toHaveAttribute('data-synced', 'true');
  }
  expect(readerHeld.length).toBeGreaterThanOrEqual(count);
  let asked = false;
  reader.on('dialog', (dialog) => {
    asked = true;
    void dialog.accept();
  });
  await reader.close({ runBeforeUnload: true });
  await expect.poll(() => reader.isClosed()).toBe(true);
  expect(asked).toBe(false);

  const writer = await loginAs(DEMO.kommune);
  let holding = false;
  const { held: writerHeld } = await heldAcknowledgements(writer, () => holding);
  await openDemoPlan(writer);
  const card = await section(writer, SECTION);
  await expect(writer.getByTestId('connection.status')).toHaveAttribute('data-unsynced', '0');
  holding = true;
  const dialogs: string[] = [];
  writer.on('dialog', (dialog) => {
    dialogs.push(dialog.type());
    void dialog.dismiss(); // stay on the page
  });
  await card.getByTestId('section.editor').click();
  await writer.keyboard.press('Control+End');
  await writer.keyboard.type(' Ikke bekreftet ennå.');
  await expect(writer.getByTestId('connection.status')).not.toHaveAttribute('data-unsynced', '0');
  await writer.close({ runBeforeUnload: true });
  await expect.poll(() => dialogs).toEqual(['beforeunload']);
  expect(writer.isClosed()).toBe(false);

  // The server confirms: now the tab closes without asking.
  holding = false;
  for (const release of writerHeld.splice(0)) release();
  await expect(writer.getByTestId('connection.status')).toHaveAttribute('data-unsynced', '0');
  await writer.close({ runBeforeUnload: true });
  await expect.poll(() => writer.isClosed()).toBe(true);
  expect(dialogs).toEqual(['beforeunload']);
});
