/**
 * Display width of text in character cells: CJK ideographs, kana, hangul and full-width punctuation
 * take two cells (about two columns of Excel's width unit), everything else one. Used for column widths
 * and note wrapping, so Chinese labels are not clipped.
 */

const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

export function isWide(ch: string): boolean {
  return WIDE.test(ch);
}

/** Width in character cells; `wide` is what one CJK character counts (2 in a terminal). */
export function displayWidth(s: string, wide = 2): number {
  let w = 0;
  for (const ch of s) w += isWide(ch) ? wide : 1;
  return w;
}

/**
 * Break units of a text: Latin words (split at spaces) and single wide characters (a line may break
 * after any of them, as Chinese typesetting does); `space` says whether a space precedes the unit.
 */
function units(text: string): { s: string; space: boolean }[] {
  const out: { s: string; space: boolean }[] = [];
  let cur = "";
  let space = false;
  let pendingSpace = false;
  const flush = () => {
    if (cur) out.push({ s: cur, space });
    cur = "";
  };
  for (const ch of text) {
    if (/\s/.test(ch)) {
      flush();
      pendingSpace = true;
      continue;
    }
    if (isWide(ch)) {
      flush();
      out.push({ s: ch, space: pendingSpace });
      pendingSpace = false;
      continue;
    }
    if (!cur) {
      space = pendingSpace;
      pendingSpace = false;
    }
    cur += ch;
  }
  flush();
  return out;
}

/** Greedy wrap into lines of at most `width` display cells (a longer word gets its own line). */
export function wrapText(text: string, width: number, wide = 2): string[] {
  const lines: string[] = [];
  let cur = "";
  let curW = 0;
  for (const u of units(text)) {
    const uw = displayWidth(u.s, wide);
    const sep = cur && u.space ? 1 : 0;
    // Chinese closing punctuation never starts a line (it stays with the character before it).
    const closing = /^[，。；：、）》」！？]$/u.test(u.s);
    if (cur && curW + sep + uw > width && !closing) {
      lines.push(cur);
      cur = u.s;
      curW = uw;
    } else {
      cur += (sep ? " " : "") + u.s;
      curW += sep + uw;
    }
  }
  if (cur || !lines.length) lines.push(cur);
  return lines;
}
