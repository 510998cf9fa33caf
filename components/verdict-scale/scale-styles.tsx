// The configured rating colours as a stylesheet (lib/verdicts/scale.ts scaleCss), with the page's CSP
// nonce: a style attribute would be refused by the CSP and leave every mark in the default colours.
import { loadScale } from '@/lib/db/verdict-scale';
import { scaleCss } from '@/lib/verdicts/scale';

export async function ScaleStyles({ nonce }: { nonce: string | null }) {
  const css = scaleCss((await loadScale()).entries);
  return <style nonce={nonce ?? undefined} data-verdict-scale="">{css}</style>;
}
