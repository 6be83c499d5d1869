// Cards as the pipeline builds them for a URL, from series in hand (no KV in the timed part). A
// breakdown widget (rank, share, map) gets a family the size of the real ones: 22 members (the
// nationwide citizenships), or 48 states for the map, each a scaled copy of the Border Patrol series.
import { cardFrom, cardSpec, expandFamily } from '../src/card';
import { TILES } from '../widgets/map/tiles';
import seedTotal from '../seed/sw-total.json';
import seedUsbp from '../seed/sw-usbp.json';

const at = (series) => ({
  version: '000001-0123456789ab',
  writtenAt: '2026-09-15T12:00:00.000Z',
  vintage: series.source.release,
  series,
});
export const stored = at(seedTotal);

function family(dimension) {
  const codes =
    dimension === 'state' ? Object.keys(TILES).slice(0, 48) : Array.from({ length: 22 }, (_, i) => `Group ${i + 1}`);
  return codes.map((member, i) =>
    at({
      ...seedUsbp,
      id: `sw-total-${dimension}-m${i}`,
      title: `Member ${member}`,
      parent: 'sw-total',
      dimension,
      member,
      points: seedUsbp.points.map((p) => ({ ...p, value: Math.round((p.value * (i + 1)) / 300) })),
    }),
  );
}

export function benchCard(registry, widget, output = 'svg', query = {}) {
  const spec = cardSpec(registry, { series: stored.series.id, widget, query, output });
  const byId = new Map([[stored.series.id, stored]]);
  if (spec.family) {
    const members = family(spec.family);
    for (const m of members) byId.set(m.series.id, m);
    expandFamily(
      spec,
      members.map((m) => ({ id: m.series.id, parent: 'sw-total', dimension: spec.family })),
    );
  }
  return cardFrom(spec, (id) => byId.get(id));
}
