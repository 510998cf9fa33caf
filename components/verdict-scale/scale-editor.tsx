'use client';
// The admin's form for the verdict scale (decision 032): the whole scale is edited and saved at once
// with the version it was loaded at, so a colleague's edit in between is a 409, shown with theirs.
import { useState } from 'react';
import { callApi } from '@/components/ui/api-client';
import { FormError } from '@/components/ui/field';
import { contrastRatio, ICON_NAMES, MIN_CONTRAST_ON_WHITE, ratingSlug, SCALE_ICONS, textColourOn, type ScaleIcon } from '@/lib/verdicts/scale';
import type { VerdictScaleDto } from '@/lib/db/verdict-scale';

type Row = { key?: string; name: string; ratingValue: string; colour: string; icon: ScaleIcon; retired: boolean; uses: number; savedColour?: string };

const rowsOf = (s: VerdictScaleDto): Row[] => s.entries.map((e) => ({
  key: e.key, name: e.name, ratingValue: e.ratingValue === null ? '' : String(e.ratingValue), colour: e.colour, icon: e.icon, retired: e.retired,
  uses: s.usage[e.key] ?? 0, savedColour: e.colour,
}));

const HEX = /^#[0-9a-f]{6}$/i;

export function ScaleEditor({ initial }: { initial: VerdictScaleDto }) {
  const [version, setVersion] = useState(initial.version);
  const [rows, setRows] = useState<Row[]>(() => rowsOf(initial));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [theirs, setTheirs] = useState<VerdictScaleDto | null>(null);

  const set = (i: number, patch: Partial<Row>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const move = (i: number, by: -1 | 1) => setRows((rs) => {
    const next = [...rs];
    const [r] = next.splice(i, 1);
    next.splice(i + by, 0, r!);
    return next;
  });

  async function save(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true); setError(null); setFields({}); setNotice(null);
    const entries = rows.map((r) => ({
      ...(r.key ? { key: r.key } : {}), name: r.name, colour: r.colour, icon: r.icon, retired: r.retired,
      ratingValue: r.ratingValue.trim() === '' ? null : Number(r.ratingValue),
    }));
    const res = await callApi<VerdictScaleDto>('/api/verdict-scale', { method: 'PUT', body: JSON.stringify({ version, entries }) });
    setBusy(false);
    if (!res.ok) {
      setError(res.message);
      setFields(res.fields ?? {});
      const current = (res.error as { current?: VerdictScaleDto } | undefined)?.current;
      if (res.status === 409 && current) setTheirs(current);
      return;
    }
    setVersion(res.data.version);
    setRows(rowsOf(res.data));
    setTheirs(null);
    setNotice(`Saved. The scale is now at version ${res.data.version}.`);
  }

  return (
    <form onSubmit={save} aria-label="Verdict scale">
      <table className="articles scale-table">
        <thead><tr><th>Order</th><th>Name</th><th>ClaimReview value</th><th>Colour</th><th>Icon</th><th>Preview</th><th>Retired</th><th>Verdicts</th><th /></tr></thead>
        <tbody>
          {rows.map((r, i) => {
            const n = i + 1;
            const readable = HEX.test(r.colour) && contrastRatio(r.colour.toLowerCase(), '#ffffff') >= MIN_CONTRAST_ON_WHITE;
            const err = (f: string) => fields[`entries.${i}.${f}`];
            return (
              <tr key={r.key ?? `new-${i}`}>
                <td data-label="Order">
                  {n}{' '}
                  <button type="button" className="link" aria-label={`Move rating ${n} up`} disabled={i === 0} onClick={() => move(i, -1)}>↑</button>
                  <button type="button" className="link" aria-label={`Move rating ${n} down`} disabled={i === rows.length - 1} onClick={() => move(i, 1)}>↓</button>
                </td>
                <td data-label="Name">
                  <input aria-label={`Name of rating ${n}`} value={r.name} maxLength={40} required onChange={(e) => set(i, { name: e.target.value })} />
                  {err('name') ? <p className="field-error" role="status">{err('name')}</p> : null}
                </td>
                <td data-label="ClaimReview value">
                  <input aria-label={`ClaimReview value of rating ${n}`} type="number" min={0} max={100} step={1} value={r.ratingValue} placeholder="none" onChange={(e) => set(i, { ratingValue: e.target.value })} />
                  {err('ratingValue') ? <p className="field-error" role="status">{err('ratingValue')}</p> : null}
                </td>
                <td data-label="Colour">
                  <input aria-label={`Colour of rating ${n}`} value={r.colour} size={8} pattern="#[0-9a-fA-F]{6}" onChange={(e) => set(i, { colour: e.target.value.trim() })} />{' '}
                  <input type="color" aria-label={`Pick the colour of rating ${n}`} value={HEX.test(r.colour) ? r.colour.toLowerCase() : '#000000'} onChange={(e) => set(i, { colour: e.target.value })} />
                  {!readable ? <p className="field-error" role="status">{HEX.test(r.colour) ? 'Too light to read on white; choose a darker shade.' : 'Use # and six hex digits, e.g. #1d6b3a.'}</p> : null}
                  {err('colour') ? <p className="field-error" role="status">{err('colour')}</p> : null}
                </td>
                <td data-label="Icon">
                  <select aria-label={`Icon of rating ${n}`} value={r.icon} onChange={(e) => set(i, { icon: e.target.value as ScaleIcon })}>
                    {ICON_NAMES.map((icon) => <option key={icon} value={icon}>{SCALE_ICONS[icon]} {icon}</option>)}
                  </select>
                </td>
                <td data-label="Preview">
                  {HEX.test(r.colour)
                    ? <span
                        // Saved colours come from the page's scale stylesheet (the CSP refuses a style
                        // attribute in the served HTML); an edited colour is set from script, which it allows.
                        className={`badge scale-preview${r.key ? ` state-${ratingSlug(r.key)}` : ''}`}
                        style={r.colour.toLowerCase() === r.savedColour ? undefined : { '--c-line': r.colour.toLowerCase(), '--c-text': textColourOn(r.colour.toLowerCase()) } as React.CSSProperties}
                      ><span aria-hidden="true">{SCALE_ICONS[r.icon]}</span> {r.name}</span>
                    : null}
                </td>
                <td data-label="Retired">
                  <input type="checkbox" aria-label={`Retire rating ${n}`} checked={r.retired} onChange={(e) => set(i, { retired: e.target.checked })} />
                </td>
                <td data-label="Verdicts">{r.uses}</td>
                <td>
                  {r.uses > 0
                    ? <span className="hint">in use: retire instead</span>
                    : <button type="button" className="link" aria-label={`Delete rating ${n}`} onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}>Delete</button>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p>
        <button type="button" onClick={() => setRows((rs) => [...rs, { name: '', ratingValue: '', colour: '#555555', icon: 'dot', retired: false, uses: 0 }])}>Add a rating</button>{' '}
        <button type="submit" className="primary" disabled={busy}>Save scale</button>
      </p>
      <FormError message={error} />
      {theirs ? (
        <div className="conflict" role="region" aria-label="The scale as it is now">
          <p>Now: {theirs.entries.map((e) => `${e.name}${e.ratingValue === null ? '' : ` (${e.ratingValue})`}${e.retired ? ' [retired]' : ''}`).join(', ')}.</p>
          <button type="button" onClick={() => { setVersion(theirs.version); setRows(rowsOf(theirs)); setTheirs(null); setError(null); }}>Take the current scale (drops my unsaved edits)</button>{' '}
          <button type="button" onClick={() => { setVersion(theirs.version); setTheirs(null); setError(null); }}>Keep my edits on top of it</button>
        </div>
      ) : null}
      {notice ? <p role="status">{notice}</p> : null}
    </form>
  );
}
