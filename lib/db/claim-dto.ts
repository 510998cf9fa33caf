// The claim shape every reader gets (API.md `GET /api/articles/:id`), chosen with an explicit select.
import type { ClaimEntity, ClaimFlag, ClaimNumber } from '../claims/schema';

export type SourceDto = {
  id: string;
  url: string;
  title: string;
  publisher: string;
  quote: string;
  stance: string;
  accessedAt: string;
  addedBy: string;
};

export type VerdictDto = {
  id: string;
  rating: string;
  explanation: string;
  correction: string | null;
  author: string;
  createdAt: string;
};

export type ClaimDto = {
  id: string;
  ordinal: number;
  start: number;
  end: number;
  quote: string;
  text: string;
  type: string;
  score: number;
  checkworthy: boolean;
  flags: ClaimFlag[];
  entities: ClaimEntity[];
  numbers: ClaimNumber[];
  antecedent: string | null;
  status: string;
  dismissReason: string | null;
  version: number;
  verdict: VerdictDto | null;
  sources: SourceDto[];
};

export const claimSelect = {
  id: true, ordinal: true, start: true, end: true, quote: true, text: true, type: true, score: true,
  checkworthy: true, flags: true, entities: true, numbers: true, antecedent: true, status: true,
  dismissReason: true, version: true,
  verdicts: {
    orderBy: { createdAt: 'desc' as const },
    take: 1,
    select: { id: true, rating: true, explanation: true, correction: true, createdAt: true, author: { select: { email: true, name: true } } },
  },
  sources: {
    where: { removedAt: null },
    orderBy: { createdAt: 'asc' as const },
    select: { id: true, url: true, title: true, publisher: true, quote: true, stance: true, accessedAt: true, createdBy: { select: { email: true, name: true } } },
  },
} as const;

type Person = { email: string; name: string };
const who = (p: Person) => p.name || p.email;

type ClaimRow = {
  id: string; ordinal: number; start: number; end: number; quote: string; text: string; type: string; score: number;
  checkworthy: boolean; flags: string; entities: string; numbers: string; antecedent: string | null; status: string;
  dismissReason: string | null; version: number;
  verdicts: Array<{ id: string; rating: string; explanation: string; correction: string | null; createdAt: Date; author: Person }>;
  sources: Array<{ id: string; url: string; title: string; publisher: string; quote: string; stance: string; accessedAt: Date; createdBy: Person }>;
};

export function toClaimDto(c: ClaimRow): ClaimDto {
  const v = c.verdicts[0];
  return {
    id: c.id, ordinal: c.ordinal, start: c.start, end: c.end, quote: c.quote, text: c.text, type: c.type, score: c.score,
    checkworthy: c.checkworthy,
    flags: JSON.parse(c.flags) as ClaimFlag[],
    entities: JSON.parse(c.entities) as ClaimEntity[],
    numbers: JSON.parse(c.numbers) as ClaimNumber[],
    antecedent: c.antecedent,
    status: c.status,
    dismissReason: c.dismissReason,
    version: c.version,
    verdict: v ? { id: v.id, rating: v.rating, explanation: v.explanation, correction: v.correction, author: who(v.author), createdAt: v.createdAt.toISOString() } : null,
    sources: c.sources.map((s) => ({
      id: s.id, url: s.url, title: s.title, publisher: s.publisher, quote: s.quote, stance: s.stance,
      accessedAt: s.accessedAt.toISOString(), addedBy: who(s.createdBy),
    })),
  };
}
