// The claim extraction interface (../docs/API.md): shared by the `claims` command, POST /api/extract
// and the data layer that stores claims. Types are inferred from the schemas.
import { z } from 'zod';

export const CLAIM_TYPES = ['statistic', 'quote', 'event', 'comparison', 'causal', 'prediction', 'other'] as const;
export const CLAIM_FLAGS = ['ambiguous', 'incomplete', 'hedged', 'headline'] as const;
export const RELATION_TYPES = ['duplicates', 'contradicts', 'supports'] as const;

export const numberSchema = z.object({
  raw: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  kind: z.enum(['cardinal', 'ordinal', 'percent', 'money', 'year', 'date', 'score', 'duration']),
  value: z.number(),
  value2: z.number().optional(),
  unit: z.string().optional(),
  qualifier: z.enum(['gt', 'gte', 'lt', 'lte', 'approx']).optional(),
});

export const entitySchema = z.object({
  text: z.string(),
  kind: z.enum(['person', 'organization', 'place', 'other']),
  start: z.number().int(),
  end: z.number().int(),
  role: z.enum(['speaker']).optional(),
});

export const extractedClaimSchema = z.object({
  id: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  quote: z.string(),
  text: z.string(),
  type: z.enum(CLAIM_TYPES),
  score: z.number().min(0).max(1),
  checkworthy: z.boolean(),
  flags: z.array(z.enum(CLAIM_FLAGS)),
  entities: z.array(entitySchema),
  numbers: z.array(numberSchema),
  /** For `ambiguous` claims: the likely referent of the pronoun, when one was found. */
  antecedent: z.string().optional(),
  /** For `ambiguous` claims: the people the pronoun may refer to, nearest last. */
  candidates: z.array(z.string()).optional(),
});

export const relationSchema = z.object({
  type: z.enum(RELATION_TYPES),
  a: z.string(),
  b: z.string(),
  reason: z.string(),
  /** How sure the tool is (0-1); reviewers see the surest first. */
  confidence: z.number().min(0).max(1).optional(),
});

export const extractionSchema = z.object({
  text: z.string(),
  claims: z.array(extractedClaimSchema),
  relations: z.array(relationSchema),
});

export type ClaimType = (typeof CLAIM_TYPES)[number];
export type ClaimFlag = (typeof CLAIM_FLAGS)[number];
export type ExtractedClaim = z.infer<typeof extractedClaimSchema>;
export type ClaimRelation = z.infer<typeof relationSchema>;
export type Extraction = z.infer<typeof extractionSchema>;
export type ClaimEntity = z.infer<typeof entitySchema>;
export type ClaimNumber = z.infer<typeof numberSchema>;
