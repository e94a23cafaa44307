export { compileGlob, globMatches, matchIgnore, GlobError, type CompiledGlob } from './glob';
export { parseProjectConfig, validateProjectConfig, ignoredBy, PROJECT_CONFIG_NAMES, type ProjectConfig, type ProjectConfigResult } from './project';
