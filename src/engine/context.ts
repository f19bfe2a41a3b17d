/** What a command runs with: its dialog, the workstation directory, the store, and randomness. */
import type { Entropy, World } from '../core/types.ts';
import { DEFAULT_PROVISION, provisionWorld } from '../core/world.ts';
import { WorldStore } from '../store/store.ts';
import { readSelection, type Selection } from '../workstation/index.ts';
import { resolvePaths, type Paths } from './paths.ts';
import { entropyFor, withDraws } from './entropy.ts';
import type { Io } from './io.ts';
import { rememberWorldSecrets } from './secrets.ts';

export { resolvePaths, type Paths } from './paths.ts';

export interface Change<T> {
  /** The world to write (null: write nothing). */
  readonly world: World | null;
  readonly result: T;
}

export type WorldListener = (before: World, after: World) => void;

export interface CommandContext {
  readonly io: Io;
  readonly paths: Paths;
  readonly env: NodeJS.ProcessEnv;
  /** The latest world (the default world is provisioned on first use). */
  world(): Promise<World>;
  selection(): Promise<Selection>;
  /**
   * The only way state changes: reads the latest world under the store's lock, lets `fn` decide
   * with the world's entropy, writes its world if any, and tells the listeners.
   */
  change<T>(fn: (world: World, entropy: Entropy) => Change<T> | Promise<Change<T>>): Promise<T>;
  /** Randomness for workstation files; in a seeded world it comes from the seed. */
  withEntropy<T>(fn: (entropy: Entropy) => Promise<T>): Promise<T>;
}


export function defaultWorld(env: NodeJS.ProcessEnv, entropy?: Entropy): World {
  const seed = env.TKESIM_SEED && env.TKESIM_SEED !== '' ? env.TKESIM_SEED : null;
  const source = entropyFor(null, seed);
  const world = provisionWorld({ ...DEFAULT_PROVISION, seed }, entropy ?? source.entropy);
  return withDraws(world, source);
}

export function createContext(io: Io, env: NodeJS.ProcessEnv, paths: Paths = resolvePaths(env), listeners: WorldListener[] = []): CommandContext {
  const store = new WorldStore(paths.home);
  const change = async <T>(fn: (world: World, entropy: Entropy) => Change<T> | Promise<Change<T>>): Promise<T> => {
    let before: World | null = null;
    let after: World | null = null;
    const result = await store.update(async (doc) => {
      const fresh = doc === null;
      const current = doc?.world ?? defaultWorld(env);
      const source = entropyFor(current);
      const decided = await fn(current, source.entropy);
      before = current;
      after = decided.world ? withDraws(decided.world, source) : fresh ? current : null;
      return { world: after, result: decided.result };
    });
    const b: World | null = before;
    const a: World | null = after;
    if (a) rememberWorldSecrets(a);
    for (const notice of store.takeNotices()) io.print(notice);
    if (b && a) for (const l of listeners) l(b, a);
    return result;
  };
  return {
    io,
    paths,
    env,
    async world() {
      const doc = await store.read();
      if (doc) {
        rememberWorldSecrets(doc.world);
        return doc.world;
      }
      return change((w) => ({ world: w, result: w }));
    },
    selection: () => readSelection(paths.tkeFiles),
    change,
    withEntropy: (fn) => change(async (world, entropy) => {
      const result = await fn(entropy);
      return { world: world.seed === null ? null : world, result };
    }),
  };
}
