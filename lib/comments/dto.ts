// One comment as readers receive it (API and the claim dialog's thread); lib/db/comments.ts builds it.
export type CommentDto = {
  id: string;
  claimId: string;
  /** The author's own words, exactly as typed: render as text, never as HTML. */
  body: string;
  createdAt: string;
  author: string;
  authorId: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
  mentions: Array<{ id: string; name: string }>;
};
