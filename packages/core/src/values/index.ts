export * from './numbers';
export type { CheckValueOptions, ValueEdit, ValueFinding, ValueFindingKind } from './types';
export {
  allowedSuffixes, allowedWords, archNames, BOOLEAN_KEYS, CAP_LAST_CAP, CAPABILITIES, HOOK_NAMES, isArch32, LOG_LEVELS,
  MOUNT_AUTO_TOKENS, mountAutoGroup, NAMESPACES, PRLIMIT_RESOURCES, ROOTFS_STORAGE_TYPES, SIGNALS, signalWords, SYSLOG_FACILITIES,
  TIME_UNITS,
} from './words';
export {
  lxcPathSimplify, parseByteSize, parseIdmap, parseLogLevel, parsePrlimit, parseTimeOffset, safeLongLong, sigParse,
  type ByteSizeResult, type IdmapResult, type LogLevelResult, type PrlimitResult, type SignalResult, type TimeOffsetResult,
} from './parsers';
export { tokens } from './lists';
export { checkValue, concreteKey, isValueChecked } from './check';
