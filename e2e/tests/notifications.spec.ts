import { seriousViolations } from '../fixtures/axe.js';
import { DEMO, expect, openDemoPlan, section, test } from '../fixtures/app.js';

const SECTION = 'Samarbeidsstruktur og organisering'; // owned by Demo kommune and Demo HF

test('a person @-mentioned is told live, in the header, and the notification opens the thread', async ({ loginAs }) => {
  const kari = await loginAs(DEMO.kommune);
  const ola = await loginAs(DEMO.hf);
  await Promise.all([openDemoPlan(kari), openDemoPlan(ola)]);
  const bell = ola.getByTestId('notifications.button');
  await expect(bell).toHaveAccessibleName('Varsler, ingen uleste');

  const card = await section(kari, SECTION);
  await card.getByTestId('section.comment').click();
  await card.getByTestId('thread.create.body').fill('Kan @Ola Hansen sjekke FSU-mandatet?');
  await card.getByTestId('thread.create.submit').click();
  await expect(card.getByTestId('thread')).toHaveCount(1);
  const threadId = await card.getByTestId('thread').getAttribute('data-thread-id');

  // Ola's open page shows it without reloading; Kari is not told of her own comment.
  await expect(bell).toHaveAccessibleName('Varsler, 1 ulest');
  await expect(ola.getByTestId('notifications.badge')).toHaveText('1');
  await expect(kari.getByTestId('notifications.button')).toHaveAccessibleName('Varsler, ingen uleste');

  await bell.click();
  const item = ola.getByTestId('notifications.item');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText(`Kari Nordmann (Demo kommune) nevnte deg i en kommentar i «${SECTION}».`);
  expect(await seriousViolations(ola)).toEqual([]);

  await item.getByRole('link').click();
  await expect(ola).toHaveURL(new RegExp(`#thread-${threadId}$`));
  const thread = ola.locator(`[data-thread-id="${threadId}"]`);
  await expect(thread).toBeInViewport();
  await expect(thread).toHaveClass(/thread--active/);
  await expect(bell).toHaveAccessibleName('Varsler, ingen uleste');
});
