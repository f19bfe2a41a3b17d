/** Choosing the panel's view: the `panel` word, F2, and the controller's view state. */
import test from 'ava';
import type { World } from '../../src/core/types.ts';
import { OK, usage } from '../../src/engine/outcome.ts';
import { ShellController, type ShellEngine } from '../../src/shell/controller.ts';
import { panelWord, panelWordRest } from '../../src/shell/panel-view.ts';
import { isF2 } from '../../src/shell/prompt-keys.ts';
import { buildDiagramModel } from '../../src/shell/register-diagram-model.ts';
import { TRANSITIONS } from './register-steps.ts';

test('panel diagram, panel table, and panel alone switching; anything else says how', (t) => {
  t.like(panelWord('diagram', 'table'), { kind: 'switch', view: 'diagram' });
  t.like(panelWord('table', 'diagram'), { kind: 'switch', view: 'table' });
  t.like(panelWord(' Diagram ', 'diagram'), { kind: 'switch', view: 'diagram' });
  t.like(panelWord('', 'table'), { kind: 'switch', view: 'diagram' });
  t.like(panelWord('', 'diagram'), { kind: 'switch', view: 'table' });
  const wrong = panelWord('tree', 'table');
  t.is(wrong.kind, 'usage');
  t.regex(wrong.message, /"tree" is not a panel view\. Type "panel diagram" or "panel table" \(F2 switches/);
});

test('the panel word is told from other lines', (t) => {
  t.is(panelWordRest('panel'), '');
  t.is(panelWordRest('  panel diagram '), 'diagram');
  t.is(panelWordRest('tkesim panel table'), 'table');
  t.is(panelWordRest('panels'), null);
  t.is(panelWordRest('cryptounit-mk'), null);
  t.is(panelWordRest('hint panel'), null);
});

test('F2 in the forms terminals send; other function keys and text are not F2', (t) => {
  for (const f2 of ['\u001bOQ', '\u001b[12~', '\u001b[[B', '\u001b[1;2Q', '\u001b[12;5~']) t.true(isF2(f2), JSON.stringify(f2));
  for (const other of ['\u001bOP', '\u001bOR', '\u001b[11~', '\u001b[13~', '\u001b[B', 'Q', 'OQ', '\u001bOQx']) t.false(isF2(other), JSON.stringify(other));
});

/** An engine whose only command loads the new registers: the world before and after cryptounit-mk-load. */
function loadingEngine(): ShellEngine {
  let world: World = TRANSITIONS.load.before;
  return {
    run: async (line) => {
      if (line === 'cryptounit-mk-load') {
        world = TRANSITIONS.load.after;
        return OK;
      }
      return usage(`"${line.split(' ')[0] ?? ''}" is not a tkesim command.`);
    },
    world: async () => world,
    selection: async () => ({ units: [], signatureKeyNames: [] }),
    keynums: async () => ({ signatureKeys: [], keyParts: [] }),
  };
}

test('switching views is no command: the last command stays highlighted and its change line stays', async (t) => {
  const c = new ShellController(loadingEngine());
  await c.refresh(null);
  t.is(c.view.panelView, 'table');
  await c.submit('cryptounit-mk-load');
  const previous = c.view.previous;
  t.truthy(previous);
  await c.submit('panel diagram');
  t.is(c.view.panelView, 'diagram');
  t.is(c.view.previous, previous, 'the world before the load is kept');
  const world = c.view.world;
  if (!world) throw new Error('no world');
  t.deepEqual(buildDiagramModel(world, c.view.selectedUnits, c.view.previous).instances.map((i) => i.moves), [['load']]);
  t.deepEqual(c.view.log.slice(-2).map((i) => i.text), ['tkesim> panel diagram', 'The panel draws the master key registers as a diagram. "panel table" or F2 shows the table again.']);
  await c.submit('panel');
  t.is(c.view.panelView, 'table');
  c.togglePanelView();
  t.is(c.view.panelView, 'diagram');
  c.setPanelView('diagram');
  t.is(c.view.panelView, 'diagram');
  await c.submit('panel sideways');
  t.is(c.view.panelView, 'diagram', 'a wrong view changes nothing');
  await c.submit('pnael');
  t.regex(c.view.log.at(-1)?.text ?? '', /Did you mean the shell word: panel\?/);
});
