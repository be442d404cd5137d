import type { Locator, Page } from '@playwright/test';
import { seriousViolations } from '../fixtures/axe.js';
import { DEMO, editorText, expect, openDemoPlan, section, test } from '../fixtures/app.js';

const SECTION = 'Kunnskapsgrunnlag og utfordringsbilde'; // owned by Demo kommune and Demo HF

/** Kari Nordmann (Demo kommune) with the caret at the end of an editable section, by keyboard. */
async function atEndOfSection(loginAs: (email: string) => Promise<Page>) {
  const page = await loginAs(DEMO.kommune);
  await openDemoPlan(page);
  const card = await section(page, SECTION);
  await expect(card.locator('.section-editor')).toHaveAttribute('data-editable', 'true');
  await card.getByTestId('section.editor').focus();
  await page.keyboard.press('Control+End');
  return { page, card, toolbar: card.getByRole('toolbar', { name: 'Formatering' }) };
}

const button = (toolbar: Locator, name: string) => toolbar.getByRole('button', { name, exact: true });

test('the toolbar is one tab stop with arrow keys, Home and End; undo and redo; the shortcut list', async ({
  loginAs,
}) => {
  const { page, card, toolbar } = await atEndOfSection(loginAs);

  await test.step('one tab stop, arrows wrap, Home and End', async () => {
    await expect(toolbar.locator('button[tabindex="0"]')).toHaveCount(1);
    await page.keyboard.press('Shift+Tab');
    await expect(button(toolbar, 'Angre')).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(button(toolbar, 'Gjør om')).toBeFocused();
    await page.keyboard.press('End');
    await expect(button(toolbar, 'Hurtigtaster')).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(button(toolbar, 'Angre')).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await expect(button(toolbar, 'Hurtigtaster')).toBeFocused();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(button(toolbar, 'Fet')).toBeFocused();
    // The toolbar remembers the button last used: still one tab stop, now on «Fet».
    await expect(toolbar.locator('button[tabindex="0"]')).toHaveCount(1);
    await expect(button(toolbar, 'Fet')).toHaveAttribute('tabindex', '0');
    // Tab leaves the toolbar for the text; Shift+Tab comes back to the same button.
    await page.keyboard.press('Tab');
    await expect(card.getByTestId('section.editor')).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(button(toolbar, 'Fet')).toBeFocused();
  });

  await test.step('the shortcut list opens from «?», is accessible, and closes back to its button', async () => {
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    const dialog = card.getByTestId('toolbar.shortcuts-dialog');
    await expect(dialog.getByRole('heading', { name: 'Hurtigtaster' })).toBeVisible();
    for (const row of ['Ctrl + B', 'Ctrl + I', 'Ctrl + Z', 'Ctrl + Shift + Z', 'Ctrl + K', 'Alt + F10']) {
      await expect(dialog.getByRole('cell', { name: row })).toBeVisible();
    }
    await expect(dialog.getByRole('row', { name: /Ctrl \+ K Lenke/ })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(dialog).not.toBeVisible();
    await expect(button(toolbar, 'Hurtigtaster')).toBeFocused();
  });

  await test.step('undo and redo from the toolbar', async () => {
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Angretest fra verktøylinjen.');
    const typed = await editorText(card);
    expect(typed).toContain('Angretest fra verktøylinjen.');
    await expect(button(toolbar, 'Angre')).not.toHaveAttribute('aria-disabled', 'true');

    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Home');
    await expect(button(toolbar, 'Angre')).toBeFocused();
    await page.keyboard.press('Enter');
    // One step back: the history groups typing by pauses, so part or all of it goes.
    await expect.poll(async () => (await editorText(card)).length).toBeLessThan(typed.length);
    expect(typed.startsWith(await editorText(card))).toBe(true);
    await expect(card.getByTestId('section.editor')).toBeFocused();

    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('ArrowRight');
    await expect(button(toolbar, 'Gjør om')).toBeFocused();
    await page.keyboard.press('Enter');
    // Redo brings back exactly what undo took, however the history grouped the typing.
    await expect.poll(() => editorText(card)).toBe(typed);
  });
});

test('links go through a labelled dialog: www.… becomes https, javascript: is refused, a link can be removed', async ({
  loginAs,
}) => {
  const { page, card, toolbar } = await atEndOfSection(loginAs);
  const dialog = card.getByTestId('toolbar.link-dialog');
  const url = dialog.getByLabel('Adresse (URL)');

  await page.keyboard.press('Enter');
  await page.keyboard.type('Les mer hos helsefellesskapet');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.press('Control+k');
  await expect(dialog.getByRole('heading', { name: 'Lenke' })).toBeVisible();
  await expect(url).toBeFocused();

  await page.keyboard.type('javascript:alert(document.cookie)');
  await page.keyboard.press('Enter');
  await expect(dialog.getByText('Adressen må være en nettadresse (https://…) eller en e-postadresse.')).toBeVisible();
  await expect(url).toHaveAttribute('aria-invalid', 'true');
  await expect(url).toBeFocused();
  expect(await seriousViolations(page)).toEqual([]);
  await expect(card.getByTestId('section.editor').locator('a')).toHaveCount(0);

  await page.keyboard.press('Control+a');
  await page.keyboard.type('www.example.no');
  await page.keyboard.press('Enter');
  await expect(dialog).not.toBeVisible();
  const link = card.getByTestId('section.editor').locator('a[href="https://www.example.no"]');
  await expect(link).toHaveText('Les mer hos helsefellesskapet');
  await expect(card.getByTestId('section.editor')).toBeFocused();

  // The toolbar's link button shows the link and offers to remove it.
  await page.keyboard.press('Alt+F10');
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(button(toolbar, 'Lenke')).toBeFocused();
  await expect(button(toolbar, 'Lenke')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Enter');
  await expect(url).toBeFocused();
  await expect(url).toHaveValue('https://www.example.no');
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Fjern lenke' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).not.toBeVisible();
  await expect(card.getByTestId('section.editor').locator('a')).toHaveCount(0);
  expect(await editorText(card)).toContain('Les mer hos helsefellesskapet');
});

test('table rows and columns are added and deleted from labelled controls that show only in a table', async ({
  loginAs,
}) => {
  const { page, card, toolbar } = await atEndOfSection(loginAs);
  const table = card.getByTestId('section.editor').locator('table');
  const rows = table.locator('tr');
  const firstRowCells = rows.first().locator('th, td');
  await expect(button(toolbar, 'Sett inn rad over')).toHaveCount(0);

  await page.keyboard.press('Enter');
  await page.keyboard.press('Alt+F10');
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await expect(button(toolbar, 'Sett inn tabell')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(rows).toHaveCount(3);
  await expect(firstRowCells).toHaveCount(3);
  await expect(button(toolbar, 'Sett inn rad over')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // In a table Shift+Tab moves between cells: Alt+F10 is the way to the toolbar.
  const use = async (name: string, steps: number) => {
    await page.keyboard.press('Alt+F10');
    for (let i = 0; i < steps; i += 1) await page.keyboard.press('ArrowRight');
    await expect(button(toolbar, name)).toBeFocused();
    await page.keyboard.press('Enter');
  };
  await use('Sett inn rad under', 2); // from «Sett inn tabell», past «Sett inn rad over»
  await expect(rows).toHaveCount(4);
  await use('Sett inn kolonne til høyre', 2);
  await expect(firstRowCells).toHaveCount(4);
  await use('Slett rad', 1);
  await expect(rows).toHaveCount(3);
  await use('Slett kolonne', 1);
  await expect(firstRowCells).toHaveCount(3);
  await use('Slett tabell', 1);
  await expect(table).toHaveCount(0);
  await expect(button(toolbar, 'Sett inn rad over')).toHaveCount(0);
});
