import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { currentActor } from '@/lib/auth/session';
import { can } from '@/lib/auth/permissions';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { StyleNonce } from '@/components/ui/style-nonce';
import { ScaleStyles } from '@/components/verdict-scale/scale-styles';
import './globals.css';

export const metadata: Metadata = { title: 'Factdesk', description: 'Fact-checking review for newsroom editors' };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const actor = await currentActor();
  const nonce = (await headers()).get('x-nonce');
  return (
    <html lang="en">
      <body>
        <StyleNonce nonce={nonce} />
        {actor ? <ScaleStyles nonce={nonce} /> : null}
        <a className="skip" href="#main">Skip to content</a>
        <header className="topbar">
          <Link href="/" className="brand">Factdesk</Link>
          {actor ? (
            <nav aria-label="Main">
              <Link href="/">Articles</Link>
              <Link href="/queue">My queue</Link>
              {can(actor, 'desk:dashboard') ? <Link href="/dashboard">Dashboard</Link> : null}
              {can(actor, 'article:create') ? <Link href="/articles/new">Load article</Link> : null}
              {can(actor, 'user:manage') ? <Link href="/admin/users">Accounts</Link> : null}
              {can(actor, 'scale:manage') ? <Link href="/admin/verdict-scale">Verdict scale</Link> : null}
              {can(actor, 'archive:import') ? <Link href="/admin/archive">Import archive</Link> : null}
              <span className="who">{actor.email} ({actor.role})</span>
              <SignOutButton />
            </nav>
          ) : null}
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
