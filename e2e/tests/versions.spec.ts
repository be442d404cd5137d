import { DEMO, editorText, expect, openDemoPlan, section, test } from '../fixtures/app.js';
import { seriousViolations } from '../fixtures/axe.js';

const SECTION = 'Kunnskapsgrunnlag og utfordringsbilde'; // owned by Demo kommune and Demo HF
const ADDED = 'Et avsnitt skrevet etter styremøtet.';

test('the sekretariat names a version; an owner edits, reads the history and brings the named text back', async ({
  loginAs,
}) => {
  test.slow();
  const sekretariat = await loginAs(DEMO.sekretariat);
  await openDemoPlan(sekretariat);
  const planUrl = sekretariat.url();

  await test.step('the sekretariat names the plan as it is', async () => {
    await sekretariat.getByTestId('plan.versions').click();
    await expect(sekretariat.getByTestId('versions.page')).toBeVisible();
    await sekretariat.getByLabel('Navn på versjonen').fill('Versjon til styremøtet 12.03.2027');
    await sekretariat.getByTestId('versions.save').click();
    await expect(sekretariat.getByTestId('versions.saved')).toContainText('Versjon til styremøtet 12.03.2027');
    await expect(sekretariat.getByTestId('versions.row')).toHaveCount(1);
    expect(await seriousViolations(sekretariat)).toEqual([]);
  });

  const kommune = await loginAs(DEMO.kommune);
  await openDemoPlan(kommune);
  const card = await section(kommune, SECTION);
  const before = await editorText(card);
  await test.step('an owner edits the section', async () => {
    await card.getByTestId('section.editor').click();
    await kommune.keyboard.press('Control+End');
    await kommune.keyboard.press('Enter');
    await kommune.keyboard.type(ADDED, { delay: 10 });
    await expect.poll(() => editorText(card)).toContain(ADDED);
  });

  await test.step('the history names who edited, and shows the text after each session', async () => {
    await expect(async () => {
      await kommune.goto(planUrl);
      await kommune.getByRole('link', { name: `Historikk for 3 ${SECTION}` }).click();
      await expect(kommune.getByTestId('history.session').first()).toContainText('Demo kommune, Kari Nordmann', {
        timeout: 2_000,
      });
    }).toPass();
    await kommune.getByTestId('history.show').first().click();
    await expect(kommune.getByTestId('history.text')).toContainText(ADDED);
    expect(await seriousViolations(kommune)).toEqual([]);
  });

  await test.step('the owner opens the version read-only and restores the section from it', async () => {
    await kommune.goto(planUrl);
    await kommune.getByTestId('plan.versions').click();
    await kommune.getByRole('link', { name: 'Åpne versjonen Versjon til styremøtet 12.03.2027' }).click();
    await expect(kommune.getByTestId('version.title')).toHaveText('Versjon til styremøtet 12.03.2027');
    const kept = kommune.getByTestId('version.section').filter({ hasText: SECTION });
    await expect(kept).not.toContainText(ADDED);
    expect(await seriousViolations(kommune)).toEqual([]);
    await kept.getByTestId('version.restore').click();
    await kommune.getByTestId('version.restore-dialog').getByRole('button', { name: 'Hent tilbake' }).click();
    await expect(kommune.getByTestId('version.restored')).toBeVisible();
    // Nothing left to restore: the text is the version's again.
    await expect(kept.getByTestId('version.restore')).toHaveCount(0);
  });

  await test.step('everyone reading the plan sees the text as it was', async () => {
    await sekretariat.goto(planUrl);
    const seen = await section(sekretariat, SECTION);
    await expect.poll(() => editorText(seen)).toBe(before);
  });
});
