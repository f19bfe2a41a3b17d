/** tkesim sim fault KIND | list | clear, and sim login: accidents to rehearse recoveries on (reference 4.4). */
import {
  FAULT_KINDS, INTERRUPTION_OF, clearCurrentByMistake, defaultFaultUnit, driftThresholds, faultsOf, isFaultKind,
  lockThresholdsByOldPlugin, unsetControlPoints, withFaults, zeroizeByMistake, type FaultKind, type UnitFault,
} from '../core/faults.ts';
import type { CryptoUnit, World } from '../core/types.ts';
import { unitByNumber, unitNumber } from '../core/world.ts';
import type { CommandContext } from '../engine/context.ts';
import { OK, fail, usage, type Outcome } from '../engine/outcome.ts';
import { renderAccountHeader, renderTable } from '../render/index.ts';
import { listSignatureKeys, removeSignatureKey, updateSelection } from '../workstation/index.ts';
import type { TkeCommand } from './command.ts';
import { ok } from './common.ts';
import { FAULT_GUIDES } from './fault-guide.ts';

const LIST_HINT = 'The documented recovery: tkesim sim fault list.';

function targetUnit(world: World, arg: string | undefined): CryptoUnit {
  if (world.units.length === 0) fail('The simulated world has no crypto unit: its resource group is empty (sim init --instances 0).');
  if (arg === undefined) {
    const unit = defaultFaultUnit(world);
    if (!unit) fail('The simulated world has no operational crypto unit.');
    return unit;
  }
  const unit = /^\d{1,3}$/.test(arg) ? unitByNumber(world, Number(arg)) : undefined;
  if (!unit) fail(`${JSON.stringify(arg.slice(0, 20))} is not a CRYPTO UNIT NUM: choose from 1 to ${world.units.length} (see tkesim cryptounits).`);
  return unit;
}

async function damageUnit(ctx: CommandContext, kind: FaultKind, arg: string | undefined, fn: (w: World, u: CryptoUnit) => UnitFault): Promise<Outcome> {
  const done = await ctx.change((world) => {
    const unit = targetUnit(world, arg);
    const r = fn(world, unit);
    return { world: r.ok ? r.world : null, result: r.ok ? { ok: true as const, num: unitNumber(world, unit.id) } : r };
  });
  if (!done.ok) fail(`${done.problem} Nothing was changed.`);
  ok(ctx, `Crypto unit ${done.num}: ${FAULT_GUIDES[kind].summary}`, FAULT_GUIDES[kind].leaves, LIST_HINT);
  return OK;
}

async function loseSignatureKey(ctx: CommandContext, arg: string | undefined): Promise<Outcome> {
  const world = await ctx.world();
  const keys = await listSignatureKeys(ctx.paths.tkeFiles);
  const installed = keys.filter((k) => world.units.some((u) => u.admins.some((a) => a.ski === k.ski)));
  const entry = arg === undefined ? installed[installed.length - 1] : keys.find((k) => String(k.keynum) === arg);
  if (!entry) fail(arg === undefined ? 'No signature key file on this workstation belongs to an installed administrator. Initialize the crypto units first.' : `${JSON.stringify(arg.slice(0, 20))} is not a KEYNUM of this workstation (see sigkeys).`);
  await removeSignatureKey(entry);
  await updateSelection(ctx.paths.tkeFiles, (s) => ({ ...s, signatureKeys: s.signatureKeys.filter((k) => k !== entry.ski) }));
  ok(ctx, `The signature key file of ${entry.name} (KEYNUM ${entry.keynum}) is lost: ${FAULT_GUIDES['sigkey-lost'].summary}`, FAULT_GUIDES['sigkey-lost'].leaves, LIST_HINT);
  return OK;
}

async function inject(ctx: CommandContext, kind: FaultKind, arg: string | undefined): Promise<Outcome> {
  switch (kind) {
    case 'login-expired':
      await ctx.change((w) => ({ world: withFaults(w, { loginExpired: true }), result: null }));
      ok(ctx, FAULT_GUIDES[kind].summary, FAULT_GUIDES[kind].leaves, LIST_HINT);
      return OK;
    case 'rotate-before-rewrap':
    case 'rotate-after-rewrap':
      await ctx.change((w) => ({ world: withFaults(w, { interruption: INTERRUPTION_OF[kind] }), result: null }));
      ok(ctx, `Armed: ${FAULT_GUIDES[kind].summary}`, FAULT_GUIDES[kind].leaves, 'Disarm it with tkesim sim fault clear. ' + LIST_HINT);
      return OK;
    case 'threshold-drift': return damageUnit(ctx, kind, arg, driftThresholds);
    case 'unit-zeroized': return damageUnit(ctx, kind, arg, zeroizeByMistake);
    case 'current-cleared': return damageUnit(ctx, kind, arg, clearCurrentByMistake);
    case 'sigkey-lost': return loseSignatureKey(ctx, arg);
    case 'manager-role-missing':
      await ctx.change((w) => ({ world: withFaults(w, { managerRoleMissing: true }), result: null }));
      ok(ctx, FAULT_GUIDES[kind].summary, FAULT_GUIDES[kind].leaves, 'Restore the role with tkesim sim fault clear. ' + LIST_HINT);
      return OK;
    case 'thresholds-locked': {
      const done = await ctx.change((w) => {
        const unit = targetUnit(w, arg);
        const r = lockThresholdsByOldPlugin(w, unit.instanceId);
        return { world: r.ok ? r.world : null, result: r.ok ? { ok: true as const, n: r.world.units.filter((u, i) => u !== w.units[i]).length } : r };
      });
      if (!done.ok) fail(`${done.problem} Nothing was changed.`);
      ok(ctx, `${done.n} crypto units: ${FAULT_GUIDES[kind].summary}`, FAULT_GUIDES[kind].leaves, LIST_HINT);
      return OK;
    }
    case 'control-points-unset': {
      const n = await ctx.change((w) => {
        const unit = targetUnit(w, arg);
        return { world: unsetControlPoints(w, unit.instanceId), result: w.units.filter((u) => u.instanceId === unit.instanceId).length };
      });
      ok(ctx, `${n} crypto units: ${FAULT_GUIDES[kind].summary}`, FAULT_GUIDES[kind].leaves, LIST_HINT);
      return OK;
    }
  }
}

