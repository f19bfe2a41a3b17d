/**
 * A ceremony in the shell: the session on its own world, the engine the shell runs on for it, the
 * script panel's model, and the record written when the ceremony ends or is aborted. No React.
 */
import { basename } from 'node:path';
import { activeRecorder } from '../record/index.ts';
import type { ShellController, ShellEngine } from '../shell/controller.ts';
import { shellEngine } from '../shell/engine-adapter.ts';
import type { CeremonyEnd } from './ceremony-state.ts';
import { buildRecord } from './record-model.ts';
import { digestLines, writeRecord, type WrittenRecord } from './record-files.ts';
import { leads, type CeremonyScript } from './script-model.ts';
import { buildScriptPanel, CEREMONY_WORDS, type ScriptPanelModel } from './script-panel-model.ts';
import { CeremonySession } from './session.ts';
import { ShellDesk } from './shell-desk.ts';

export interface ScriptSource {
  readonly file: string;
  readonly sha256: string;
}

export class CeremonyHost {
  readonly session: CeremonySession;
  readonly desk: ShellDesk;
  #model: ScriptPanelModel | null = null;
  #written: WrittenRecord | null = null;
  readonly #listeners = new Set<() => void>();

  #controller: ShellController | null = null;

  constructor(
    readonly script: CeremonyScript,
    readonly source: ScriptSource,
    env: NodeJS.ProcessEnv,
    worldDir: string,
    /** Where the record goes: NAME.md, NAME.html, NAME.sha256 (beside NAME.cast and NAME.journal.jsonl). */
    readonly recordBase: string,
  ) {
    this.desk = new ShellDesk(() => this.controller);
    this.session = new CeremonySession(script, worldDir, env, this.desk);
    this.session.onChange(() => this.#refresh());
    this.session.onEnd((end) => this.#ended(end));
  }

  get controller(): ShellController {
    if (!this.#controller) throw new Error('the ceremony is not attached to a shell yet');
    return this.#controller;
  }

  /** The shell the ceremony runs in (its log, its questions). */
  attach(controller: ShellController): void {
    this.#controller = controller;
  }

  get written(): WrittenRecord | null {
    return this.#written;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  getModel = (): ScriptPanelModel | null => this.#model;

  #refresh(): void {
    const s = this.session;
    this.#model = buildScriptPanel({
      script: s.script, progress: s.progress, currentIndex: s.currentIndex, holder: s.holder,
      exceptions: s.exceptions, ended: s.ended, checks: s.currentChecks(),
    });
    for (const l of this.#listeners) l();
  }

  /** The engine the shell runs on: every line goes through the session. */
  engine(): ShellEngine {
    const base = shellEngine(this.session.world.env);
    return { ...base, paths: this.session.world.paths, run: (line, io) => this.session.run(line, io) };
  }

  /** What the log shows when the ceremony starts. */
  intro(): string {
    const s = this.script;
    const { administrator, witness } = leads(s);
    const first = s.steps[0];
    return [
      `Ceremony: ${s.title}`,
      `Script: ${this.source.file}. Record: ${this.recordBase}.md, written when the ceremony ends or is aborted.`,
      `Participants: ${s.participants.map((p) => `${p.name} (${p.roles.join(', ')})`).join(', ')}.`,
      'Each person types only their own secrets. Before each one, the screen says who takes the keyboard, and the screen is cleared between people. Training passwords for a rehearsal are in the script file: never write a real one there.',
      `Witness ${witness} records a deviation with "exception TEXT"; refusals, wrong passwords, commands not in the script, skipped steps and states that differ are recorded automatically. Ceremony administrator ${administrator} decides each: continue, retry or abort REASON.`,
      `Words: ${CEREMONY_WORDS}.`,
      '',
      first ? `Step 1 of ${s.steps.length}: ${first.title}. ${first.actor}: ${first.instruction}` : '',
      `Keyboard: ${this.session.holder}.`,
    ].join('\n');
  }

  #ended(end: CeremonyEnd): void {
    const recorder = activeRecorder();
    const files = recorder?.files ?? { cast: null, journal: null };
    const record = buildRecord(this.session, end, this.source, {
      journal: recorder?.options.journalFile ? basename(recorder.options.journalFile) : (files.journal ? basename(files.journal) : null),
      cast: files.cast ? basename(files.cast) : null,
    });
    try {
      this.#written = writeRecord(record, this.recordBase);
      this.controller.log(digestLines(this.#written).join('\n'), 'ok');
      this.controller.log('Read the hash aloud (hex or words) so that a printed copy can be matched to the file. Type exit to leave.', 'muted');
    } catch (e) {
      this.controller.log(`FAILED\nThe ceremony record could not be written to ${this.recordBase}.md: ${e instanceof Error ? e.message : String(e)}`, 'error');
    }
  }

  /** The shell was left: a ceremony still running is aborted (its record says so). */
  leave(): void {
    if (!this.session.ended) this.session.abort('the ceremony shell was closed (exit) before the last step');
  }
}
