import { Hono } from 'hono';
import type { AppEnv } from '../types';

/** oEmbed 1.0 provider (issue 5). */
export const oembed = new Hono<AppEnv>();
