// What the in-process benchmark loads: the core exactly as the CLI bundles it, plus the CLI's real-disk FileSystem
// and the function every command reads a config with.
export * from '@lxclint/core';
export { NodeFileSystem } from '../packages/cli/src/host/node-fs';
export { loadConfigFile } from '../packages/cli/src/io/files';
