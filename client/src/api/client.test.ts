import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { api, ApiError } from './client.js';

// The i18n layer reads the browser's document; the language header is all the client needs of it.
vi.mock('../i18n/index.js', () => ({ currentLanguage: () => 'nb' }));

afterEach(() => vi.unstubAllGlobals());

function answer(status: number, body: unknown) {
  const fetch = vi.fn(async () => new Response(JSON.stringify(body), { status }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('api.command', () => {
  it('is typed by the domain command map: names, inputs and results', async () => {
    answer(200, { ok: true, revision: 'r1' });
    const locked = await api.command('sections.lock', { sectionId: 's1' });
    expectTypeOf(locked).toEqualTypeOf<{ ok: true; revision: string }>();
    expect(locked.revision).toBe('r1');

    // The compiler refuses what the server would refuse: unknown commands and wrong inputs.
    // @ts-expect-error not a command
    void api.command('sections.erase', { sectionId: 's1' }).catch(() => undefined);
    // @ts-expect-error a stance is one of the four
    void api.command('sections.mark', { sectionId: 's1', stance: 'maybe' }).catch(() => undefined);
    // @ts-expect-error unlocking needs a reason
    void api.command('sections.unlock', { sectionId: 's1' }).catch(() => undefined);
  });

  it('posts to /api/commands/<name> and turns an error body into an ApiError', async () => {
    const fetch = answer(409, { error: { code: 'not_in_consensus', message: 'Seksjonen kan bare låses …' } });
    const failure = await api.command('sections.lock', { sectionId: 's1' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 409, code: 'not_in_consensus' });
    expect(fetch).toHaveBeenCalledWith('/api/commands/sections.lock', expect.objectContaining({ method: 'POST' }));
  });
});
