/**
 * Bytes -> number for the typed CSV reader, without making a string: the grammar is the Frame's
 * (`cellToNumber`: [+-] then digits[.digits] or .digits, then an optional exponent), the value is
 * the one `Number(text)` gives. Mantissas of up to 15 significant digits with a decimal exponent of
 * at most 22 are converted exactly as Clinger's fast path (one correctly rounded multiply or divide of
 * two exact doubles); longer mantissas and larger exponents go to `Number` on the field's text.
 */

const POW10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/** What the last call saw besides the value: `d{1,3}.ddd` (a thousands group in a semicolon file). */
export const numberShape = { thousands: false };

/**
 * The number that bytes [s, e) of `b` spell (already trimmed, ASCII), or NaN when they do not follow
 * the grammar (the caller then reads them as text or a missing-value token).
 */
export function parseAsciiNumber(b: Uint8Array, s: number, e: number): number {
  let i = s;
  let c = b[i];
  const neg = c === 45;
  if (neg || c === 43) i++;
  let m = 0;
  let sig = 0;
  let scale = 0;
  const intStart = i;
  while (i < e) {
    c = b[i];
    if (c < 48 || c > 57) break;
    if (sig > 0 || c !== 48) {
      m = m * 10 + (c - 48);
      sig++;
    }
    i++;
  }
  const nInt = i - intStart;
  let nFrac = 0;
  let point = false;
  if (i < e && b[i] === 46) {
    point = true;
    i++;
    const fracStart = i;
    while (i < e) {
      c = b[i];
      if (c < 48 || c > 57) break;
      if (sig > 0 || c !== 48) {
        m = m * 10 + (c - 48);
        sig++;
      }
      i++;
    }
    nFrac = i - fracStart;
    scale = -nFrac;
  }
  if (nInt === 0 && nFrac === 0) return NaN;
  let exp = false;
  if (i < e && (b[i] === 101 || b[i] === 69)) {
    exp = true;
    i++;
    let eneg = false;
    if (i < e && (b[i] === 43 || b[i] === 45)) {
      eneg = b[i] === 45;
      i++;
    }
    const expStart = i;
    let ev = 0;
    while (i < e) {
      c = b[i];
      if (c < 48 || c > 57) break;
      if (ev < 1e6) ev = ev * 10 + (c - 48);
      i++;
    }
    if (i === expStart) return NaN;
    scale += eneg ? -ev : ev;
  }
  if (i !== e) return NaN;
  numberShape.thousands = point && !exp && nInt >= 1 && nInt <= 3 && nFrac === 3;
  let r: number;
  if (m === 0) r = 0;
  else if (sig > 15 || scale > 22 || scale < -22) return Number(latin1(b, s, e));
  else if (scale === 0) r = m;
  else r = scale > 0 ? m * POW10[scale] : m / POW10[-scale];
  return neg ? -r : r;
}

/** Bytes [s, e) as text, one character per byte (the caller knows they are ASCII). */
export function latin1(b: Uint8Array, s: number, e: number): string {
  if (Buffer.isBuffer(b)) return b.toString("latin1", s, e);
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("latin1", s, e);
}
