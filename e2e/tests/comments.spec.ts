import { DEMO, expect, highlightedText, openDemoPlan, section, selectText, test } from '../fixtures/app.js';

const SECTION = 'Samarbeidsstruktur og organisering'; // owned by Demo kommune and Demo HF
const SENTENCE = 'Fastleger og brukere er representert på alle nivåer.';

test('a bruker comments on a sentence of a kommune section; the highlight follows edits live; reply and resolve', async ({
  loginAs,
}) => {
  const kommune = await loginAs(DEMO.kommune);
  const bruker = await loginAs(DEMO.bruker);
  await Promise.all([openDemoPlan(kommune), openDemoPlan(bruker)]);
  const kommuneCard = await section(kommune, SECTION);
  const brukerCard = await section(bruker, SECTION);
  await expect(brukerCard.locator('.section-editor')).toHaveAttribute('data-editable', 'false');

  // The bruker cannot edit the section but can comment on its text.
  await selectText(brukerCard, SENTENCE);
  await brukerCard.getByTestId('section.comment').click();
  await expect(brukerCard.getByTestId('thread.new')).toContainText(SENTENCE);
  await brukerCard.getByTestId('thread.create.body').fill('Hvem representerer fastlegene i FSU? @Demo kommune');
  await brukerCard.getByTestId('thread.create.submit').click();
  await expect(brukerCard.getByTestId('thread')).toHaveCount(1);
  await expect.poll(() => highlightedText(brukerCard)).toBe(SENTENCE);

  // The kommune sees the thread and the highlight live, with counts in the header and contents.
  await expect(kommuneCard.getByTestId('thread')).toContainText('Hvem representerer fastlegene i FSU?');
  await expect.poll(() => highlightedText(kommuneCard)).toBe(SENTENCE);
  await expect(kommuneCard.getByTestId('section.open-threads')).toHaveText('1 åpen kommentar');
  await expect(
    kommune.getByTestId('toc.item').filter({ hasText: SECTION }).getByTestId('toc.open-threads'),
  ).toContainText('1');

  // The kommune types before the sentence, then splits the paragraph in front of it: the
  // highlight stays on the same sentence on both screens.
  await kommuneCard.getByTestId('section.editor').getByText('Fastleger og brukere', { exact: false }).click();
  await kommune.keyboard.press('Home');
  await kommune.keyboard.type('Viktig: ', { delay: 10 });
  await expect.poll(() => highlightedText(kommuneCard)).toBe(SENTENCE);
  await expect.poll(() => highlightedText(brukerCard)).toBe(SENTENCE);
  await kommune.keyboard.press('Enter');
  await kommune.keyboard.type('Ny linje foran. ', { delay: 10 });
  await expect.poll(() => highlightedText(kommuneCard)).toBe(SENTENCE);
  await expect.poll(() => highlightedText(brukerCard)).toBe(SENTENCE);
  await expect(brukerCard.getByTestId('section.editor')).toContainText('Viktig:');

  // Clicking the highlighted text makes the thread the active one.
  await kommuneCard.locator('.comment-highlight').first().click();
  await expect(kommuneCard.getByTestId('thread')).toHaveClass(/thread--active/);

  // The kommune replies, and resolves.
  await kommuneCard.getByTestId('thread.reply-open').click();
  await kommuneCard.getByTestId('thread.reply.body').fill('Praksiskonsulenten, se https://example.org/fsu');
  await kommuneCard.getByTestId('thread.reply.submit').click();
  await expect(brukerCard.getByTestId('comment')).toHaveCount(2);
  await expect(brukerCard.getByRole('link', { name: 'https://example.org/fsu' })).toHaveAttribute('rel', /noopener/);
  await kommuneCard.getByTestId('thread.resolve').click();

  // Resolved threads leave the default view and the highlight, everywhere; the filter brings them back.
  await expect(brukerCard.getByTestId('thread')).toHaveCount(0);
  await expect(brukerCard.locator('.comment-highlight')).toHaveCount(0);
  await expect(brukerCard.getByTestId('section.open-threads')).toHaveCount(0);
  await bruker.getByTestId('comments.filter').locator('label', { hasText: 'Løste' }).click();
  await expect(brukerCard.getByTestId('thread')).toHaveAttribute('data-status', 'resolved');
});

test('comment text is shown as inert text, never as HTML', async ({ loginAs }) => {
  const fastlege = await loginAs(DEMO.fastlege);
  await openDemoPlan(fastlege);
  let alerted = false;
  fastlege.on('dialog', (dialog) => {
    alerted = true;
    void dialog.dismiss();
  });
  const card = await section(fastlege, 'Barn og unge');
  const payload = '<img src=x onerror="alert(1)"><b>fet?</b>';
  await card.getByTestId('section.comment').click();
  await card.getByTestId('thread.create.body').fill(payload);
  await card.getByTestId('thread.create.submit').click();
  const thread = card.getByTestId('thread');
  await expect(thread).toContainText(payload);
  await expect(thread.locator('img')).toHaveCount(0);
  await expect(thread.locator('b')).toHaveCount(0);
  await expect(thread).toContainText('Gjelder hele seksjonen');
  expect(alerted).toBe(false);
});
