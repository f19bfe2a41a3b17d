/**
 * The recorder's public side, for the other front-ends (a demo or a take-over that records).
 * Importing it also plugs the recorder into every shell (see plugin.ts).
 */
import './plugin.ts';

export { activeRecorder, Recorder } from './recorder.ts';
export { startFileRecording, withRecording } from './start-recording.ts';
