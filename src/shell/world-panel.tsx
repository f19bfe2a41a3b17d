/**
 * The world's part of the shell's frame: the status line, then the register panel as a table or
 * as the diagram. It is loaded with the engine, right after the first frame (the prompt never waits
 * for it), and it brings the panel models and, through them, the core's key checks.
 */
import { useMemo } from 'react';
import type { ShellView } from './controller.ts';
import { buildPanelModel } from './panel-model.ts';
import { RegisterDiagram } from './register-diagram.tsx';
import { DIAGRAM_MIN_WIDTH } from './register-diagram-layout.ts';
import { buildDiagramModel } from './register-diagram-model.ts';
import { RegisterPanel } from './register-panel.tsx';
import { buildStatusModel } from './status-model.ts';
import { StatusLine } from './status-line.tsx';

export interface WorldPanelProps {
  readonly view: ShellView;
  readonly width: number;
  /** Rows the panel may take (usePanelRoom): not a number until the first measure. */
  readonly rows: number;
}

export function WorldPanel({ view, width, rows }: WorldPanelProps) {
  const panel = useMemo(() => (view.world ? buildPanelModel(view.world, view.selectedUnits, view.previous) : null), [view.world, view.selectedUnits, view.previous]);
  // The diagram needs DIAGRAM_MIN_WIDTH columns; a narrower terminal keeps the table.
  const diagram = useMemo(() => (view.world && view.panelView === 'diagram' ? buildDiagramModel(view.world, view.selectedUnits, view.previous) : null), [view.world, view.selectedUnits, view.previous, view.panelView]);
  const status = useMemo(() => (view.world ? buildStatusModel(view.world, view.selectedUnits, view.signatureKeyNames) : null), [view.world, view.selectedUnits, view.signatureKeyNames]);
  if (!panel) return null;
  return (
    <>
      {status ? <StatusLine model={status} width={width} /> : null}
      {diagram && width >= DIAGRAM_MIN_WIDTH ? <RegisterDiagram model={diagram} width={width} maxRows={rows} summary={panel.summary} outside={view.changedOutside} />
        : <RegisterPanel model={panel} width={width} outside={view.changedOutside} maxRows={Number.isFinite(rows) ? rows : undefined} />}
    </>
  );
}
