/** Checks across a parsed script: the roles a ceremony needs, and names and steps that refer to each other. */
import { withRole, type CeremonyScript } from './script-model.ts';
import type { Problem } from './yaml-reader.ts';

export function checkReferences(script: CeremonyScript, sandboxSetup: boolean): Problem[] {
  const problems: Problem[] = [];
  const at = (line: number, message: string) => problems.push({ line, message });
  const administrators = withRole(script, 'ceremony administrator');
  if (administrators.length !== 1) at(1, `a ceremony has exactly one ceremony administrator; this script has ${administrators.length}.`);
  if (withRole(script, 'internal witness').length === 0) at(1, 'a ceremony needs an internal witness: add a participant with "role: internal witness".');
  if (sandboxSetup) at(1, '"setup" builds a fresh world: a script on the sandbox ("world: sandbox") has none.');
  const names = new Set(script.participants.map((p) => p.name));
  const descriptions = new Map<string, string>();
  for (const p of script.participants) {
    if (!p.part) continue;
    const other = descriptions.get(p.part.description);
    if (other) at(p.line, `${p.name} and ${other} have the same key part description "${p.part.description}": each part file needs its own.`);
    descriptions.set(p.part.description, p.name);
  }
  const parts = new Set(script.participants.flatMap((p) => (p.part ? [p.part.number] : [])));
  for (const c of [...script.setup, ...script.steps.flatMap((s) => s.commands)]) {
    if (c.actor !== null && !names.has(c.actor)) at(c.sourceLine, `"as: ${c.actor}" names someone who is not a participant.`);
  }
  for (const step of script.steps) {
    for (const e of step.expect) {
      if (e.state.word !== 'current vp as read back' && e.state.word !== 'current vp differs from read back') continue;
      const earlier = script.steps[e.state.step - 1];
      if (!earlier || e.state.step >= step.number) at(e.line, `"${e.state.word}: ${e.state.step}" must name an earlier step.`);
      else if (!earlier.readBack.some((b) => b.kind === 'register')) at(e.line, `"${e.state.word}: ${e.state.step}": step ${e.state.step} reads back no register.`);
    }
    for (const b of step.readBack) {
      if (b.kind === 'key part' && !parts.has(b.part)) at(step.line, `step ${step.number} reads back key part ${b.part}, but no custodian holds part ${b.part}.`);
    }
  }
  return problems;
}
