'use client';
// Per-article settings an editor switches, each a checkbox that names the state wanted (the server
// records the change in history): approval (decision 018) and two independent verdicts (decision 031).
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { callApi } from '@/components/ui/api-client';
import { FormError } from '@/components/ui/field';

function ArticleSetting({ articleId, path, field, value, label, name, hints }: {
  articleId: string; path: string; field: string; value: boolean; label: string; name: string; hints: { on: string; off: string };
}) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function toggle(next: boolean) {
    setBusy(true);
    setError(null);
    const res = await callApi(`/api/articles/${articleId}/${path}`, { method: 'POST', body: JSON.stringify({ [field]: next }) });
    setBusy(false);
    if (!res.ok) setError(res.message);
    else router.refresh();
  }
  return (
    <section aria-label={name} className="approval-setting">
      <label>
        <input type="checkbox" checked={value} disabled={busy} onChange={(e) => void toggle(e.target.checked)} />{' '}
        {label}
      </label>
      <p className="hint">{value ? hints.on : hints.off}</p>
      <FormError message={error} />
    </section>
  );
}

export function ApprovalSetting({ articleId, approvalRequired }: { articleId: string; approvalRequired: boolean }) {
  return (
    <ArticleSetting articleId={articleId} path="approval" field="approvalRequired" value={approvalRequired} name="Approval setting"
      label="An editor approves each verdict before it is published"
      hints={{
        on: 'Verdicts show “Awaiting approval” and export no rating until a second person approves them.',
        off: 'Each verdict is published as soon as it is saved. Use this only on a desk without a second editor.',
      }} />
  );
}

export function DoubleCheckSetting({ articleId, doubleCheck }: { articleId: string; doubleCheck: boolean }) {
  return (
    <ArticleSetting articleId={articleId} path="double-check" field="doubleCheck" value={doubleCheck} name="Double check setting"
      label="Two independent verdicts"
      hints={{
        on: 'Assign a second reviewer in a claim’s Assignment (or for the whole article). Each rates without seeing the other’s verdict, sources or comments until both are in; then an editor resolves.',
        off: 'One reviewer per claim. Turn this on to have claims checked blind by two reviewers.',
      }} />
  );
}
