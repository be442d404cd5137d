import { z } from 'zod';

/**
 * Ids of plans, sections, threads and comments: opaque tokens of letters, digits, `-` and `_`.
 * Document names, route parameters and command inputs all accept exactly this.
 */
export const ID_CHARACTERS = '[A-Za-z0-9_-]{1,64}';
export const ID_PATTERN = new RegExp(`^${ID_CHARACTERS}$`);
export const idSchema = z.string().regex(ID_PATTERN);
