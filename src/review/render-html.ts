/**
 * A report document as HTML: one self-contained page (inline CSS, no script, no external asset),
 * or a fragment for the export page. Every text passes `escapeHtml`.
 */
import type { Block, Cell } from './document.ts';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

function cellHtml(c: Cell): string {
  return c.map((i) => {
    const t = escapeHtml(i.text);
    return i.code ? `<code>${t}</code>` : i.strong ? `<strong>${t}</strong>` : t;
  }).join('');
}

function block(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `<h${b.level}>${escapeHtml(b.text)}</h${b.level}>`;
    case 'paragraph':
      return `<p>${cellHtml(b.text)}</p>`;
    case 'list':
      return `<ul>${b.items.map((i) => `<li>${cellHtml(i)}</li>`).join('')}</ul>`;
    case 'table': {
      const head = `<tr>${b.head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr>`;
      const rows = b.rows.map((r) => `<tr${r.mark === 'mistake' ? ' class="mistake"' : ''}>${r.cells.map((c) => `<td>${cellHtml(c)}</td>`).join('')}</tr>`);
      return `<table><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
    }
  }
}

export function htmlFragment(blocks: readonly Block[]): string {
  return blocks.map(block).join('\n');
}

/** The report's look, shared by the report page and the export page. */
export const REPORT_CSS = `
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem;color:#1d1d1f;background:#fff}
h1,h2,h3,h4{line-height:1.2}
table{border-collapse:collapse;margin:.5rem 0 1rem;width:100%}
th,td{border:1px solid #d0d0d7;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f2f2f5}
tr.mistake td{background:#fdecec}
code{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.92em;background:#f2f2f5;padding:0 .2em;border-radius:3px}
@media (prefers-color-scheme:dark){body{background:#16161a;color:#e4e4e8}th{background:#26262c}th,td{border-color:#3a3a44}tr.mistake td{background:#3d1f22}code{background:#26262c}}
`;

export function htmlPage(title: string, blocks: readonly Block[]): string {
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head><body>',
    htmlFragment(blocks),
    '</body></html>',
    '',
  ].join('\n');
}
