/**
 * The recorder's public side, for the entry and the other front-ends (a demo or a take-over that
 * records). Importing it plugs `record start` / `record stop` and any recording running in this
 * process into every shell.
 */
import { addShellPlugin } from '../shell/plugins.ts';
import { installRecording } from './shell-recording.ts';

addShellPlugin(installRecording);

export { activeRecorder, Recorder } from './recorder.ts';
export { startFileRecording, withRecording } from './start-recording.ts';
