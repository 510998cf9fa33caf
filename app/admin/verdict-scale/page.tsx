import { redirect } from 'next/navigation';
import { currentActor } from '@/lib/auth/session';
import { can } from '@/lib/auth/permissions';
import { getVerdictScale } from '@/lib/db/verdict-scale';
import { ScaleEditor } from '@/components/verdict-scale/scale-editor';

export const dynamic = 'force-dynamic';

export default async function VerdictScalePage() {
  const actor = await currentActor();
  if (!actor) redirect('/signin');
  if (!can(actor, 'scale:manage')) return <div className="page"><p className="form-error">Only admins edit the verdict scale.</p></div>;
  const scale = await getVerdictScale(actor);
  return (
    <div className="page">
      <h1>Verdict scale</h1>
      <p className="hint">
        The ratings reviewers choose from, in this order. Renaming a rating relabels every verdict given with it; a new
        ClaimReview value applies to every export from now on. A rating in use cannot be deleted: retire it, and it
        disappears from new choices while old verdicts keep it.
      </p>
      <ScaleEditor initial={scale} />
    </div>
  );
}
