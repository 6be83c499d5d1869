import { Hono } from 'hono';
import type { AppEnv } from '../types';

/** Script embed /embed.js (issue 5). */
export const embedjs = new Hono<AppEnv>();
