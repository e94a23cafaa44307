import suppressionMalformed from './suppression-malformed';
import suppressionUnused from './suppression-unused';

export const suppressionRules = [suppressionMalformed, suppressionUnused];

/** The rules the engine reports itself; they cannot be suppressed inline. */
export const SUPPRESSION_RULE_IDS: ReadonlySet<string> = new Set(suppressionRules.map((r) => r.id));
