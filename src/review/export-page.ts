/**
 * The exported page: one self-contained HTML file (inline CSS and script, the recording as JSON in
 * the page, no external asset, nothing fetched) that plays a session in any browser, with the
 * report's summary below the player.
 */
import type { Block } from './document.ts';
import { escapeHtml, htmlFragment, REPORT_CSS } from './render-html.ts';
import { DATA_ID, type PageData } from './page/page-data.ts';

/** JSON that can sit inside a <script> element: no `</script`, no `<!--`. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

const PLAYER_CSS = `
body{max-width:none;margin:0;padding:0 1rem 2rem}
#bar{position:sticky;top:0;background:inherit;padding:.5rem 0;display:flex;gap:1rem;align-items:center;flex-wrap:wrap;border-bottom:1px solid #d0d0d7;z-index:1}
#bar h1{font-size:1.1rem;margin:0}
#position{font-family:ui-monospace,"DejaVu Sans Mono",monospace}
button{font:inherit;padding:.15rem .6rem}
#player{display:grid;grid-template-columns:minmax(14rem,22rem) 1fr;gap:1rem;margin-top:.75rem}
#steps{margin:0;padding:0;list-style:none;max-height:80vh;overflow:auto;font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.85rem;border:1px solid #d0d0d7}
#steps li{padding:.1rem .4rem;cursor:pointer;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
#steps li .num{display:inline-block;min-width:2.5em;color:#888}
#steps li.mark-mistake,#steps li.mark-integrity{background:#fdecec}
#steps li .x{color:#c0262d;font-weight:bold}
#steps li.current{outline:2px solid #2962ff;outline-offset:-2px}
.screen{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.85rem;background:#111318;color:#e6e6e6;border-radius:4px;padding:.5rem .75rem}
#command{font-weight:bold;margin-bottom:.25rem}
#terminal{margin:0;height:45vh;overflow:auto;white-space:pre-wrap;overflow-wrap:anywhere}
#problems{color:#ff6b6b}
#status{color:#9aa0a6;margin-top:.5rem}
#panel{white-space:pre;overflow-x:auto}
#change{color:#9aa0a6}
.tone-error{color:#ff6b6b}.tone-ok{color:#7bd88f}.tone-muted{color:#9aa0a6}
.role-heading{font-weight:bold}.role-differs{color:#e26bff;font-weight:bold}.role-selected{color:#56c8ff}.role-muted{color:#9aa0a6}
.changed{background:#f1d54a;color:#111}
`;

export function exportPage(data: PageData, summary: readonly Block[], player: string): string {
  const title = `${data.title} (${data.trainee})`;
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // Nothing may be fetched: no script, style, image or connection from anywhere.
    '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; script-src \'unsafe-inline\'; style-src \'unsafe-inline\'">',
    `<title>${escapeHtml(`tkesim: ${title}`)}</title>`,
    `<style>${REPORT_CSS}${PLAYER_CSS}</style>`,
    '</head><body>',
    `<div id="bar"><h1>${escapeHtml(title)}</h1><span id="position"></span>`,
    '<span><button id="btn-prev" title="previous step (←)">←</button> <button id="btn-play" title="play / pause (space)">play / pause</button> <button id="btn-next" title="next step (→)">→</button> <button id="btn-prev-mistake" title="previous mistake (p)">p</button> <button id="btn-next-mistake" title="next mistake (n)">n</button></span>',
    '<small>keys: space play/pause · ← → step · n p mistake · Home End</small></div>',
    data.integrity.length ? `<p class="tone-error"><strong>Integrity:</strong> ${escapeHtml(data.integrity.join(' '))}</p>` : '',
    '<div id="player"><ol id="steps"></ol><section>',
    '<div class="screen"><div id="command"></div><pre id="terminal"></pre><div id="problems"></div></div>',
    '<div class="screen"><div id="status"></div><div id="panel"></div><div id="change"></div></div>',
    '</section></div>',
    `<section id="summary">${htmlFragment(summary)}</section>`,
    `<script type="application/json" id="${DATA_ID}">${scriptSafeJson(data)}</script>`,
    `<script>${player.replace(/<\/script/gi, '<\\/script')}</script>`,
    '</body></html>',
    '',
  ].join('\n');
}
