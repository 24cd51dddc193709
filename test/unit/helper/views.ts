import { fireEvent, screen, within } from '@testing-library/preact';

/**
 * The helper's views as a person moves between them: "New preset" opens an empty form, a card's
 * Edit (Open, for an organization's preset) opens that preset, "All presets" goes home.
 */

/** From the home view, the edit view of a new, empty preset; resolves to its Token name box. */
export async function startNewPreset(): Promise<HTMLElement> {
  fireEvent.click(await screen.findByRole('button', { name: 'New preset' }));
  return screen.findByRole('textbox', { name: 'Token name' });
}

/** The home view's card of the preset `name`. */
export const presetCard = (name: string): Promise<HTMLElement> =>
  screen.findByRole('article', { name });

/** Opens the preset `name` from its card (from the edit view: home first), in the edit view. */
export async function openPreset(name: string): Promise<void> {
  const home = screen.queryByRole('button', { name: 'All presets' });
  if (home) fireEvent.click(home);
  const card = await presetCard(name);
  fireEvent.click(within(card).getByRole('button', { name: /^(Edit|Open|編集|開く)$/ }));
  await screen.findByRole('textbox', { name: /^(Token name|トークン名)$/ });
}

/** Back to the home view from the edit view. */
export async function goHome(): Promise<void> {
  fireEvent.click(await screen.findByRole('button', { name: 'All presets' }));
  await screen.findByRole('button', { name: 'New preset' });
}

/** The home view is shown (presets loaded). */
export const homeShown = () => screen.findByRole('button', { name: 'New preset' });
