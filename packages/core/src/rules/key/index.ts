import duplicateKey from './duplicate-key';
import inlineComment from './inline-comment';
import legacyKey from './legacy-key';
import unknownKey from './unknown-key';

export const keyRules = [unknownKey, legacyKey, duplicateKey, inlineComment];
