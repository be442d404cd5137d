import type { Locator, Page } from '@playwright/test';
import { editorText, expect, section, test } from '../fixtures/app.js';
import { seriousViolations } from '../fixtures/axe.js';

// An empty installation, as a helsefellesskap gets it: no demo data, only the setup link.
test.use({ demo: false });

const PARTNERSHIP = 'Helsefellesskap Innlandet';
const ADMIN = { name: 'Siri Sekretær', email: 'siri.sekretaer@innlandet.example', password: 'lang-og-trygg-2027' };
const KOMMUNE = 'Helseregion Hadeland (3 kommuner)';
const HF = 'Sykehuset Innlandet HF';
const INVITED = { name: 'Kari Nordmann', email: 'kari.nordmann@gran.example', password: 'hadeland-skriver-2027' };
const PLAN = 'Felles utviklingsplan 2027–2030';

/** The titles of the structure page's sections, in the order shown. */
async function structureTitles(page: Page): Promise<string[]> {
  return page.getByTestId('structure.title').allTextContents();
}

/** One section's row on the structure page. */
function structureRow(page: Page, title: string): Locator {
  return page
    .getByTestId('structure.section')
    .filter({ has: page.getByTestId('structure.title').getByText(title, { exact: true }) });
}

test('a helsefellesskap goes from an empty install to writing its own plan', async ({
  page: admin,
  context: adminContext,
  setupPath,
  newPerson,
  baseURL,
}) => {
  test.setTimeout(180_000);

  await test.step('the setup link creates the helsefellesskap and its first administrator', async () => {
    await admin.goto(setupPath);
    await expect(admin.getByRole('heading', { name: 'Sett opp Fellesplan' })).toBeVisible();
    expect(await seriousViolations(admin)).toEqual([]);
    await admin.getByLabel('Navn på helsefellesskapet').fill(PARTNERSHIP);
    await admin.getByLabel('Ditt navn').fill(ADMIN.name);
    await admin.getByLabel('E-postadresse').fill(ADMIN.email);
    // Too short first: the form says so at the field, before anything is sent.
    await admin.getByLabel('Velg passord').fill('kort');
    await admin.getByRole('button', { name: 'Opprett helsefellesskapet' }).click();
    await expect(admin.getByText('Passordet må ha minst 10 tegn.')).toBeVisible();
    await expect(admin.getByLabel('Velg passord')).toBeFocused();
    await admin.getByLabel('Velg passord').fill(ADMIN.password);
    await admin.getByRole('button', { name: 'Opprett helsefellesskapet' }).click();
    await expect(admin.getByRole('heading', { name: `Administrasjon – ${PARTNERSHIP}` })).toBeVisible();
    await expect(admin.getByTestId('app.nav.admin')).toBeVisible();
  });

  await test.step('two parties: a helseregion of three kommuner and the HF', async () => {
    const form = admin.getByTestId('parties.create');
    await form.getByLabel('Navn', { exact: true }).fill(KOMMUNE);
    await form.getByLabel('Type part').selectOption('kommune');
    await form.getByLabel('Beskrivelse (valgfritt)').fill('Gran, Lunner og Jevnaker');
    await form.getByRole('button', { name: 'Opprett part' }).click();
    await expect(admin.getByTestId('parties.status')).toHaveText(`Parten «${KOMMUNE}» er opprettet.`);

    // A mistyped organisation number is caught by its check digit (mod 11).
    await form.getByLabel('Navn', { exact: true }).fill(HF);
    await form.getByLabel('Type part').selectOption('helseforetak');
    await form.getByLabel('Organisasjonsnummer (valgfritt)').fill('983 971 769');
    await form.getByRole('button', { name: 'Opprett part' }).click();
    await expect(form.getByText('Organisasjonsnummeret må ha ni sifre med riktig kontrollsiffer.')).toBeVisible();
    await form.getByLabel('Organisasjonsnummer (valgfritt)').fill('983 971 768');
    await form.getByRole('button', { name: 'Opprett part' }).click();
    await expect(admin.getByTestId('parties.status')).toHaveText(`Parten «${HF}» er opprettet.`);

    const rows = admin.getByTestId('parties.row');
    await expect(rows.filter({ hasText: KOMMUNE })).toContainText('Kommune');
    await expect(rows.filter({ hasText: HF })).toContainText('983971768');
    await expect(rows.filter({ hasText: 'Sekretariat' })).toHaveCount(1);
    expect(await seriousViolations(admin)).toEqual([]);
  });

  let invitationPath = '';
  await test.step('an invitation into the helseregion, its link copied', async () => {
    await adminContext.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL ?? '' });
    await admin.getByRole('link', { name: 'Personer og invitasjoner' }).click();
    const form = admin.getByTestId('invitations.create');
    await form.getByLabel('Navn', { exact: true }).fill(INVITED.name);
    await form.getByLabel('E-postadresse').fill(INVITED.email);
    await form.getByLabel('Part').selectOption({ label: `${KOMMUNE} (Kommune)` });
    await expect(form.getByLabel('Rolle')).toHaveValue('member');
    await form.getByRole('button', { name: 'Lag invitasjon' }).click();

    const created = admin.getByTestId('invitations.created');
    await expect(created).toContainText(`Invitasjonen til ${INVITED.name} er laget`);
    const url = await admin.getByTestId('invitations.url').inputValue();
    expect(url).toMatch(/\/invite\/[A-Za-z0-9_-]+$/);
    invitationPath = new URL(url).pathname;
    await created.getByRole('button', { name: 'Kopier lenken' }).click();
    await expect(created.getByText('Lenken er kopiert.')).toBeVisible();
    expect(await admin.evaluate(() => navigator.clipboard.readText())).toBe(url);
    await expect(admin.getByTestId('invitations.row').filter({ hasText: INVITED.email })).toHaveAttribute(
      'data-status',
      'pending',
    );
    expect(await seriousViolations(admin)).toEqual([]);
  });

  const invited = await newPerson();
  await test.step('the invited person accepts in a browser of their own', async () => {
    await invited.goto(invitationPath);
    const facts = invited.getByTestId('invite.facts');
    await expect(facts).toContainText(PARTNERSHIP);
    await expect(facts).toContainText(KOMMUNE);
    await expect(facts).toContainText('Medlem');
    expect(await seriousViolations(invited)).toEqual([]);
    await expect(invited.getByLabel('Ditt navn')).toHaveValue(INVITED.name);
    await invited.getByLabel('Velg passord').fill(INVITED.password);
    await invited.getByRole('button', { name: 'Godta invitasjonen' }).click();
    await expect(invited.getByRole('heading', { name: 'Mine planer' })).toBeVisible();
    // A member is offered no administration.
    await expect(invited.getByTestId('app.nav.admin')).toHaveCount(0);

    // The link was single use.
    const again = await newPerson();
    await again.goto(invitationPath);
    await expect(again.getByTestId('invite.unusable')).toContainText('Invitasjonen er allerede brukt.');
  });

  await test.step('a plan from the default template, with every party taking part', async () => {
    await admin.reload();
    await expect(admin.getByTestId('invitations.row').filter({ hasText: INVITED.email })).toHaveAttribute(
      'data-status',
      'accepted',
    );
    await admin.getByTestId('admin.tab.plans').click();
    const form = admin.getByTestId('adminPlans.create');
    await form.getByLabel('Tittel').fill(PLAN);
    await form.getByLabel('Forum').selectOption('ssu');
    await form.getByLabel('Periode (valgfritt)').fill('2027–2030');
    await expect(form.getByLabel('Standardmal')).toBeChecked();
    await expect(form.getByLabel(`${KOMMUNE} (Kommune)`)).toBeChecked();
    await expect(form.getByLabel(`${HF} (Helseforetak)`)).toBeChecked();
    await form.getByRole('button', { name: 'Opprett plan' }).click();

    await expect(admin.getByRole('heading', { name: `Struktur og eiere – ${PLAN}` })).toBeVisible();
    await expect(admin.getByTestId('structure.section')).toHaveCount(14);
    expect((await structureTitles(admin)).slice(4, 8)).toEqual([
      'Barn og unge',
      'Personer med alvorlige psykiske lidelser og rusproblemer',
      'Skrøpelige eldre',
      'Personer med flere kroniske lidelser',
    ]);
    expect(await seriousViolations(admin)).toEqual([]);
  });

  let barnOgUnge: Locator | null = null;
  await test.step('the invited person opens the plan and may write in "Barn og unge"', async () => {
    await invited.goto('/plans');
    await invited.getByTestId('plans.item').filter({ hasText: PLAN }).click();
    await expect(invited.getByTestId('plan.meta')).toHaveText('Strategisk samarbeidsutvalg (SSU) · 2027–2030');
    barnOgUnge = await section(invited, 'Barn og unge');
    await expect(barnOgUnge.locator('.section-editor')).toHaveAttribute('data-editable', 'true');
  });

  await test.step('sections reordered with the keyboard, and the open plan follows', async () => {
    const handle = admin.getByRole('button', { name: 'Flytt Skrøpelige eldre', exact: true });
    await handle.focus();
    await admin.keyboard.press('Space');
    await expect(structureRow(admin, 'Skrøpelige eldre')).toHaveAttribute('data-dragging', 'true');
    await admin.keyboard.press('ArrowUp');
    await expect(admin.locator('[id^="DndLiveRegion"]')).toContainText('«Skrøpelige eldre» er over plass 6 av 14.');
    await admin.keyboard.press('Space');
    await expect(admin.getByTestId('structure.status')).toHaveText('«Skrøpelige eldre» er flyttet til plass 6 av 14.');
    expect((await structureTitles(admin)).slice(4, 7)).toEqual([
      'Barn og unge',
      'Skrøpelige eldre',
      'Personer med alvorlige psykiske lidelser og rusproblemer',
    ]);

    // The explicit button does the same, and keeps focus where the user is.
    const down = admin.getByRole('button', { name: 'Flytt ned Innledning og mandat' });
    await down.click();
    await expect(admin.getByTestId('structure.status')).toHaveText(
      '«Innledning og mandat» er flyttet til plass 2 av 14.',
    );
    await expect(down).toBeFocused();
    expect((await structureTitles(admin)).slice(0, 2)).toEqual([
      'Nasjonale og lokale føringer',
      'Innledning og mandat',
    ]);

    // The invited person's open plan shows the new order, live.
    const toc = invited.getByTestId('toc.item');
    await expect(toc.nth(0)).toContainText('Nasjonale og lokale føringer');
    await expect(toc.nth(5)).toContainText('Skrøpelige eldre');
  });

  await test.step('an owner removed while the owner has the section open: their editor turns read-only', async () => {
    const row = structureRow(admin, 'Barn og unge');
    await row.getByText('Eiere, stillingtaking og pasientgrupper for Barn og unge').click();
    await row.getByTestId('structure.owners').getByLabel(KOMMUNE).uncheck();
    await row.getByTestId('structure.tags').getByLabel('Barn og unge').check();
    await row.getByRole('button', { name: 'Lagre', exact: true }).click();
    await expect(admin.getByTestId('structure.status')).toHaveText('Endringene i «Barn og unge» er lagret.');
    await expect(row.getByTestId('structure.owner-list')).toHaveText(HF);

    if (!barnOgUnge) throw new Error('section not open');
    const card: Locator = barnOgUnge;
    await expect(card.locator('.section-editor')).toHaveAttribute('data-editable', 'false');
    await expect(card.getByTestId('section.readonly-notice')).toHaveText(`Bare ${HF} kan redigere denne seksjonen.`);
    await expect(card.getByTestId('section.tags')).toHaveText('Barn og unge');
  });

  await test.step('the invited person writes in a section their party still owns', async () => {
    const card = await section(invited, 'Kunnskapsgrunnlag og utfordringsbilde');
    await expect(card.locator('.section-editor')).toHaveAttribute('data-editable', 'true');
    await card.getByTestId('section.editor').click();
    await invited.keyboard.type('Hadeland har om lag 30 000 innbyggere i tre kommuner.');
    await expect(invited.getByTestId('connection.status')).toHaveAttribute('data-state', 'online');
    const sectionId = await card.getAttribute('data-section-id');
    // Stored on the server, as every other member will read it.
    await expect
      .poll(async () => {
        const content = (await (await admin.request.get(`/api/sections/${sectionId}/content`)).json()) as {
          text: string;
        };
        return content.text;
      })
      .toContain('Hadeland har om lag 30 000 innbyggere i tre kommuner.');
    expect(await editorText(card)).toContain('Hadeland har om lag 30 000 innbyggere');
  });

  await test.step('the profile: written form saved for every device, and signing out everywhere', async () => {
    await invited.getByTestId('app.nav.profile').click();
    await expect(invited.getByRole('heading', { name: 'Profilen din' })).toBeVisible();
    await expect(invited.getByTestId('profile.party')).toHaveText(KOMMUNE);
    expect(await seriousViolations(invited)).toEqual([]);
    await invited.getByTestId('profile.language').getByLabel('Nynorsk').check();
    await invited.getByRole('button', { name: 'Lagre profilen' }).click();
    await expect(invited.getByTestId('profile.saved')).toHaveText('Profilen er lagra.');
    await expect(invited.locator('html')).toHaveAttribute('lang', 'nn');

    await invited.getByRole('button', { name: 'Logg ut overalt' }).click();
    await expect(invited.getByRole('heading', { name: 'Logg inn' })).toBeVisible();
    await invited.goto('/plans');
    await expect(invited.getByRole('heading', { name: 'Logg inn' })).toBeVisible();
  });
});
