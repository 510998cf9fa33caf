import { agreementFigures } from '@/lib/db/double-check';
import { describeAgreement } from '@/lib/agreement/kappa';
import { requireActor } from '@/lib/http/guard';
import { handle } from '@/lib/http/respond';

/** The article's agreement rate and Cohen's kappa over its double-checked claims, with the sentence the page shows. */
export const GET = handle(async (_req: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor();
  const { id } = await params;
  const figures = await agreementFigures(actor, id);
  return Response.json({ ...figures, text: describeAgreement(figures) });
});
