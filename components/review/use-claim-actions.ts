'use client';
// The dialog's one way to send a review action: busy while it runs, the server's message (and its
// per-field messages) when refused, a notice and a fresh page when done.
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { callApi, type ApiResult } from '@/components/ui/api-client';

export type Send = (url: string, init: RequestInit, done: string, form?: HTMLFormElement) => Promise<boolean>;

export function useClaimActions() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);

  /** Sends one request; on refusal shows `failed(message)` (default: the server's message). */
  async function request<T>(url: string, init: RequestInit, failed: (message: string) => string = (m) => m): Promise<ApiResult<T>> {
    setBusy(true);
    setError(null);
    setNotice(null);
    const res = await callApi<T>(url, init);
    setBusy(false);
    if (!res.ok) {
      setError(failed(res.message));
      setFields(res.fields ?? {});
    } else {
      setFields({});
    }
    return res;
  }

  function done(message: string) {
    setNotice(message);
    router.refresh();
  }

  const send: Send = async (url, init, message, form) => {
    const res = await request(url, init);
    if (!res.ok) return false;
    form?.reset();
    done(message);
    return true;
  };

  return { busy, error, fields, notice, request, done, send };
}

export type ClaimActions = ReturnType<typeof useClaimActions>;
