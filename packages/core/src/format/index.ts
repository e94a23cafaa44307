export { formatDocument, parseFormatOptions, DEFAULT_FORMAT_OPTIONS, type FormatOptions, type FormatNote, type FormatResult } from './format';
export { liblxcView, sameForLiblxc, type LiblxcLine } from './liblxc-view';
