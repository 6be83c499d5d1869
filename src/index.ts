import { widgets } from '../widgets';
import { createApp } from './app';
import { createQueue, type Job } from './jobs';
import { scheduled } from './scheduled';

/** The Worker: the HTTP app with every registered widget, the cron refresh and the queue of work after writes. */
export default {
  fetch: createApp(widgets).fetch,
  scheduled,
  queue: createQueue(widgets),
} satisfies ExportedHandler<Env, Job>;

/** The only writer (src/writer/object.ts), a Durable Object. */
export { Writer } from './writer/object';
