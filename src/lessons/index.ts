/**
 * The lesson front-end's public side. Importing it puts the lesson words into every shell; the
 * lesson code itself loads right after the shell's first frame, so the prompt is not kept waiting.
 */
import { addShellPlugin } from '../shell/plugins.ts';

addShellPlugin(async (controller, env) => (await import('./lesson-plugin.tsx')).installLessons(controller, env), { deferred: true });
