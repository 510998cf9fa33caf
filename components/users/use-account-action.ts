'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { callApi } from '@/components/ui/api-client';

/**
 * One admin action on one account row (role, reset, deactivate): the request, its busy state and
 * its error. `refresh` re-renders the page's table with the server's new state.
 */
export function useAccountAction() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run<T>(url: string, init: RequestInit, { refresh = true } = {}): Promise<T | null> {
    setBusy(true);
    const res = await callApi<T>(url, init);
    setBusy(false);
    if (!res.ok) {
      setError(res.message);
      return null;
    }
    setError(null);
    if (refresh) router.refresh();
    return res.data;
  }

  return { run, busy, error };
}
