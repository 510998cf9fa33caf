import Link from 'next/link';

export default function NotFound() {
  return <div className="page"><h1>Not found</h1><p>This page or article does not exist. <Link href="/">Back to the articles</Link>.</p></div>;
}
