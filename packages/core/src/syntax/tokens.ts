/**
 * Token types of the config grammar. The scanner (scanner.ts) produces them; the chevrotain parser
 * (parser.ts) consumes them. Line ends are not tokens: the scanner records where each line's content ends.
 * Blanks are trivia: they are not tokens, the tree records them as the gaps
 * between a line's token spans, which is what keeps the parser's per-line work small.
 */
import { createToken, type TokenType } from 'chevrotain';

/** Text before the first `=` of a line that is not a comment. */
export const Key = createToken({ name: 'Key', pattern: /NOT_USED/ });
/** The first `=` of the line. */
export const Equals = createToken({ name: 'Equals', pattern: /NOT_USED/, label: "'='" });
/** The trimmed text after the first `=` (quotes included). */
export const Value = createToken({ name: 'Value', pattern: /NOT_USED/ });
/** `#` as first non-blank character, to the end of the line. */
export const Comment = createToken({ name: 'Comment', pattern: /NOT_USED/ });
/** A non-blank line without `=`. */
export const Text = createToken({ name: 'Text', pattern: /NOT_USED/ });
/** A line holding only space, tab or form feed, or nothing (then the token is empty). */
export const Blank = createToken({ name: 'Blank', pattern: /NOT_USED/ });
/** From the first NUL to the end of the input: liblxc never reads it. */
export const NulTail = createToken({ name: 'NulTail', pattern: /NOT_USED/ });

export const allTokens: TokenType[] = [Key, Equals, Value, Comment, Text, Blank, NulTail];
