import { DEMO, editorText, expect, openDemoPlan, section, test } from '../fixtures/app.js';

const SECTION = 'Kunnskapsgrunnlag og utfordringsbilde'; // owned by Demo kommune and Demo HF

test('two owners type into the same section at once and end with the same merged text', async ({ loginAs }) => {
  const kommune = await loginAs(DEMO.kommune);
  const hf = await loginAs(DEMO.hf);
  await Promise.all([openDemoPlan(kommune), openDemoPlan(hf)]);
  const [kommuneCard, hfCard] = await Promise.all([section(kommune, SECTION), section(hf, SECTION)]);
  await expect(kommuneCard.locator('.section-editor')).toHaveAttribute('data-editable', 'true');
  await expect(hfCard.locator('.section-editor')).toHaveAttribute('data-editable', 'true');

  // One starts at the beginning of the section, the other at its end; then both type together.
  await kommuneCard.getByTestId('section.editor').click();
  await kommune.keyboard.press('Control+Home');
  await hfCard.getByTestId('section.editor').click();
  await hf.keyboard.press('Control+End');
  await Promise.all([
    kommune.keyboard.type('Kommunen vil styrke hjemmetjenesten. ', { delay: 15 }),
    hf.keyboard.type(' HF vil etablere ambulante team.', { delay: 15 }),
  ]);

  // Both screens converge on one text that holds both contributions.
  await expect.poll(async () => (await editorText(kommuneCard)) === (await editorText(hfCard))).toBe(true);
  const merged = await editorText(kommuneCard);
  expect(merged).toContain('Kommunen vil styrke hjemmetjenesten.');
  expect(merged).toContain('HF vil etablere ambulante team.');
  await expect(kommune.getByTestId('connection.status')).toHaveAttribute('data-state', 'online');
  await expect(hf.getByTestId('connection.status')).toHaveAttribute('data-state', 'online');

  // Carets carry the other person's name in their party's colour (Demo HF red, Demo kommune blue).
  const hfCaret = kommuneCard.locator('.collaboration-carets__label', { hasText: 'Ola Hansen' });
  await expect(hfCaret).toBeVisible();
  await expect(hfCaret).toHaveCSS('background-color', 'rgb(165, 29, 45)');
  await expect(hfCard.locator('.collaboration-carets__label', { hasText: 'Kari Nordmann' })).toHaveCSS(
    'background-color',
    'rgb(26, 95, 180)',
  );

  // Presence: each sees the other in the section.
  await expect(kommuneCard.getByTestId('section.presence')).toContainText('Ola Hansen');
  await expect(hfCard.getByTestId('section.presence')).toContainText('Kari Nordmann');

  // A bruker sees the section read-only, with the reason, and typing changes nothing.
  const bruker = await loginAs(DEMO.bruker);
  await openDemoPlan(bruker);
  const brukerCard = await section(bruker, SECTION);
  await expect(brukerCard.getByTestId('section.readonly-notice')).toHaveText(
    'Bare Demo kommune og Demo HF kan redigere denne seksjonen.',
  );
  await expect(brukerCard.locator('.section-editor')).toHaveAttribute('data-editable', 'false');
  await expect(brukerCard.getByTestId('section.toolbar')).toHaveCount(0);
  await expect.poll(() => editorText(brukerCard)).toBe(merged);
  await brukerCard.getByTestId('section.editor').click();
  await bruker.keyboard.type('Brukerrådet prøver å skrive her.');
  await bruker.keyboard.press('Enter');
  await bruker.keyboard.press('Backspace');
  expect(await editorText(brukerCard)).toBe(merged);
  expect(await editorText(kommuneCard)).toBe(merged);

  // After a reload the text is still there, served by the server.
  await kommune.reload();
  const reloaded = await section(kommune, SECTION);
  await expect.poll(() => editorText(reloaded)).toBe(merged);
  const content = await kommune.request.get(`/api/sections/${await reloaded.getAttribute('data-section-id')}/content`);
  expect(((await content.json()) as { text: string }).text.replace(/\s+/g, ' ')).toBe(merged);
});

test('a long plan opens with only the editors near the screen mounted; the rest mount on scroll', async ({
  loginAs,
}) => {
  const page = await loginAs(DEMO.fastlege);
  await openDemoPlan(page);
  const last = page.getByTestId('plan.section').last();
  await expect(page.getByTestId('plan.section')).toHaveCount(14);
  await expect(page.getByTestId('plan.section').first().getByTestId('section.editor')).toBeVisible();
  await expect(last.getByTestId('section.editor')).toHaveCount(0);
  await last.scrollIntoViewIfNeeded();
  await expect(last.getByTestId('section.editor')).toBeVisible();
});
