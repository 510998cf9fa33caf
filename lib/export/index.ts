import type { ExportBundle } from './bundle';
import { exportCsv } from './csv';
import { exportHtml } from './html';
import { exportJsonLd, stringifyForScript } from './jsonld';
import { exportMarkdown } from './markdown';
import { exportVerifiedHtml, exportVerifiedMarkdown } from './verified';

export const EXPORT_FORMATS = ['html', 'md', 'jsonld', 'csv', 'verified-html', 'verified-md'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** The formats that publish the article: refused until the publish gate is met or overridden. */
export const VERIFIED_FORMATS: readonly ExportFormat[] = ['verified-html', 'verified-md'];

const OUTPUT: Record<ExportFormat, { contentType: string; extension: string; render: (b: ExportBundle) => string }> = {
  html: { contentType: 'text/html; charset=utf-8', extension: 'html', render: exportHtml },
  md: { contentType: 'text/markdown; charset=utf-8', extension: 'md', render: exportMarkdown },
  jsonld: { contentType: 'application/ld+json; charset=utf-8', extension: 'jsonld', render: (b) => stringifyForScript(exportJsonLd(b), 2) },
  csv: { contentType: 'text/csv; charset=utf-8', extension: 'csv', render: exportCsv },
  'verified-html': { contentType: 'text/html; charset=utf-8', extension: 'verified.html', render: exportVerifiedHtml },
  'verified-md': { contentType: 'text/markdown; charset=utf-8', extension: 'verified.md', render: exportVerifiedMarkdown },
};

export function renderExport(bundle: ExportBundle, format: ExportFormat): { body: string; contentType: string; filename: string } {
  const out = OUTPUT[format];
  const slug = bundle.article.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'article';
  return { body: out.render(bundle), contentType: out.contentType, filename: `${slug}.${out.extension}` };
}
