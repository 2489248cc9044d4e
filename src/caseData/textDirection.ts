// The direction of a value in the editor: typed in its own script's direction, whatever the
// panel's. Up to AUTO_UP_TO characters the browser's dir="auto" decides (HTML's rule: the
// first strong character). Past it, Chromium's rule over a textarea takes time that grows
// faster than the text, at every layout: measured, 0.4 s at 300,000 characters and 4 s at
// 1,000,000, on opening the editor and again at every keystroke (the tab froze; with a
// direction given, 0.04 and 0.12 s). There the first letter decides, found here: one of the
// right-to-left scripts' (HTML's classes R and AL, near enough) makes it right to left.

/** Also the stand-in's limit (CellEditorSlot), written there: importing it would bring this rule into the first paint. */
export const AUTO_UP_TO = 10_000;

const RIGHT_TO_LEFT =
  /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}]/u;

export function textDirection(text: string): 'auto' | 'ltr' | 'rtl' {
  if (text.length <= AUTO_UP_TO) return 'auto';
  const letter = /\p{L}/u.exec(text)?.[0];
  return letter !== undefined && RIGHT_TO_LEFT.test(letter) ? 'rtl' : 'ltr';
}
