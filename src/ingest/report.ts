import type { ImportReport } from './import';

const fmt = (n: number): string => n.toLocaleString('en-US');
/** Revisions listed one by one per series before the rest are counted. */
const MAX_LISTED = 12;

/** The change report as text: what the API's `summary`, the cron log and the command line print. */
export function formatReport(r: Omit<ImportReport, 'summary'>): string[] {
  const lines = [
    `${r.dryRun ? 'DRY RUN — nothing written. ' : ''}${r.layout} layout, ${fmt(r.rows)} rows, ${r.months.count} months ${r.months.first} … ${r.months.last}; vintage "${r.vintage}"`,
  ];
  if (r.families.length)
    lines.push(
      `${r.families.length} breakdowns: ${r.families.map((f) => `${f.parent} by ${f.dimension} (${f.members})`).join(', ')}`,
    );
  if (r.created.length) lines.push(`creates ${r.created.length} new series`);
  for (const m of r.merged) lines.push(`merged labels into ${m.id}: ${m.labels.map((l) => `"${l}"`).join(', ')}`);
  for (const l of r.relabelled)
    lines.push(`read ${fmt(l.rows)} row(s) of ${l.dimension} "${l.from}" as "${l.to}" (${l.why})`);
  for (const id of r.notNamed)
    lines.push(`${id}: not named in this file (CBP groups it under Other in this release); left as it was`);
  for (const s of r.series) {
    const kept = s.kept.length
      ? `; kept ${s.kept.length} month(s) where the series holds a later release (${s.kept
          .slice(0, 3)
          .map((k) => `${k.period}: stored ${fmt(k.stored)}, file ${fmt(k.file)}`)
          .join('; ')}${s.kept.length > 3 ? '; …' : ''})`
      : '';
    if (s.status === 'unchanged') {
      lines.push(`${s.id}: unchanged (${s.previousVersion ?? 'no version'})${kept}`);
      continue;
    }
    const verb = r.dryRun ? (s.status === 'created' ? 'would be created' : 'would change') : s.status;
    const to = s.version ? ` → ${s.version}` : '';
    const fields = s.fields ? `; set ${s.fields.join(', ')}` : '';
    lines.push(
      `${s.id}: ${verb} (${s.previousVersion ?? 'new'}${to}): ${s.added.length} months added, ${s.revised.length} revised${kept}${fields}`,
    );
    if (s.added.length) lines.push(`  added ${s.added[0]!.period} … ${s.added.at(-1)!.period}`);
    for (const v of s.revised.slice(0, MAX_LISTED)) lines.push(`  revised ${v.period}: ${fmt(v.old)} → ${fmt(v.new)}`);
    if (s.revised.length > MAX_LISTED) lines.push(`  … and ${s.revised.length - MAX_LISTED} more revisions`);
  }
  return lines;
}
