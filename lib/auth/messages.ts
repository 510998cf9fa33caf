// Sign-in answers the form must recognise, shared by the server (lib/auth/sign-in.ts) and the browser
// (components/auth/sign-in-form.tsx). next-auth passes only an error's message to the form.

/** The password was right but is an admin's temporary one: the form asks for a new one. */
export const PASSWORD_CHANGE_REQUIRED = 'Your password was reset by an admin. Choose a new password to sign in.';

/** The temporary password was right but too old: only a new reset helps, so the form says so. */
export function temporaryPasswordExpiredMessage(expiresAt: Date): string {
  return `This temporary password expired on ${expiresAt.toISOString().slice(0, 16).replace('T', ' at ')} UTC. Ask an admin to reset your password again.`;
}
