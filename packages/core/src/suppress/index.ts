export { parseSuppressions, DIRECTIVE_FILE, DIRECTIVE_NEXT_LINE, type SuppressionDirective, type DirectiveRule, type DirectiveKind, type DirectiveProblem, type ParsedSuppressions, type ParseSuppressionOptions } from './parse';
export { applySuppressions, type ApplyOptions, type ApplyResult, type SuppressedDiagnostic, type UnusedSuppression } from './apply';
