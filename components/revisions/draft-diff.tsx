// Two drafts as one inline diff (deleted words struck, inserted words underlined), with the later
// draft's claims overlaid so an editor sees what changed under each verdict. A server component:
// React escapes every string.
import type { ReactNode } from 'react';
import type { diffWords } from '@/lib/anchoring/diff';

type DiffPart = ReturnType<typeof diffWords>[number];

export type DiffClaim = { id: string; ordinal: number; start: number; end: number; label: string; css: string };

type Piece = { op: DiffPart['op']; text: string; claim: DiffClaim | null };

/** Cuts the diff at claim boundaries (in the later draft's offsets) and tags each piece with its claim. */
function pieces(parts: DiffPart[], claims: DiffClaim[]): Piece[] {
  const sorted = [...claims].sort((a, b) => a.start - b.start);
  const at = (pos: number, zeroWidth: boolean) =>
    sorted.find((c) => (zeroWidth ? c.start < pos && pos < c.end : c.start <= pos && pos < c.end)) ?? null;
  const out: Piece[] = [];
  let pos = 0;
  for (const part of parts) {
    if (part.op === 'delete') {
      out.push({ op: 'delete', text: part.text, claim: at(pos, true) });
      continue;
    }
    let i = 0;
    while (i < part.text.length) {
      const claim = at(pos, false);
      const next = claim ? claim.end : (sorted.find((c) => c.start > pos)?.start ?? Infinity);
      const take = Math.min(part.text.length - i, next - pos);
      out.push({ op: part.op, text: part.text.slice(i, i + take), claim });
      i += take;
      pos += take;
    }
  }
  return out;
}

function piece(p: Piece, key: number): ReactNode {
  if (p.op === 'delete') return <del key={key}>{p.text}</del>;
  if (p.op === 'insert') return <ins key={key}>{p.text}</ins>;
  return <span key={key}>{p.text}</span>;
}

export function DraftDiff({ parts, claims }: { parts: DiffPart[]; claims: DiffClaim[] }) {
  const out: ReactNode[] = [];
  let group: { claim: DiffClaim; nodes: ReactNode[] } | null = null;
  const flush = () => {
    if (!group) return;
    const changed = group.nodes.some((n) => (n as { type?: unknown }).type === 'del' || (n as { type?: unknown }).type === 'ins');
    out.push(
      <mark key={`c-${group.claim.id}-${out.length}`} className={`claim-span state-${group.claim.css}`} data-claim={group.claim.ordinal} data-changed={changed} title={`Claim ${group.claim.ordinal}: ${group.claim.label}`}>
        {group.nodes}<span className="claim-no" aria-label={`claim ${group.claim.ordinal}, ${group.claim.label}`}>{group.claim.ordinal}</span>
      </mark>,
    );
    group = null;
  };
  pieces(parts, claims).forEach((p, i) => {
    if (p.claim && group?.claim.id === p.claim.id) { group.nodes.push(piece(p, i)); return; }
    flush();
    if (p.claim) group = { claim: p.claim, nodes: [piece(p, i)] };
    else out.push(piece(p, i));
  });
  flush();
  return <div className="diff" data-testid="draft-diff">{out}</div>;
}
