/**
 * Reading a ceremony script (YAML) into the model, with every problem named by its line:
 * "line 12: step 3 names the actor "Bobb", who is not a participant."
 */
import { isScalar, type Node } from 'yaml';
import type { WorldShape } from '../core/types.ts';
import { provisionProblem } from '../core/world.ts';
import { parseCommandLine } from './command-line.ts';
import { ROLES, type CeremonyScript, type ExpectedCommand, type Participant, type Role, type ScriptWorld, type Step } from './script-model.ts';
import { parseExpectation, parseReadBack } from './script-parse-state.ts';
import { checkReferences } from './script-references.ts';
import { YamlReader, type Problem } from './yaml-reader.ts';

export class ScriptError extends Error {
  constructor(readonly problems: readonly Problem[], file: string) {
    super(problems.map((p) => `${file}:${p.line}: ${p.message}`).join('\n'));
  }
}

const TOP = ['title', 'world', 'allowed', 'setup', 'participants', 'steps'];
const WORLD = ['seed', 'instances', 'units', 'recovery', 'failover', 'region'];
const PARTICIPANT = ['name', 'role', 'signature key', 'part', 'description', 'training password', 'training value'];
const STEP = ['step', 'title', 'actor', 'instruction', 'commands', 'expect', 'read back'];
const COMMAND = ['run', 'answers', 'as'];

function parseWorld(r: YamlReader, node: Node | null): ScriptWorld | null {
  if (node && isScalar(node) && node.value === 'sandbox') return { kind: 'sandbox' };
  const map = r.map(node, '"world" (sandbox, or a seeded world: seed, instances, units, recovery, failover, region)');
  if (!map) return null;
  const f = r.fields(map, '"world"', WORLD);
  const seedNode = r.required(f, 'seed', map, '"world"');
  const seed = seedNode && r.text(seedNode, '"world: seed"');
  const num = (key: string, fallback: number, min: number, max: number) => {
    const v = f.get(key);
    return v ? r.integer(v.value, `"world: ${key}"`, min, max) : fallback;
  };
  const instances = num('instances', 1, 1, 8);
  const units = num('units', 2, 2, 3);
  const recovery = num('recovery', 0, 0, 2);
  const failover = num('failover', 0, 0, 3);
  const regionNode = f.get('region');
  const region = regionNode ? r.text(regionNode.value, '"world: region"') : 'us-south';
  if (seed === null || instances === null || units === null || recovery === null || failover === null || region === null) return null;
  if ((units !== 2 && units !== 3) || (recovery !== 0 && recovery !== 2) || (failover !== 0 && failover !== 2 && failover !== 3)) {
    return r.problem(map, '"world": units must be 2 or 3, recovery 0 or 2, failover 0, 2 or 3 (as for sim init).');
  }
  const shape: WorldShape = { instances, units, recovery, failover, region };
  const problem = provisionProblem({ ...shape, seed });
  return problem ? r.problem(map, `"world": ${problem}`) : { kind: 'fresh', seed, shape };
}

function parseParticipant(r: YamlReader, node: Node): Participant | null {
  const map = r.map(node, 'each participant');
  if (!map) return null;
  const f = r.fields(map, 'a participant', PARTICIPANT);
  const nameNode = r.required(f, 'name', map, 'a participant');
  const name = nameNode && r.text(nameNode, 'a participant\'s "name"');
  const roleNode = r.required(f, 'role', map, name ?? 'a participant');
  const roleNames = roleNode && r.texts(roleNode, `the "role" of ${name ?? 'a participant'}`);
  if (name === null || roleNames === null) return null;
  const roles: Role[] = [];
  for (const role of roleNames) {
    const found = ROLES.find((x) => x === role.toLowerCase());
    if (found) roles.push(found);
    else r.problem(f.get('role')?.value, `${name}: unknown role "${role}". Roles: ${ROLES.join(', ')}.`);
  }
  if (roles.length !== roleNames.length) return null;
  const optional = (key: string) => {
    const v = f.get(key);
    return v ? r.text(v.value, `${name}: "${key}"`) : null;
  };
  const custodian = roles.includes('key part custodian');
  const partNode = f.get('part');
  if (custodian && !partNode) return r.problem(map, `${name} is a key part custodian: say which part they hold ("part: 1").`);
  const number = partNode ? r.integer(partNode.value, `${name}: "part"`, 1, 3) : null;
  const value = optional('training value');
  if (value !== null && !/^[0-9a-fA-F]{64}$/.test(value)) return r.problem(f.get('training value')?.value, `${name}: a "training value" is a key part value of exactly 64 hexadecimal digits.`);
  return {
    name, roles, line: r.line(map),
    signatureKey: roles.includes('administrator') ? (optional('signature key') ?? name) : null,
    part: number === null ? null : { number, description: optional('description') ?? `part ${number} ${name}` },
    trainingPassword: optional('training password'),
    trainingValue: value,
  };
}

function parseCommand(r: YamlReader, node: Node, where: string): ExpectedCommand | null {
  const map = isScalar(node) ? null : r.map(node, `${where}: each command ("cryptounits", or run: and answers:)`);
  if (!isScalar(node) && !map) return null;
  const f = map ? r.fields(map, `${where}: a command`, COMMAND) : new Map<string, { value: Node | null }>();
  const line = r.text(map ? (f.get('run')?.value ?? map) : node, `${where}: a command's "run"`);
  if (line === null) return null;
  const parsed = parseCommandLine(line);
  if (!parsed.ok) return r.problem(node, `${where}: "${line}": ${parsed.message}.`);
  const answersNode = f.get('answers');
  const answers = answersNode ? r.texts(answersNode.value, `${where}: "answers"`, true) : [];
  const asNode = f.get('as');
  const actor = asNode ? r.text(asNode.value, `${where}: "as"`) : null;
  if (answers === null || (asNode && actor === null)) return null;
  return { line, command: parsed.command, answers, actor, sourceLine: r.line(node) };
}

