/* global process */
// One fresh isolate's first render: a new Node process loads the Worker's bundle (start-up, not
// timed: the Workers runtime does that before the first request), then the CPU time of rendering
// one card, as a cache miss on a freshly started isolate pays it. Prints one JSON number (ms).
import { cardBytes, cardFrom, cardSpec, createRegistry } from '../src/card';
import { widgets } from '../widgets';
import { benchCard } from './cards.mjs';
import seedUsbp from '../seed/sw-usbp.json';
import { config as zodConfig } from 'zod';

// workerd forbids eval, so zod validates without compiling parsers there; do the same here.
zodConfig({ jitless: true });

const stored = {
  version: '000001-0123456789ab',
  writtenAt: '2026-09-15T12:00:00.000Z',
  vintage: 'x',
  series: seedUsbp,
};
const registry = createRegistry(widgets);
const widget = process.env.BENCH_WIDGET ?? 'trend';
// A breakdown widget's family (22 or 48 members) is built before the clock starts: in the Worker
// those are KV reads, not render CPU.
const family = registry.get(widget)?.family ? benchCard(registry, widget) : null;
const t = process.cpuUsage();
await cardBytes(
  family ?? cardFrom(cardSpec(registry, { series: 'sw-usbp', widget, query: {}, output: 'svg' }), () => stored),
  'B',
);
const d = process.cpuUsage(t);
process.stdout.write(JSON.stringify((d.user + d.system) / 1000));
