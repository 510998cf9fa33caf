// Next calls register() once when the server starts, before it serves a request.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { installClientAddressHook } = await import('./lib/auth/peer-address');
    installClientAddressHook();
  }
}
