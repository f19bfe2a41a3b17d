/** TKE-faithful output as plain text: no colours, no Ink, no I/O. Lines are joined with '\n', without a final newline. */
export { renderTable, textWidth, COLUMN_GAP } from './table.ts';
export { splitVp, vpCell, shortSki, VP_LINE } from './vp.ts';
export { unitLabel, groupByInstance, RECOVERY_FOOTNOTE, type InstanceGroup } from './unit-groups.ts';
export {
  renderThresholds,
  renderAdmins,
  renderNewRegister,
  renderCurrentRegister,
  renderControlPoints,
  renderControlPoint,
  IMPRINT_MODE_REMINDER,
} from './unit-sections.ts';
export { renderCompare, compareVerdict, SAME_VERDICT, DIFFERENT_VERDICT } from './compare.ts';
export { renderCryptoUnits, renderAccountHeader, API_ENDPOINT, NO_INSTANCES } from './crypto-units.ts';
export {
  renderSignatureKeys,
  renderKeyParts,
  renderKeyPartTable,
  selectionLine,
  type SignatureKeyRow,
  type KeyPartRow,
} from './workstation.ts';
export { renderRefusal, refusalLines, refusalExplanation, explanationsOn, EP11_ERROR, TKESIM_NOTE } from './refusal.ts';
export { UNAUTHORIZED, FORBIDDEN } from './service-errors.ts';
export { SETIMM_WARNING } from './warnings.ts';
