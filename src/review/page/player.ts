/// <reference lib="dom" />
/**
 * The player inside an exported page: plain browser code, bundled into the page by the build (no
 * module, no network). It reads the recording from the page's JSON, and shows one frame at a time:
 * the transcript up to it, the command pinned above, the register panel and status line of its
 * recorded view, and the step list with the current step and the mistakes marked.
 * Keys: space play/pause, ← → previous/next step, n p next/previous mistake, Home End.
 */
import { DATA_ID, type PageData, type PageFrame, type PagePanel } from './page-data.ts';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The page's own data, checked for the fields the player walks (it is never fetched: it is in the page). */
function isPageData(v: unknown): v is PageData {
  return isObj(v) && typeof v.title === 'string' && Array.isArray(v.frames) && Array.isArray(v.panels) && v.frames.length > 0 && v.frames.every((f) => isObj(f) && typeof f.index === 'number' && typeof f.panel === 'number' && Array.isArray(f.items));
}

const byId = (id: string): HTMLElement => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`the page has no #${id}`);
  return el;
};

function span(text: string, className: string): HTMLSpanElement {
  const s = document.createElement('span');
  s.className = className;
  s.textContent = text;
  return s;
}

const FAILED: Readonly<Record<string, string>> = { failed: '✗ failed', usage: '✗ usage error', error: '✗ internal error' };

function start(data: PageData): void {
  const frames = data.frames;
  const last = frames.length - 1;
  const mistakes = frames.filter((f) => f.mark === 'mistake' || f.mark === 'integrity').map((f) => f.index);
  let current = 0;
  let timer: number | null = null;

  const stepList = byId('steps');
  const items = frames.map((f) => {
    const li = document.createElement('li');
    li.dataset.index = String(f.index);
    li.className = `mark-${f.mark}`;
    li.append(span(f.index === 0 ? '' : `${f.step}`, 'num'), span(f.kind === 'command' ? f.label : `(${f.label})`, 'label'));
    if (FAILED[f.status ?? '']) li.append(span(' ✗', 'x'));
    li.addEventListener('click', () => seek(f.index));
    stepList.append(li);
    return li;
  });

  const drawPanel = (p: PagePanel | undefined) => {
    const panel = byId('panel');
    panel.replaceChildren();
    byId('status').textContent = p ? `${p.seeded ? 'SEEDED ' : ''}${p.status}` : '';
    for (const line of p?.lines ?? []) {
      const row = document.createElement('div');
      for (const s of line) row.append(span(s.text, `role-${s.role}${s.changed ? ' changed' : ''}`));
      panel.append(row);
    }
    byId('change').textContent = p?.summary ? `» ${p.summary}` : '';
  };

  const drawTerminal = (upTo: PageFrame) => {
    const term = byId('terminal');
    const out = document.createDocumentFragment();
    for (const f of frames.slice(1, upTo.index + 1)) {
      for (const it of f.items) out.append(span(`${it.text}\n`, `tone-${it.tone}`));
    }
    term.replaceChildren(out);
    term.scrollTop = term.scrollHeight;
  };

  const draw = () => {
    const f = frames[current];
    if (!f) return;
    document.body.dataset.step = String(current);
    document.body.dataset.mark = f.mark;
    const failed = FAILED[f.status ?? ''] ?? '';
    byId('position').textContent = `step ${current}/${last}${failed ? ` ${failed}` : ''} · ${mistakes.length} mistake${mistakes.length === 1 ? '' : 's'} (n p) · ${timer === null ? 'paused' : 'playing'}`;
    byId('command').textContent = current === 0 ? 'the start of the recording' : f.kind === 'command' ? `step ${f.step}: tkesim> ${f.label}` : f.label;
    byId('problems').textContent = f.problems.length ? `step ${f.step}: ${f.problems.join('; ')}` : '';
    items.forEach((li, i) => li.classList.toggle('current', i === current));
    items[current]?.scrollIntoView({ block: 'nearest' });
    drawTerminal(f);
    drawPanel(data.panels[f.panel]);
  };

  const stop = () => {
    if (timer !== null) window.clearTimeout(timer);
    timer = null;
  };
  function seek(index: number): void {
    stop();
    current = Math.max(0, Math.min(last, index));
    draw();
  }
  const play = () => {
    if (current >= last) current = 0;
    const tick = () => {
      const next = frames[current + 1];
      if (!next) {
        stop();
        return draw();
      }
      current += 1;
      timer = window.setTimeout(tick, Math.min(2000, Math.max(400, (next.end - next.start) * 1000)));
      draw();
    };
    timer = window.setTimeout(tick, 300);
    draw();
  };

  const toggle = () => (timer === null ? play() : (stop(), draw()));
  const nextMistake = () => seek(mistakes.find((m) => m > current) ?? current);
  const previousMistake = () => seek([...mistakes].reverse().find((m) => m < current) ?? current);
  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const key = e.key;
    if (key === ' ') toggle();
    else if (key === 'ArrowRight') seek(current + 1);
    else if (key === 'ArrowLeft') seek(current - 1);
    else if (key === 'n') nextMistake();
    else if (key === 'p') previousMistake();
    else if (key === 'Home') seek(0);
    else if (key === 'End') seek(last);
    else return;
    e.preventDefault();
  });
  byId('btn-prev').addEventListener('click', () => seek(current - 1));
  byId('btn-play').addEventListener('click', toggle);
  byId('btn-next').addEventListener('click', () => seek(current + 1));
  byId('btn-prev-mistake').addEventListener('click', previousMistake);
  byId('btn-next-mistake').addEventListener('click', nextMistake);
  draw();
}

const raw: unknown = JSON.parse(document.getElementById(DATA_ID)?.textContent ?? 'null');
if (isPageData(raw)) start(raw);
else document.body.prepend(span('This page\'s recording could not be read.', 'tone-error'));
