/** Start states shared by several lessons, as engine command lines (never edited JSON). */
import type { ScriptLine } from './model.ts';
import { activate, commit, createKnownPart, createSignatureKey, installAdmin, loadParts, selectSigners, selectUnits, setThresholds } from './recipes.ts';
import { ADMINS, ALICE, BOB, DAVE, ERIN, FRANK, type TrainingPart } from './training.ts';

/** The master key of a first ceremony: the parts of Dave, Erin and Frank (KEYNUM 1, 2, 3). */
export const FIRST_PARTS: readonly TrainingPart[] = [DAVE, ERIN, FRANK];

/** Signature keys of Alice, Bob and Carol (KEYNUM 1, 2, 3), installed in the selected imprint-mode units. */
export const adminsInstalled = (): ScriptLine[] => [
  ...ADMINS.map(createSignatureKey),
  ...ADMINS.map((a, i) => installAdmin(i + 1, a)),
];

/** The units selected, three administrators, Alice and Bob selected to sign, thresholds 2/2. */
export const secured = (units: readonly number[]): ScriptLine[] => [
  selectUnits(units),
  ...adminsInstalled(),
  selectSigners([1, 2], [ALICE, BOB]),
  setThresholds(2, 2, [ALICE, BOB]),
];

/** Key parts with known values, so the lesson knows the verification patterns to expect. */
export const knownParts = (parts: readonly TrainingPart[]): ScriptLine[] => parts.map(createKnownPart);

/** Load, commit and activate the master key of the parts with the given KEYNUMs. */
export const masterKeyActivated = (keynums: readonly number[], parts: readonly TrainingPart[]): ScriptLine[] => [
  loadParts(keynums, ALICE, parts),
  commit([ALICE, BOB]),
  activate(ALICE),
];

/** A secured instance whose current registers hold the first ceremony's master key. */
export const initialized = (units: readonly number[]): ScriptLine[] => [
  ...secured(units),
  ...knownParts(FIRST_PARTS),
  ...masterKeyActivated([1, 2, 3], FIRST_PARTS),
];