/** Every item, or null when one of them had a problem. */
function allOrNull<T>(xs: readonly (T | null)[]): T[] | null {
  const out: T[] = [];
  for (const x of xs) {
    if (x === null) return null;
    out.push(x);
  }
  return out;
}

function firstSentence(text: string): string {
  const s = text.split(/(?<=\.)\s/)[0] ?? text;
  return s.replace(/\.$/, '').slice(0, 60);
}

function parseStep(r: YamlReader, node: Node, index: number, names: ReadonlySet<string>): Step | null {
  const map = r.map(node, `step ${index + 1}`);
  if (!map) return null;
  const f = r.fields(map, `step ${index + 1}`, STEP);
  const numberNode = r.required(f, 'step', map, `step ${index + 1}`);
  const number = numberNode && r.integer(numberNode, `step ${index + 1}: "step" (its number)`, 1, 999);
  if (number !== null && number !== index + 1) r.problem(f.get('step')?.value, `steps are numbered 1, 2, 3, ... in order: this one should be ${index + 1}, not ${number}.`);
  const where = `step ${index + 1}`;
  const actorNode = f.get('actor');
  const actor = actorNode ? r.text(actorNode.value, `${where}: "actor"`) : r.problem(map, `${where} has no actor: say who does it ("actor: Alice").`);
  if (actor !== null && !names.has(actor)) r.problem(actorNode?.value, `${where} names the actor "${actor}", who is not a participant.`);
  const instructionNode = r.required(f, 'instruction', map, where);
  const instruction = instructionNode && r.text(instructionNode, `${where}: "instruction"`);
  const titleNode = f.get('title');
  const title = titleNode ? r.text(titleNode.value, `${where}: "title"`) : null;
  const commandsNode = r.required(f, 'commands', map, where);
  const commandNodes = (commandsNode && r.list(commandsNode, `${where}: "commands"`)) ?? [];
  if (commandsNode && commandNodes.length === 0) r.problem(commandsNode, `${where} expects no command: list at least one.`);
  const commands = commandNodes.map((c) => parseCommand(r, c, where));
  const expectNode = f.get('expect');
  const expect = expectNode ? (r.list(expectNode.value, `${where}: "expect"`) ?? []).map((e) => parseExpectation(r, e)) : [];
  const readNode = f.get('read back');
  const readBack = readNode ? (r.list(readNode.value, `${where}: "read back"`) ?? []).map((e) => parseReadBack(r, e)) : [];
  if (actor === null || instruction === null || number === null) return null;
  const c = allOrNull(commands);
  const e = allOrNull(expect);
  const b = allOrNull(readBack);
  if (!c || !e || !b) return null;
  return { number, title: title ?? firstSentence(instruction), actor, instruction, commands: c, expect: e, readBack: b, line: r.line(map) };
}

/** Parses and validates a script; throws a ScriptError listing every problem with its line. */
export function parseCeremonyScript(text: string, file: string, id: string): CeremonyScript {
  const r = new YamlReader(text);
  const fail = () => new ScriptError(r.problems.slice(0, 20), file);
  if (r.problems.length > 0) throw fail();
  const top = r.map(r.root, 'A ceremony script');
  if (!top) throw fail();
  const f = r.fields(top, 'the script', TOP);
  const titleNode = r.required(f, 'title', top, 'the script');
  const title = titleNode && r.text(titleNode, '"title"');
  const worldNode = r.required(f, 'world', top, 'the script');
  const world = worldNode && parseWorld(r, worldNode);
  const allowedNode = f.get('allowed');
  const allowed = (allowedNode ? r.texts(allowedNode.value, '"allowed"') ?? [] : []).flatMap((line) => {
    const parsed = parseCommandLine(line);
    return parsed.ok ? [parsed.command] : (r.problem(allowedNode?.value, `"allowed": "${line}": ${parsed.message}.`) ?? []);
  });
  const participantsNode = r.required(f, 'participants', top, 'the script');
  const participants = ((participantsNode && r.list(participantsNode, '"participants"')) ?? []).map((p) => parseParticipant(r, p));
  const names = new Set<string>();
  for (const p of participants) {
    if (p && names.has(p.name)) r.problems.push({ line: p.line, message: `${p.name} is listed twice: list each person once, with all their roles.` });
    if (p) names.add(p.name);
  }
  const stepsNode = r.required(f, 'steps', top, 'the script');
  const steps = ((stepsNode && r.list(stepsNode, '"steps"')) ?? []).map((s, i) => parseStep(r, s, i, names));
  const setupNode = f.get('setup');
  const setup = setupNode ? (r.list(setupNode.value, '"setup"') ?? []).map((c) => parseCommand(r, c, 'setup')) : [];
  if (r.problems.length > 0 || title === null || world === null) throw fail();
  const script: CeremonyScript = {
    id, title, world, allowed,
    setup: setup.filter((c) => c !== null),
    participants: participants.filter((p) => p !== null),
    steps: steps.filter((s) => s !== null),
  };
  for (const p of checkReferences(script, world.kind === 'sandbox' && setup.length > 0)) r.problems.push(p);
  if (r.problems.length > 0) throw fail();
  return script;
}
