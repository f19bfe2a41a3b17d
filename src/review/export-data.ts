/**
 * What an exported page plays, computed from a recording's frames: each frame's transcript and mark,
 * and its register panel laid out (at the wide width, with admin names) from the frame's recorded
 * view, as the terminal player lays it out. Nothing is re-executed; nothing secret is in a view.
 */
import type { RecordedReplay } from '../journal/recorded-replay.ts';
import { frameMark } from '../journal/frame-marks.ts';
import { panelLines } from '../shell/panel-layout.ts';
import { buildPanelModel } from '../shell/panel-model.ts';
import { buildStatusModel, statusSegments } from '../shell/status-model.ts';
import type { PageData, PageFrame, PagePanel } from './page/page-data.ts';

/** The panel's width in the page: wide enough for admin names. */
export const PAGE_PANEL_COLUMNS = 120;

export function pageData(replay: RecordedReplay, trainee: string): PageData {
  const panels: PagePanel[] = [];
  const known = new Map<string, number>();
  const frames = replay.frames.map((f, i): PageFrame => {
    const previous = i > 0 ? replay.frames[i - 1] : undefined;
    const selected = new Set(f.view.selection.units);
    const model = buildPanelModel(f.view.world, selected, previous ? previous.view.world : null);
    const status = buildStatusModel(f.view.world, selected, f.view.selection.signatureKeyNames);
    const panel: PagePanel = {
      status: statusSegments(status).join(' │ '),
      seeded: status.seeded,
      lines: panelLines(model, PAGE_PANEL_COLUMNS).map((line) => line.map((s) => ({ text: s.text, role: s.role, changed: s.changed }))),
      summary: model.summary,
    };
    const key = JSON.stringify(panel);
    let at = known.get(key);
    if (at === undefined) {
      at = panels.push(panel) - 1;
      known.set(key, at);
    }
    return {
      index: f.index, step: f.step, label: f.label, kind: f.kind, status: f.status, mark: frameMark(f),
      start: f.start, end: f.end, items: f.items.map((it) => ({ text: it.text, tone: it.tone })), panel: at, problems: f.problems,
    };
  });
  return { title: replay.journal.header.title, trainee, frames, panels, integrity: replay.integrity };
}
