import { redirect } from 'next/navigation';
import { currentActor } from '@/lib/auth/session';
import { can } from '@/lib/auth/permissions';
import { ImportArchiveForm } from '@/components/archive/import-archive-form';

export const dynamic = 'force-dynamic';

export default async function ImportArchivePage() {
  const actor = await currentActor();
  if (!actor) redirect('/signin');
  if (!can(actor, 'archive:import')) return <div className="page"><p className="form-error">Only admins import review archives.</p></div>;
  return (
    <div className="page">
      <h1>Import a review archive</h1>
      <p>
        A review archive is the JSON file an editor downloads from an article&apos;s <strong>Export</strong> list
        (&ldquo;Review archive&rdquo;) on this or another Factdesk install. Importing it adds the article with every draft,
        claim, verdict, source, link and history event. People are matched by email; anyone not on this install gets an
        account that cannot sign in.
      </p>
      <ImportArchiveForm />
    </div>
  );
}
