'use client';
// Radix dialogs lock page scroll with a <style> element they inject at run time (through
// react-remove-scroll, which asks get-nonce for a nonce). The page's CSP (proxy.ts) allows inline
// styles only with this request's nonce, so hand it over before any dialog opens.
import { setNonce } from 'get-nonce';

export function StyleNonce({ nonce }: { nonce: string | null }) {
  if (nonce) setNonce(nonce);
  return null;
}
