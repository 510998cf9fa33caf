// Sign-in answers the form must recognise, shared by the server (lib/auth/sign-in.ts) and the browser
// (components/auth/sign-in-form.tsx). next-auth passes only an error's message to the form.

/** The password was right but is an admin's temporary one: the form asks for a new one. */
export const PASSWORD_CHANGE_REQUIRED = 'Your password was reset by an admin. Choose a new password to sign in.';
