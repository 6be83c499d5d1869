import { z } from 'zod';
import { CardOptions } from '../../src/render/options';

export const BadgeOptions = CardOptions.extend({
  /** Left-hand text; defaults to the series title. Plain printable text only, escaped on output. */
  label: z
    .string()
    .min(1)
    .max(40)
    .regex(/^[\p{L}\p{N} .,:()'’&/-]+$/u, "letters, digits, spaces and . , : ( ) ' & / - only")
    .optional(),
});
export type BadgeOptions = z.output<typeof BadgeOptions>;
