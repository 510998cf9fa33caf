'use client';
// The article's approval setting (decision 018): on by default; a desk without a second editor
// switches it off, and history records who did.
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { callApi } from '@/components/ui/api-client';
import { FormError } from '@/components/ui/field';

export function ApprovalSetting({ articleId, approvalRequired }: { articleId: string; approvalRequired: boolean }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function toggle(next: boolean) {
    setBusy(true);
    setError(null);
    const res = await callApi(`/api/articles/${articleId}/approval`, { method: 'POST', body: JSON.stringify({ approvalRequired: next }) });
    setBusy(false);
    if (!res.ok) setError(res.message);
    else router.refresh();
  }
  return (
    <section aria-label="Approval setting" className="approval-setting">
      <label>
        <input type="checkbox" checked={approvalRequired} disabled={busy} onChange={(e) => void toggle(e.target.checked)} />{' '}
        An editor approves each verdict before it is published
      </label>
      <p className="hint">{approvalRequired
        ? 'Verdicts show “Awaiting approval” and export no rating until a second person approves them.'
        : 'Each verdict is published as soon as it is saved. Use this only on a desk without a second editor.'}</p>
      <FormError message={error} />
    </section>
  );
}
