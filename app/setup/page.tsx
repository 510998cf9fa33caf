import { redirect } from 'next/navigation';
import { SetupForm } from '@/components/auth/setup-form';
import { countUsers } from '@/lib/db/users';

export const dynamic = 'force-dynamic';

export default async function SetupPage() {
  if ((await countUsers()) > 0) redirect('/signin');
  return <div className="page"><SetupForm /></div>;
}
