export * from './tree';
export { parseConfig, type ParseOptions } from './parser';
export { printDocument, printLine, lineParts } from './print';
export { decodeConfigBytes, encodeConfigText, parseConfigBytes, firstInvalidUtf8, type DecodedText } from './decode';
export { positionAt, offsetAt, byteLength, type Position } from './position';
