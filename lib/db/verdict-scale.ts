// The verdict scale as the desk configured it (decision 032). Every reader that shows a rating loads
// it here, per request, so an edit on one app instance shows on every other at once; admins edit it
// with the version they saw (a stale edit is 409) and every change is a history event in the same
// transaction.
import 'server-only';
import { AppError, parseInput } from '../api/errors';
import { assertCan, can, type Actor } from '../auth/permissions';
import { DEFAULT_SCALE, planScaleEdit, ratingBounds, resolveRating, SCALE_ICONS, type ScaleEntry, type ScaleIcon, type VerdictScale } from '../verdicts/scale';
import { scaleInputSchema } from '../verdicts/scale-schema';
import { db, type Tx } from './client';
import { announceScaleChange } from '../realtime/announce';
import { recordEvent } from './events';

export type VerdictScaleDto = VerdictScale & {
  bestRating: number | null;
  worstRating: number | null;
  /**
   * Verdicts given with each entry: the admin page says which entries can only be retired. Admins
   * only (empty for everyone else): the counts include blind ratings, so a reviewer comparing them
   * before and after the other reviewer rated would learn that rating (decision 031, review fixes).
   */
  usage: Record<string, number>;
};

type EntryRow = { key: string; name: string; ratingValue: number | null; colour: string; icon: string; retiredAt: Date | null };

const toEntry = (r: EntryRow): ScaleEntry => ({
  key: r.key, name: r.name, ratingValue: r.ratingValue, colour: r.colour,
  icon: (r.icon in SCALE_ICONS ? r.icon : 'dot') as ScaleIcon, retired: r.retiredAt !== null,
});

/** The configured scale. Before the migration ran (never in a migrated install) it is the default. */
export async function loadScale(tx: Tx | ReturnType<typeof db> = db()): Promise<VerdictScale> {
  const [head, rows] = await Promise.all([
    tx.verdictScale.findUnique({ where: { id: 1 }, select: { version: true } }),
    tx.verdictScaleEntry.findMany({ orderBy: [{ position: 'asc' }, { createdAt: 'asc' }], select: { key: true, name: true, ratingValue: true, colour: true, icon: true, retiredAt: true } }),
  ]);
  if (!head || rows.length === 0) return DEFAULT_SCALE;
  return { version: head.version, entries: rows.map(toEntry) };
}

async function usageOf(tx: Tx | ReturnType<typeof db>): Promise<Map<string, number>> {
  // Blind ratings (decision 031) use the scale too: an entry one of them holds is in use.
  const [groups, blind] = await Promise.all([
    tx.verdict.groupBy({ by: ['rating'], _count: { _all: true } }),
    tx.blindVerdict.groupBy({ by: ['rating'], _count: { _all: true } }),
  ]);
  const usage = new Map(groups.map((g) => [g.rating, g._count._all]));
  for (const g of blind) usage.set(g.rating, (usage.get(g.rating) ?? 0) + g._count._all);
  return usage;
}

function toDto(scale: VerdictScale, usage: Map<string, number>): VerdictScaleDto {
  const bounds = ratingBounds(scale.entries);
  return {
    ...scale, bestRating: bounds?.bestRating ?? null, worstRating: bounds?.worstRating ?? null,
    usage: Object.fromEntries(scale.entries.map((e) => [e.key, usage.get(e.key) ?? 0])),
  };
}

/** Any signed-in person: reviewers need the names and colours to rate; the usage counts are admins'. */
export async function getVerdictScale(actor: Actor | null): Promise<VerdictScaleDto> {
  assertCan(actor, 'article:read');
  const manages = can(actor, 'scale:manage');
  const [scale, usage] = await Promise.all([loadScale(), manages ? usageOf(db()) : null]);
  const dto = toDto(scale, usage ?? new Map());
  return manages ? dto : { ...dto, usage: {} };
}

/**
 * The rating key a verdict stores for the reviewer's choice (a key, or a current name), checked
 * against the scale inside the verdict's own transaction. A retired or unknown rating is a 422.
 */
export async function ratingKeyFor(tx: Tx, chosen: string): Promise<string> {
  const resolved = resolveRating((await loadScale(tx)).entries, chosen);
  if ('error' in resolved) throw new AppError('invalid', resolved.error, { rating: resolved.error });
  return resolved.key;
}

const STALE = 'Someone else changed the verdict scale since you opened it. Reload to see their change, then make yours again.';

/** Replaces the scale with the admin's edit: the whole scale in order, with the version they saw. */
export async function updateVerdictScale(actor: Actor | null, input: unknown): Promise<VerdictScaleDto> {
  assertCan(actor, 'scale:manage');
  const data = parseInput(scaleInputSchema, input, 'Some ratings need fixing.');
  const saved = await db().$transaction(async (tx) => {
    // The version check is the write's first statement and takes the row's lock, so two admins'
    // edits are applied one after the other and the second, stale, is refused.
    const { count } = await tx.verdictScale.updateMany({ where: { id: 1, version: data.version }, data: { version: { increment: 1 } } });
    if (count === 0) throw new AppError('conflict', STALE, undefined, { current: toDto(await loadScale(tx), await usageOf(tx)) });
    const current = await loadScale(tx);
    const usage = await usageOf(tx);
    const plan = planScaleEdit(current.entries, data, usage);
    if ('problem' in plan) throw new AppError('conflict', plan.message);
    const now = new Date();
    for (const change of plan.changes) {
      if (change.kind === 'deleted') await tx.verdictScaleEntry.delete({ where: { key: change.key } });
    }
    for (const [i, e] of plan.entries.entries()) {
      const fields = { name: e.name, position: i + 1, ratingValue: e.ratingValue, colour: e.colour, icon: e.icon };
      const was = current.entries.find((c) => c.key === e.key);
      // Retiring keeps the first retirement's time; restoring clears it.
      const retiredAt = e.retired ? (was?.retired ? undefined : now) : null;
      await tx.verdictScaleEntry.upsert({
        where: { key: e.key },
        create: { key: e.key, ...fields, retiredAt: e.retired ? now : null },
        update: { ...fields, ...(retiredAt === undefined ? {} : { retiredAt }) },
      });
    }
    for (const change of plan.changes) {
      const type = change.kind === 'added' ? 'verdict-scale.entry-added' : change.kind === 'changed' ? 'verdict-scale.entry-changed' : 'verdict-scale.entry-deleted';
      await recordEvent(tx, {
        actorId: actor.id, type, targetType: 'verdict-scale', targetId: change.key,
        before: 'before' in change ? change.before : undefined, after: 'after' in change ? change.after : undefined,
      });
    }
    if (plan.moved) {
      await recordEvent(tx, {
        actorId: actor.id, type: 'verdict-scale.reordered', targetType: 'verdict-scale', targetId: 'scale',
        before: { order: current.entries.map((e) => e.key) }, after: { order: plan.entries.map((e) => e.key) },
      });
    }
    return toDto({ version: data.version + 1, entries: plan.entries }, usage);
  });
  // Open review pages show the scale's names and colours: tell them, now that it has committed.
  await announceScaleChange(db(), saved.version);
  return saved;
}
