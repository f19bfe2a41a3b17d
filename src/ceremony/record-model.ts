/**
 * What the ceremony record says, as data: gathered from the session when the ceremony ends, then
 * written as Markdown and as one HTML page. No secret is ever part of it: verification patterns,
 * names and commands only.
 */
import { decryptableKeys } from '../core/key-storage.ts';
import type { World } from '../core/types.ts';
import { vpOf } from '../core/unit.ts';
import type { CeremonyEnd } from './ceremony-state.ts';
import { type CeremonyScript, type Participant } from './script-model.ts';
import type { CeremonySession } from './session.ts';
import type { CommandNote, ReadBackNote, StepStatus } from './step-progress.ts';
import type { CeremonyException } from './witness.ts';

export interface RecordStep {
  readonly number: number;
  readonly title: string;
  readonly actor: string;
  readonly instruction: string;
  readonly status: StepStatus;
  readonly started: Date | null;
  readonly ended: Date | null;
  readonly commands: readonly CommandNote[];
  readonly readBacks: readonly ReadBackNote[];
}

export interface RecordUnit {
  readonly num: number;
  readonly type: string;
  readonly mode: string;
  readonly admins: string;
  readonly thresholds: string;
  readonly newRegister: { readonly state: string; readonly vp: string };
  readonly currentRegister: { readonly state: string; readonly vp: string };
  readonly keys: string;
}

export interface CeremonyRecord {
  readonly title: string;
  readonly script: { readonly file: string; readonly sha256: string };
  readonly world: string;
  readonly started: Date;
  readonly end: CeremonyEnd;
  readonly participants: readonly { readonly name: string; readonly roles: string; readonly holds: string }[];
  readonly steps: readonly RecordStep[];
  readonly exceptions: readonly CeremonyException[];
  readonly units: readonly RecordUnit[];
  /** The recording of the run, beside the record (base names). */
  readonly recording: { readonly journal: string | null; readonly cast: string | null };
  readonly signOff: readonly { readonly name: string; readonly role: string }[];
}

function holds(p: Participant): string {
  const parts = [p.signatureKey ? `signature key "${p.signatureKey}"` : '', p.part ? `key part ${p.part.number} ("${p.part.description}")` : ''];
  return parts.filter((x) => x !== '').join('; ') || '-';
}

function worldText(script: CeremonyScript): string {
  const w = script.world;
  if (w.kind === 'sandbox') return 'the user\'s own sandbox world';
  const s = w.shape;
  return `a fresh seeded world (seed "${w.seed}"): ${s.instances} service instance(s), ${s.units} operational, ${s.recovery} recovery and ${s.failover} failover crypto units per instance, region ${s.region}${script.setup.length ? `, prepared by ${script.setup.length} setup commands` : ''}`;
}

export function unitRows(world: World): RecordUnit[] {
  return world.units.map((u, i) => ({
    num: i + 1,
    type: u.type,
    mode: u.signatureThreshold === 0 ? 'imprint' : 'secured',
    admins: u.admins.map((a) => a.name).join(', ') || 'none',
    thresholds: `${u.signatureThreshold}/${u.revocationThreshold}`,
    newRegister: { state: u.newRegister.state, vp: vpOf(u.newRegister) },
    currentRegister: { state: u.currentRegister.state, vp: vpOf(u.currentRegister) },
    keys: `${decryptableKeys(u)}/${u.keyStorage.total}`,
  }));
}

export function buildRecord(
  session: CeremonySession,
  end: CeremonyEnd,
  script: { readonly file: string; readonly sha256: string },
  recording: CeremonyRecord['recording'],
): CeremonyRecord {
  const s = session.script;
  return {
    title: s.title,
    script,
    world: worldText(s),
    started: session.started,
    end,
    participants: s.participants.map((p) => ({ name: p.name, roles: p.roles.join(', '), holds: holds(p) })),
    steps: s.steps.map((step, i) => {
      const p = session.progress[i];
      return {
        number: step.number, title: step.title, actor: step.actor, instruction: step.instruction,
        status: p?.status ?? 'pending', started: p?.started ?? null, ended: p?.ended ?? null,
        commands: p?.commands ?? [], readBacks: p?.readBacks ?? [],
      };
    }),
    exceptions: session.exceptions,
    units: session.facts ? unitRows(session.facts.world) : [],
    recording,
    signOff: s.participants.map((p) => ({ name: p.name, role: p.roles.join(', ') })),
  };
}
