'use client';
import { useRouter } from 'next/navigation';
import { Field } from '@/components/ui/field';
import { ArticleTextForm } from './article-text-form';

export function NewArticleForm() {
  const router = useRouter();
  return (
    <ArticleTextForm<{ id: string }>
      label="Load an article"
      action="/api/articles"
      className="card"
      textLabel="Article text"
      rows={14}
      submitLabel="Load article"
      busyLabel="Loading and finding claims…"
      intro={<>
        <h1>Load an article</h1>
        <p>Paste the draft or upload a .txt, .md, .html or .docx file (1 MB of text at most). Claims are found as it loads; a long draft takes a few seconds.</p>
      </>}
      lead={(errors) => <>
        <Field id="title" label="Title" error={errors.title}><input id="title" name="title" required maxLength={300} /></Field>
        <Field id="byline" label="Byline" error={errors.byline}><input id="byline" name="byline" maxLength={300} /></Field>
      </>}
      onLoaded={(data) => router.push(`/articles/${data.id}`)}
    />
  );
}
