/** tkesim sim ...: provision, reset and inspect the simulated world, and its key storage. */
import { readFileSync } from 'node:fs';
import type { SignedRequest } from '../core/command.ts';
import { faultsOf } from '../core/faults.ts';
import { addKeys, decryptableKeys, newKeyValues } from '../core/key-storage.ts';
import type { World } from '../core/types.ts';
import { DEFAULT_PROVISION, provisionProblem, provisionWorld, replaceUnits, type ProvisionOptions } from '../core/world.ts';
import { confirm } from '../engine/ask.ts';
import type { CommandContext } from '../engine/context.ts';
import { entropyFor, withDraws } from '../engine/entropy.ts';
import { DialogEnd, OK, fail, usage } from '../engine/outcome.ts';
import { decide } from '../engine/signing.ts';
import { renderRefusal, renderTable } from '../render/index.ts';
import { updateSelection } from '../workstation/index.ts';
import { flagOn, type Args, type TkeCommand } from './command.ts';
import { ok, refused, selectedUnits } from './common.ts';
import { registers } from './views.ts';

export const MAX_KEYS_PER_UNIT = 50_000;

function describe(world: World): string {
  const s = world.shape;
  return `${s.instances} service instance(s) in ${s.region}, ${world.units.length} crypto units${world.seed === null ? '' : `, seeded with "${world.seed}"`}`;
}

async function provision(ctx: CommandContext, options: ProvisionOptions, yes: boolean): Promise<World> {
  const problem = provisionProblem(options);
  if (problem) throw new DialogEnd(usage(problem));
  const existing = await ctx.world();
  if (!yes) {
    ctx.io.print(`This discards the current simulated world (${describe(existing)}): its administrators, registers and key storage. Files in CLOUDTKEFILES are kept.`);
    if (!(await confirm(ctx.io, 'Do you want to continue?', ctx.env))) throw new DialogEnd({ status: 'cancelled', message: 'The simulated world was kept as it was.' });
  }
  const world = await ctx.change(() => {
    const source = entropyFor(null, options.seed);
    const w = withDraws(provisionWorld(options, source.entropy), source);
    return { world: w, result: w };
  });
  await updateSelection(ctx.paths.tkeFiles, (s) => ({ ...s, units: [] }));
  return world;
}

function activeFaults(world: World): string {
  const f = faultsOf(world);
  const active = [
    f.loginExpired ? 'login expired (tkesim sim login)' : '', f.interruption ? `next rotation interrupted ${f.interruption.replace('-', ' ')}` : '',
    f.managerRoleMissing ? 'Manager role missing (tkesim sim fault clear)' : '',
  ];
  return active.filter((a) => a !== '').join('; ') || 'none (tkesim sim fault list)';
}

function intFlag(args: Args, name: string, fallback: number): number {
  const v = args.flags[name];
  return typeof v === 'number' ? v : fallback;
}

export const simInit: TkeCommand = {
  name: 'sim init', group: 'simulator', maxPositionals: 0,
  summary: 'Provision a fresh simulated world',
  usage: 'sim init [--instances N] [--units 2|3] [--recovery 0|2] [--failover 0|2|3] [--region R] [--seed S] [--yes]',
  flags: [
    { name: 'instances', kind: 'integer', description: 'service instances (0-8, default 1; 0: an empty resource group)' },
    { name: 'units', kind: 'integer', description: 'operational crypto units per instance', choices: [2, 3] },
    { name: 'recovery', kind: 'integer', description: 'recovery crypto units per instance (none in eu-es)', choices: [0, 2] },
    { name: 'failover', kind: 'integer', description: 'failover crypto units per instance (us-south, us-east, eu-es)', choices: [0, 2, 3] },
    { name: 'region', kind: 'string', description: 'region (default us-south)' },
    { name: 'seed', kind: 'string', description: 'make every random value reproducible (demos, tests)' },
    { name: 'yes', kind: 'boolean', description: 'do not ask before discarding the current world' },
  ],
  details: 'Provisions a new simulated cloud: every crypto unit starts in imprint mode with empty registers, and nothing is selected. Asks before discarding the current world unless --yes.',
  async run(ctx, args) {
    const region = typeof args.flags.region === 'string' ? args.flags.region : DEFAULT_PROVISION.region;
    const units = intFlag(args, 'units', 2) === 3 ? 3 : 2;
    const recovery = intFlag(args, 'recovery', region === 'eu-es' ? 0 : 2) === 0 ? 0 : 2;
    const fo = intFlag(args, 'failover', 0);
    const failover = fo === 3 ? 3 : fo === 2 ? 2 : 0;
    const seed = typeof args.flags.seed === 'string' ? args.flags.seed : ctx.env.TKESIM_SEED || null;
    const world = await provision(ctx, { instances: intFlag(args, 'instances', 1), units, recovery, failover, region, seed }, flagOn(args, 'yes'));
    ok(ctx, `A new simulated world was provisioned: ${describe(world)}.`, 'List the crypto units with: tkesim cryptounits');
    return OK;
  },
};

