import { Hono } from 'hono';
import type { AppEnv } from '../types';

/** Read API: catalog, series, CSV, versions (issue 3). */
export const api = new Hono<AppEnv>();
