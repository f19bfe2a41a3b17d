/** A report document as Markdown (GitHub flavour): tables, lists, code spans; every cell escaped. */
import type { Block, Cell, Inline } from './document.ts';

/** A code span that holds any text: a fence longer than the longest run of backticks inside. */
function codeSpan(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

const escapeText = (text: string): string => text.replace(/([\\`*_[\]<>#|])/g, '\\$1');

function inline(i: Inline): string {
  if (i.code) return codeSpan(i.text);
  const t = escapeText(i.text);
  return i.strong ? `**${t}**` : t;
}

/** A cell: inline parts, newlines as spaces, and pipes escaped even inside code spans (tables need it). */
function line(c: Cell, inTable: boolean): string {
  const text = c.map(inline).join('').replace(/\r?\n/g, ' ');
  return inTable ? text.replace(/(?<!\\)\|/g, '\\|') : text;
}

function block(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `${'#'.repeat(b.level)} ${escapeText(b.text)}`;
    case 'paragraph':
      return line(b.text, false);
    case 'list':
      return b.items.map((item) => `- ${line(item, false)}`).join('\n');
    case 'table': {
      const head = `| ${b.head.map(escapeText).join(' | ')} |`;
      const rule = `|${b.head.map(() => '---').join('|')}|`;
      const rows = b.rows.map((r) => `| ${r.cells.map((c) => line(c, true) || ' ').join(' | ')} |`);
      return [head, rule, ...rows].join('\n');
    }
  }
}

export function toMarkdown(blocks: readonly Block[]): string {
  return `${blocks.map(block).join('\n\n')}\n`;
}
