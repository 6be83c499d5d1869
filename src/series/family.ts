import type { Series } from './schema';

/** One month of a family: what its members add up to, against what its parent holds. */
interface FamilyMonth {
  period: string;
  /** The members' sum: the parent as the members' own release has it. */
  total: number;
  /** The stored parent's value that month; null where the parent has no such month. */
  parent: number | null;
  /** `total − parent` (0 when they agree, and when there is no parent value). */
  diff: number;
  /**
   * - `exact`: the members add up to the parent;
   * - `revised`: they do not, and the parent's value comes from another release than the members'
   *   (CBP revised the month after the breakdown's release; the difference is that revision);
   * - `unexplained`: they do not, though both come from the same release (rows CBP suppressed or
   *   left out, or a series written by hand);
   * - `no-parent`: the parent has no value that month.
   */
  status: 'exact' | 'revised' | 'unexplained' | 'no-parent';
  /** Release keys (`src`) of the members' values that month, and of the parent's. */
  memberSources: string[];
  parentSource: string | null;
  /** Members without a value that month (a group CBP named only in other releases). */
  missing: string[];
}

interface FamilyCheck {
  /** The release(s) the members say they come from (`source.release`), so a card can name them. */
  releases: string[];
  months: FamilyMonth[];
  /** True when every month is `exact`. */
  exact: boolean;
}

/**
 * Checks a family (the members of one `parent` and `dimension`) against its parent, month by
 * month, for cards that show parts of a whole: a share is of `total` (the members' own release),
 * and a month whose `status` is not `exact` says so rather than mixing the parent's later release
 * in silently. Pure; the caller reads the series (one family is one read per member).
 */
export function familyCheck(parent: Series | null, members: readonly Series[]): FamilyCheck {
  const parentAt = new Map(parent?.points.map((p) => [p.period, p]) ?? []);
  const byMonth = new Map<string, { total: number; sources: Set<string>; present: Set<string> }>();
  for (const m of members)
    for (const p of m.points) {
      let month = byMonth.get(p.period);
      if (!month) byMonth.set(p.period, (month = { total: 0, sources: new Set(), present: new Set() }));
      month.total += p.value;
      month.sources.add(p.src ?? m.source.release);
      month.present.add(m.id);
    }
  const months = [...byMonth]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([period, { total, sources, present }]): FamilyMonth => {
      const pp = parentAt.get(period);
      const parentSource = pp ? (pp.src ?? parent!.source.release) : null;
      const status = !pp
        ? 'no-parent'
        : pp.value === total
          ? 'exact'
          : sources.has(parentSource!)
            ? 'unexplained'
            : 'revised';
      return {
        period,
        total,
        parent: pp ? pp.value : null,
        diff: pp ? total - pp.value : 0,
        status,
        memberSources: [...sources].sort(),
        parentSource,
        missing: members.filter((m) => !present.has(m.id)).map((m) => m.id),
      };
    });
  return {
    releases: [...new Set(members.map((m) => m.source.release))].sort(),
    months,
    exact: months.every((m) => m.status === 'exact'),
  };
}
