/** The CLI's version: set by the bundler when it defines __LXCLINT_VERSION__, else the package's. */
declare const __LXCLINT_VERSION__: string | undefined;
export const VERSION: string = typeof __LXCLINT_VERSION__ === 'string' ? __LXCLINT_VERSION__ : '0.1.0';

