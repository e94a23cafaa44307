/**
 * Token types of the config grammar. The scanner (scanner.ts) produces them; the chevrotain parser
 * (parser.ts) consumes them. Line ends are not tokens: the scanner records where each line's content ends.
 * Blanks are trivia: they are not tokens, the tree records them as the gaps
 * between a line's token spans, which is what keeps the parser's per-line work small.
 */
import { createToken, type TokenType } from 'chevrotain';

/**
 * A line with `=`: one token for key, `=` and value (the scanner records the offsets of all three), so an
 * entry line costs one token object and one CONSUME instead of three.
 */
export const Entry = createToken({ name: 'Entry', pattern: /NOT_USED/ });
/** `#` as first non-blank character, to the end of the line. */
export const Comment = createToken({ name: 'Comment', pattern: /NOT_USED/ });
/** A non-blank line without `=`. */
export const Text = createToken({ name: 'Text', pattern: /NOT_USED/ });
/** A line holding only space, tab or form feed, or nothing (then the token is empty). */
export const Blank = createToken({ name: 'Blank', pattern: /NOT_USED/ });
/** From the first NUL to the end of the input: liblxc never reads it. */
export const NulTail = createToken({ name: 'NulTail', pattern: /NOT_USED/ });

export const allTokens: TokenType[] = [Entry, Comment, Text, Blank, NulTail];
