export { applyEdits, editsAreValid, editsConflict, sortEdits } from './edits';
export { fixDocument, fixText, fixSelected, selectFixes, type AppliedFix, type FixOptions, type FixResult } from './apply';
