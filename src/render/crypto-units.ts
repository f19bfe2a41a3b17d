/** `cryptounits` (also printed by `cryptounit-add` and `-rm`): the account header and the units per instance. */
import type { World } from '../core/types.ts';
import { renderTable } from './table.ts';

/** The endpoint the real plug-in prints (the IBM Cloud API endpoint the CLI is logged in to). */
export const API_ENDPOINT = 'https://cloud.ibm.com';
export const NO_INSTANCES = 'No service instances were found for the current resource group.';
export const SAME_CONFIGURATION_NOTE = 'Note: all operational crypto units in a service instance must be configured the same.';
export const COMPARE_HINT = "Use 'ibmcloud tke cryptounit-compare' to check how crypto units are configured.";

const LABEL_WIDTH = 18;

function headerLine(label: string, value: string): string {
  return `${label}:`.padEnd(LABEL_WIDTH) + value;
}

/** The account block at the top of the listing. */
export function renderAccountHeader(world: World): string[] {
  return [
    headerLine('API endpoint', API_ENDPOINT),
    headerLine('Region', world.region),
    headerLine('User', world.user),
    headerLine('Account', `${world.account.name} (${world.account.id})`),
    headerLine('Resource group', world.resourceGroup),
  ];
}

export function renderCryptoUnits(world: World, selectedUnitIds: ReadonlySet<string>): string {
  // An empty resource group: the header, a blank line, then the message (doc troubleshooting-list-crypto-units).
  if (world.instances.length === 0) return [...renderAccountHeader(world), '', NO_INSTANCES].join('\n');
  const lines = [...renderAccountHeader(world), ''];
  for (const instance of world.instances) {
    const rows = world.units
      .map((u, i) => ({ u, num: i + 1 }))
      .filter(({ u }) => u.instanceId === instance.id)
      .map(({ u, num }) => [String(num), String(selectedUnitIds.has(u.id)), u.type, u.location]);
    lines.push(`SERVICE INSTANCE: ${instance.id}`, ...renderTable(['CRYPTO UNIT NUM', 'SELECTED', 'TYPE', 'LOCATION'], rows).split('\n'), '');
  }
  lines.push(SAME_CONFIGURATION_NOTE, COMPARE_HINT);
  return lines.join('\n');
}
