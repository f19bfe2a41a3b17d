/** `tkesim ceremony SCRIPT` in a terminal: the shell on the ceremony's world, with the script panel and the ceremony's words. */
import { startShell } from '../shell/start.tsx';
import { registerCeremonyBuiltins } from './ceremony-builtins.ts';
import { CeremonyHost, type ScriptSource } from './host.ts';
import type { CeremonyScript } from './script-model.ts';
import { ScriptPanel } from './script-panel.tsx';
import { digestLines } from './record-files.ts';

export interface CeremonyRun {
  readonly script: CeremonyScript;
  readonly source: ScriptSource;
  readonly env: NodeJS.ProcessEnv;
  /** Where a fresh world lives (emptied first). */
  readonly worldDir: string;
  readonly recordBase: string;
}

export async function startCeremonyShell(run: CeremonyRun): Promise<number> {
  process.stdout.write(`Preparing the ceremony "${run.script.title}"...\n`);
  const host = new CeremonyHost(run.script, run.source, run.env, run.worldDir, run.recordBase);
  await host.session.prepare();
  const code = await startShell(run.env, {
    engine: host.engine(),
    greeting: 'tkesim ceremony: rehearse a ceremony script with its roles and a witness. Type "hint" for the current step, "exit" to leave.',
    setup: (controller) => {
      host.attach(controller);
      registerCeremonyBuiltins(controller, host);
      controller.log(host.intro(), 'normal');
      host.session.announce();
      host.session.changed();
      return <ScriptPanel source={host} />;
    },
  });
  host.leave();
  if (host.written) process.stdout.write(`${digestLines(host.written).join('\n')}\n`);
  return code;
}
