/** The lesson front-end's public side. Importing it puts the lesson words into every shell. */
import { addShellPlugin } from '../shell/plugins.ts';
import { installLessons } from './lesson-plugin.tsx';

addShellPlugin(installLessons);

export { learn } from './learn.ts';
