import { Hono } from 'hono';
import type { AppEnv } from '../types';

/** Gallery and embed-code builder at / (issue 5). */
export const gallery = new Hono<AppEnv>();
