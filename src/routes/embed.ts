import { Hono } from 'hono';
import type { AppEnv } from '../types';

/** Embed pages for iframes (issue 5). */
export const embed = new Hono<AppEnv>();
