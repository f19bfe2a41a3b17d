import test from 'ava';
import { renderCryptoUnits } from '../../src/render/crypto-units.ts';
import { lines, testWorld } from './fixtures.ts';

test('cryptounits: account header, the units of each instance with their selection, and the footer', (t) => {
  const world = testWorld({ instances: 2, units: 2, recovery: 2 });
  const [u1, , u3, , u5] = world.units;
  const selected = new Set([u1!.id, u3!.id, u5!.id]);
  const [a, b] = world.instances;
  t.is(renderCryptoUnits(world, selected), lines(
    'API endpoint:     https://cloud.ibm.com',
    'Region:           us-south',
    'User:             trainee@example.com',
    `Account:          Trainee Account (${world.account.id})`,
    'Resource group:   Default',
    '',
    `SERVICE INSTANCE: ${a!.id}`,
    'CRYPTO UNIT NUM   SELECTED   TYPE          LOCATION   ',
    '1                 true       OPERATIONAL   [us-south].[AZ1-CS1].[01].[01]   ',
    '2                 false      OPERATIONAL   [us-south].[AZ2-CS2].[02].[04]   ',
    '3                 true       RECOVERY      [us-south].[AZ1-CS1].[03].[07]   ',
    '4                 false      RECOVERY      [us-east].[AZ2-CS2].[04].[10]   ',
    '',
    `SERVICE INSTANCE: ${b!.id}`,
    'CRYPTO UNIT NUM   SELECTED   TYPE          LOCATION   ',
    '5                 true       OPERATIONAL   [us-south].[AZ1-CS1].[01].[08]   ',
    '6                 false      OPERATIONAL   [us-south].[AZ2-CS2].[02].[11]   ',
    '7                 false      RECOVERY      [us-south].[AZ1-CS1].[03].[14]   ',
    '8                 false      RECOVERY      [us-east].[AZ2-CS2].[04].[17]   ',
    '',
    'Note: all operational crypto units in a service instance must be configured the same.',
    "Use 'ibmcloud tke cryptounit-compare' to check how crypto units are configured.",
  ));
});

test('cryptounits: failover units are listed with their type', (t) => {
  const world = testWorld({ units: 2, recovery: 0, failover: 2 });
  const out = renderCryptoUnits(world, new Set());
  t.true(out.includes(lines(
    '2                 false      OPERATIONAL   [us-south].[AZ2-CS2].[02].[04]   ',
    '3                 false      FAILOVER      [us-east].[AZ1-CS1].[05].[13]   ',
    '4                 false      FAILOVER      [us-east].[AZ2-CS2].[06].[16]   ',
    '',
  )));
});

test('cryptounits: no service instances: the account header, a blank line, then the message (doc troubleshooting-list-crypto-units)', (t) => {
  const world = { ...testWorld(), instances: [], units: [] };
  t.is(renderCryptoUnits(world, new Set()), lines(
    'API endpoint:     https://cloud.ibm.com',
    'Region:           us-south',
    'User:             trainee@example.com',
    `Account:          Trainee Account (${world.account.id})`,
    'Resource group:   Default',
    '',
    'No service instances were found for the current resource group.',
  ));
});
