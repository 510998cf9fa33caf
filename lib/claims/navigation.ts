// Moving the one selection through the visible claims (j/k on the review screen). The selected
// claim may be hidden by a filter; moving then goes to the nearest visible claim in that direction,
// in text order, so a filter never sends the reviewer back to the top.
export type Ordered = { id: string; ordinal: number };

export function stepSelection(visible: Ordered[], selected: Ordered | null, step: 1 | -1): string | null {
  if (visible.length === 0) return null;
  if (!selected) return (step === 1 ? visible[0] : visible[visible.length - 1])!.id;
  const i = visible.findIndex((c) => c.id === selected.id);
  if (i >= 0) return visible[Math.min(visible.length - 1, Math.max(0, i + step))]!.id;
  const next = step === 1 ? visible.find((c) => c.ordinal > selected.ordinal) : [...visible].reverse().find((c) => c.ordinal < selected.ordinal);
  return (next ?? (step === 1 ? visible[visible.length - 1] : visible[0]))!.id;
}
