/** The replay front-end's public side: taking over on a copy of a state (a demo's live take-over uses it). */
export { homeEnv, takeOver, type TakeOverOptions } from './take-over.ts';
