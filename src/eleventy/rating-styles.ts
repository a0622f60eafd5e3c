// The rating colours come from the scale file (a newsroom can replace it), so their CSS rules are
// generated into the site's one stylesheet rather than written as inline styles (the CSP forbids those).
// Colour is decoration only: every badge and highlight also carries the rating's label as text.
import type { RatingScale } from '../model/types.ts';

const HEX = /^#([0-9a-f]{6})$/i;

/** A CSS string literal (attribute selector value) for any key. */
function cssString(value: string): string {
  return `"${value.replace(/[\\"]/g, '\\$&').replace(/[\u0000-\u001f\u007f]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

/** `colour` mixed with white: a pale tint that keeps dark text readable (the seed's text sits on it). */
export function tint(colour: string, amount = 0.16): string {
  const hex = HEX.exec(colour)?.[1];
  if (!hex) throw new RangeError(`Not a #rrggbb colour: ${colour}`);
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16);
    return Math.round(255 - (255 - c) * amount)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(0)}${channel(2)}${channel(4)}`;
}

export function ratingStyles(scale: RatingScale): string {
  const rules: string[] = ['', '/* Rating colours, generated from the rating scale. */'];
  for (const level of scale.levels) {
    const key = cssString(level.key);
    // A seed page's rating pin shows its label as generated text (it adds no text to the seed).
    rules.push(`.pin[data-rating=${key}]::before { content: ${cssString(level.label)}; }`);
    if (!HEX.test(level.colour)) continue;
    const colour = level.colour.toLowerCase();
    rules.push(`[data-rating=${key}] { --rating: ${colour}; --rating-tint: ${tint(colour)}; }`);
  }
  return rules.join('\n') + '\n';
}
