import { redirect } from 'next/navigation';
import { currentActor } from '@/lib/auth/session';
import { can } from '@/lib/auth/permissions';
import { listUsers } from '@/lib/db/users';
import { AccountRoleForm } from '@/components/users/account-role-form';
import { AccountStatusButton } from '@/components/users/account-status-button';
import { PasswordResetButton } from '@/components/users/password-reset-button';
import { CreateUserForm } from '@/components/users/create-user-form';

export const dynamic = 'force-dynamic';

export default async function UsersPage() {
  const actor = await currentActor();
  if (!actor) redirect('/signin');
  if (!can(actor, 'user:manage')) return <div className="page"><p className="form-error">Only admins manage accounts.</p></div>;
  const users = await listUsers(actor);
  return (
    <div className="page">
      <h1>Accounts</h1>
      <table className="articles">
        <thead><tr><th>Email</th><th>Name</th><th>Role</th><th>Created</th><th>Status</th></tr></thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td data-label="Email">{u.email}</td><td data-label="Name">{u.name}</td><td data-label="Role">{u.id === actor.id ? u.role : <AccountRoleForm id={u.id} email={u.email} role={u.role} />}</td><td data-label="Created">{u.createdAt.slice(0, 10)}</td>
              <td data-label="Status">
                {u.active ? 'active' : 'deactivated'}{' '}
                {u.id === actor.id ? null : <AccountStatusButton id={u.id} email={u.email} active={u.active} />}
                {u.id === actor.id || !u.active ? null : <PasswordResetButton id={u.id} email={u.email} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <CreateUserForm />
    </div>
  );
}