export const simReset: TkeCommand = {
  name: 'sim reset', group: 'simulator', maxPositionals: 0,
  summary: 'Provision the current world again from scratch (same shape and seed)',
  usage: 'sim reset [--yes]',
  flags: [{ name: 'yes', kind: 'boolean', description: 'do not ask first' }],
  details: 'Discards every change to the simulated world and provisions it again with the same shape (and seed, so a seeded world starts exactly as before).',
  async run(ctx, args) {
    const current = await ctx.world();
    const world = await provision(ctx, { ...current.shape, seed: current.seed }, flagOn(args, 'yes'));
    ok(ctx, `The simulated world was reset: ${describe(world)}.`);
    return OK;
  },
};

export const simStatus: TkeCommand = {
  name: 'sim status', group: 'simulator', maxPositionals: 0,
  summary: 'Show where the simulated world lives and its state',
  usage: 'sim status',
  details: 'Shows TKESIM_HOME, CLOUDTKEFILES, the world\'s shape and seed, and each crypto unit\'s mode, registers and key storage.',
  async run(ctx) {
    const world = await ctx.world();
    const rows = world.units.map((u, i) => [
      `${i + 1}${u.type === 'RECOVERY' ? '*' : ''}`, u.type, u.signatureThreshold === 0 ? 'IMPRINT' : 'secured',
      `${u.admins.length}/8`, `${u.signatureThreshold}/${u.revocationThreshold}`, u.newRegister.state, u.currentRegister.state,
      `${decryptableKeys(u)}/${u.keyStorage.total}`,
    ]);
    ctx.io.print([
      `TKESIM_HOME:    ${ctx.paths.home}`,
      `CLOUDTKEFILES:  ${ctx.paths.tkeFiles}`,
      `World:          ${describe(world)}`,
      `Faults:         ${activeFaults(world)}`,
      '',
      renderTable(['CRYPTO UNIT NUM', 'TYPE', 'MODE', 'ADMINS', 'THRESHOLDS', 'NEW REGISTER', 'CURRENT REGISTER', 'KEYS'], rows),
    ].join('\n'));
    return OK;
  },
};

export const simKeysCreate: TkeCommand = {
  name: 'sim keys create', group: 'simulator', maxPositionals: 1,
  summary: 'Add N simulated KMS root keys to the selected crypto units',
  usage: 'sim keys create N',
  details: `Adds N root keys to the key storage of every selected operational and failover crypto unit (recovery units hold no key storage), encrypted under its current master key (at most ${MAX_KEYS_PER_UNIT} per unit). Refused with CKR_IBM_WK_NOT_INITIALIZED when a current register is not Valid.`,
  async run(ctx, args) {
    const text = args.positionals[0] ?? '';
    if (!/^\d{1,6}$/.test(text) || Number(text) < 1 || Number(text) > MAX_KEYS_PER_UNIT) return usage(`Give the number of keys to create, from 1 to ${MAX_KEYS_PER_UNIT}.`);
    const count = Number(text);
    // Recovery units hold only a backup of the master key: they never run the KMS workload.
    const targets = (await selectedUnits(ctx, await ctx.world())).filter((u) => u.type !== 'RECOVERY');
    if (targets.length === 0) fail('Only recovery crypto units are selected, and they hold no key storage. Select operational or failover crypto units with cryptounit-add.');
    const outcome = await ctx.change((world, entropy) => {
      const values = newKeyValues(count, entropy);
      const changed = [];
      for (const t of targets) {
        const unit = world.units.find((u) => u.id === t.id) ?? t;
        if (unit.keyStorage.total + count > MAX_KEYS_PER_UNIT) return { world: null, result: `Crypto unit ${world.units.indexOf(unit) + 1} would hold more than ${MAX_KEYS_PER_UNIT} keys, the limit of the Standard plan.` };
        const r = addKeys(unit, values);
        if (!r.ok) return { world: null, result: renderRefusal({ ...r.refusal, unit: world.units.indexOf(unit) + 1 }) };
        changed.push(r.unit);
      }
      return { world: replaceUnits(world, changed), result: null };
    });
    if (outcome !== null) fail(outcome);
    ok(ctx, `${count} root key(s) were created in the key storage of the selected crypto units.`);
    return OK;
  },
};

