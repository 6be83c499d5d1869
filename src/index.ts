import { widgets } from '../widgets';
import { createApp } from './app';
import { scheduled } from './scheduled';

/** The Worker: the HTTP app with every registered widget, and the cron refresh. */
export default {
  fetch: createApp(widgets).fetch,
  scheduled,
} satisfies ExportedHandler<Env>;

/** The only writer (src/writer/object.ts), a Durable Object. */
export { Writer } from './writer/object';
