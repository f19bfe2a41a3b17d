/**
 * Plugs the recorder into every shell (`record start` / `record stop`, and a recording already
 * running in this process) right after the shell's first frame, loading its code only then.
 */
import { addShellPlugin } from '../shell/plugins.ts';

addShellPlugin(async (controller, env) => (await import('./shell-recording.ts')).installRecording(controller, env), { deferred: true });