export const simKeysCheck: TkeCommand = {
  name: 'sim keys check', group: 'simulator', maxPositionals: 0,
  summary: 'Report how many stored keys each crypto unit can still decrypt',
  usage: 'sim keys check',
  details: 'Tries every stored key of every crypto unit under its current master key and reports decryptable/total.',
  async run(ctx) {
    const world = await ctx.world();
    ctx.io.print(renderTable(['CRYPTO UNIT NUM', 'KEYS DECRYPTABLE'], world.units.map((u, i) => [`${i + 1}${u.type === 'RECOVERY' ? '*' : ''}`, `${decryptableKeys(u)}/${u.keyStorage.total}`])));
    return OK;
  },
};

export const simResend: TkeCommand = {
  name: 'sim resend', group: 'simulator', maxPositionals: 1,
  summary: 'Send captured signed requests to the crypto units again (a replay drill)',
  usage: 'sim resend FILE',
  details: 'Reads signed requests captured with TKESIM_WIRE_LOG=FILE and submits them again, as an attacker replaying traffic would. The units refuse a replayed request on its transaction counter.',
  async run(ctx, args) {
    const file = args.positionals[0];
    if (!file) return usage('Give the file of captured requests (written when TKESIM_WIRE_LOG is set).');
    let requests: SignedRequest[];
    try {
      requests = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as SignedRequest);
    } catch (e) {
      return fail(`Cannot read captured requests from ${file}: ${(e as Error).message}`);
    }
    const result = await ctx.change((world, entropy) => {
      const r = decide(world, requests, entropy);
      return { world: r.ok || r.kept.length > 0 ? r.world : null, result: r };
    });
    if (!result.ok) return refused(result);
    ok(ctx, `${requests.length} request(s) were accepted.`, registers(result.world, result.world.units));
    return OK;
  },
};

export const simSignserv: TkeCommand = {
  name: 'sim signserv', group: 'simulator', maxPositionals: 0,
  summary: 'Run a local signing service for TKE_SIGNSERV_URL (in its own terminal)',
  usage: 'sim signserv [--port N] [--add NAME ...]',
  flags: [
    { name: 'port', kind: 'integer', description: 'port on 127.0.0.1 (default: any free port)' },
    { name: 'add', kind: 'string', description: 'create a signature key of this name (repeatable)' },
  ],
  details: 'Runs a stand-in for a third-party signing service on 127.0.0.1 until Ctrl-C: it holds named signature keys (three are created on first start; --add creates more), each with its own token, and serves GET /keys/:name and POST /sign/:name. It prints the URL for TKE_SIGNSERV_URL, the key names, and where the tokens are (never the tokens). With TKE_SIGNSERV_URL set, the sigkey commands do nothing, the keys that sign are listed in CLOUDTKEFILES/SIGNSERVKEYS, and cryptounit-admin-add installs a key of the service. Start it from a terminal prompt: tkesim sim signserv.',
  async run() {
    return fail('The signing service runs in the foreground until Ctrl-C, so it does not run inside the tkesim shell. Start it in another terminal with: tkesim sim signserv [--port N]');
  },
};
