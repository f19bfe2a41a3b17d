/**
 * `tkesim sim signserv [--port N] [--add NAME ...]`: runs tkesim's signing service in the
 * foreground until Ctrl-C. On first start it creates three keys; `--add` creates more (also later). It prints what
 * a user needs (URL, key names, where the tokens are, a SIGNSERVKEYS line) but never a token.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { resolvePaths } from '../engine/context.ts';
import { SIGNSERVKEYS_FILE, WorkstationError } from '../workstation/index.ts';
import { addServiceKeys, DEFAULT_KEY_NAMES, loadServiceKeys, serviceDir, type ServiceKey } from './key-store.ts';
import { startSigningService, type ServiceEvent } from './server.ts';

export const SIGNSERV_USAGE = 'Usage: tkesim sim signserv [--port N] [--add NAME ...]';

interface Options {
  readonly port: number;
  readonly add: readonly string[];
}

function parse(args: readonly string[]): Options | string {
  let port = 0;
  const add: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const word = args[i] ?? '';
    const [flag = '', inline] = word.split(/=(.*)/s, 2);
    if (flag !== '--port' && flag !== '--add') return `Unknown argument ${JSON.stringify(word.slice(0, 40))}.`;
    const value = inline ?? args[++i];
    if (value === undefined) return `${flag} needs a value.`;
    if (flag === '--add') add.push(value);
    else if (/^\d{1,5}$/.test(value) && Number(value) <= 65535) port = Number(value);
    else return '--port takes a port number from 0 (any free port) to 65535.';
  }
  return { port, add };
}

function instructions(url: string, keys: readonly ServiceKey[], dir: string, tkeFiles: string): string {
  const tokenless = JSON.stringify(keys.map((k) => ({ key: k.name })));
  return [
    'tkesim signing service (a stand-in for a third-party signing service; tkesim only)',
    `Listening on ${url}`,
    `Signature keys: ${keys.map((k) => k.name).join(', ')}`,
    `Their tokens are in ${join(dir, SIGNSERVKEYS_FILE)} (readable by you only); tkesim never prints a token.`,
    '',
    'To sign with this service, in another terminal:',
    `  export TKE_SIGNSERV_URL=${url}`,
    `  cp ${join(dir, SIGNSERVKEYS_FILE)} ${join(tkeFiles, SIGNSERVKEYS_FILE)}`,
    `or write ${join(tkeFiles, SIGNSERVKEYS_FILE)} without tokens, to be asked for each token when it is used:`,
    `  ${tokenless}`,
    'Then install the keys as administrators with ibmcloud tke cryptounit-admin-add (it asks for a key identifier and its token).',
    '',
    'Press Ctrl-C to stop the service.',
  ].join('\n');
}

const logLine = (e: ServiceEvent): string => `${e.method} ${e.path} -> ${e.status} (${e.note})`;

export async function signservCommand(args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  const options = parse(args);
  if (typeof options === 'string') {
    process.stdout.write(`FAILED\nIncorrect usage: ${options}\n${SIGNSERV_USAGE}\n`);
    return 2;
  }
  const paths = resolvePaths(env);
  const dir = serviceDir(paths.home);
  try {
    const existing = await loadServiceKeys(dir);
    const names = existing.length === 0 ? [...DEFAULT_KEY_NAMES, ...options.add] : options.add;
    if (names.length > 0) await addServiceKeys(dir, names, (n) => new Uint8Array(randomBytes(n)));
    const keys = await loadServiceKeys(dir);
    const service = await startSigningService(keys, options.port, (e) => process.stdout.write(`${logLine(e)}\n`));
    process.stdout.write(`${instructions(service.url, keys, dir, paths.tkeFiles)}\n`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await service.close();
    process.stdout.write('The signing service was stopped.\n');
    return 0;
  } catch (e) {
    const why = e instanceof WorkstationError ? e.message : e instanceof Error && 'code' in e && e.code === 'EADDRINUSE' ? `Port ${options.port} is in use; choose another with --port, or --port 0 for any free port.` : null;
    if (why === null) throw e;
    process.stdout.write(`FAILED\n${why}\n`);
    return 1;
  }
}