export const simFault: TkeCommand = {
  name: 'sim fault', group: 'simulator', maxPositionals: 2,
  summary: 'Inject a fault to rehearse a recovery (sim fault list shows them)',
  usage: `sim fault KIND [CRYPTO_UNIT_NUM | KEYNUM]   KIND: ${FAULT_KINDS.join(', ')}`,
  details: 'Leaves the simulated world as the troubleshooting pages describe it after an accident, or arms an interruption of the next rotation. Unit faults hit the given CRYPTO UNIT NUM (default: the last operational unit that is out of imprint mode); control-points-unset and thresholds-locked hit every unit of that unit\'s service instance; sigkey-lost deletes the given KEYNUM (default: the last key file of an installed administrator). See tkesim sim fault list for each fault and its documented recovery.',
  async run(ctx, args) {
    const [kind, arg] = args.positionals;
    if (kind === undefined || !isFaultKind(kind)) return usage(`Name a fault: ${FAULT_KINDS.join(', ')}. tkesim sim fault list explains each.`);
    return inject(ctx, kind, arg);
  },
};

export const simFaultList: TkeCommand = {
  name: 'sim fault list', group: 'simulator', maxPositionals: 0,
  summary: 'List the faults, what each leaves behind, and the documented recovery',
  usage: 'sim fault list',
  details: 'Explains every fault kind of tkesim sim fault: what it leaves in the simulated world and the recovery steps of the troubleshooting pages. Also shows the faults now active.',
  async run(ctx) {
    const faults = faultsOf(await ctx.world());
    const active = [
      faults.loginExpired ? 'login-expired' : '', faults.interruption ? `rotate-${faults.interruption} (armed)` : '', faults.managerRoleMissing ? 'manager-role-missing' : '',
    ].filter((s) => s !== '');
    const blocks = FAULT_KINDS.map((k) => {
      const g = FAULT_GUIDES[k];
      return [`${k}${g.target ? ` [${g.target}]` : ''}`, `  ${g.summary}`, `  Leaves: ${g.leaves}`, '  Recovery:', ...g.recovery.map((r, i) => `    ${i + 1}. ${r}`)].join('\n');
    });
    ctx.io.print([renderTable(['FAULT', 'WHAT HAPPENS'], FAULT_KINDS.map((k) => [k, FAULT_GUIDES[k].summary])), '', ...blocks.flatMap((b) => [b, '']), `Active now: ${active.length ? active.join(', ') : 'none'}`].join('\n'));
    return OK;
  },
};

export const simFaultClear: TkeCommand = {
  name: 'sim fault clear', group: 'simulator', maxPositionals: 0,
  summary: 'Disarm a rotation interruption and give back the Manager role',
  usage: 'sim fault clear',
  details: 'Disarms rotate-before-rewrap or rotate-after-rewrap if the next rotation has not triggered it yet, and ends manager-role-missing (as the account administrator assigning the Manager role again). Damage already done stays: repair it as sim fault list describes. An expired login is renewed with tkesim sim login.',
  async run(ctx) {
    const before = await ctx.change((w) => {
      const f = faultsOf(w);
      const active = f.interruption !== null || f.managerRoleMissing === true;
      return { world: active ? withFaults(w, { interruption: null, managerRoleMissing: false }) : null, result: f };
    });
    const lines = [
      before.interruption ? `The rotation interruption (${before.interruption}) was disarmed.` : 'No rotation interruption was armed.',
      ...(before.managerRoleMissing ? ['The Manager service access role was assigned to your user again.'] : []),
    ];
    ok(ctx, ...lines);
    return OK;
  },
};

export const simLogin: TkeCommand = {
  name: 'sim login', group: 'simulator', maxPositionals: 0,
  summary: 'Log in to the simulated IBM Cloud again (what ibmcloud login does)',
  usage: 'sim login',
  details: 'Renews the simulated IBM Cloud login token, ending a login-expired fault. On the real system: ibmcloud login, then ibmcloud target -r REGION -g RESOURCE_GROUP.',
  async run(ctx) {
    const world = await ctx.change((w) => ({ world: faultsOf(w).loginExpired ? withFaults(w, { loginExpired: false }) : null, result: w }));
    ctx.io.print(['Authenticating...', 'OK', '', ...renderAccountHeader(world)].join('\n'));
    return OK;
  },
};
