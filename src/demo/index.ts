/** The demo front-end's public side: its script format, for players that read training values. */
export { parseDemoScript, type DemoScript } from './demo-script.ts';
