import type { ExportBundle } from './bundle';
import { exportCsv } from './csv';
import { exportHtml } from './html';
import { exportJsonLd } from './jsonld';
import { exportMarkdown } from './markdown';

export const EXPORT_FORMATS = ['html', 'md', 'jsonld', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const CONTENT_TYPES: Record<ExportFormat, string> = {
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  jsonld: 'application/ld+json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};
const EXTENSIONS: Record<ExportFormat, string> = { html: 'html', md: 'md', jsonld: 'jsonld', csv: 'csv' };

export function renderExport(bundle: ExportBundle, format: ExportFormat): { body: string; contentType: string; filename: string } {
  const body =
    format === 'html' ? exportHtml(bundle)
    : format === 'md' ? exportMarkdown(bundle)
    : format === 'jsonld' ? JSON.stringify(exportJsonLd(bundle), null, 2)
    : exportCsv(bundle);
  const slug = bundle.article.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'article';
  return { body, contentType: CONTENT_TYPES[format], filename: `${slug}.${EXTENSIONS[format]}` };
}
