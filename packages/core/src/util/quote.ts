/** Quote user text for a message: double quotes, with control characters and a BOM made visible. */
export function q(s: string): string {
  const shown = s.replace(/[\u0000-\u001f\u007f\ufeff"\\]/g, (ch) => {
    switch (ch) {
      case '"': return '\\"';
      case '\\': return '\\\\';
      case '\t': return '\\t';
      case '\f': return '\\f';
      case '\v': return '\\v';
      default: return `\\u{${ch.charCodeAt(0).toString(16)}}`;
    }
  });
  return `"${shown}"`;
}
