// The seed text of a seed page, built here rather than in a template because every character matters:
// the element's text, markup stripped, must be exactly the seed's paragraphs (no template whitespace).
import type { HighlightedParagraph, Segment } from '../highlights.ts';
import type { RatingLevel } from '../types.ts';
import { passageId, verdictUrl } from '../urls.ts';
import { escapeHtml } from './html.ts';

export interface SeedHtmlContext {
  level(key: string): RatingLevel | undefined;
  title(slug: string): string;
}

function label(context: SeedHtmlContext, rating: string): string {
  return context.level(rating)?.label ?? rating;
}

/**
 * A marked segment: `<mark>` with the verdicts over it, a pin link (carrying the passage id and showing the
 * rating as text through CSS, so it adds no text to the seed) for each passage that starts here, and the
 * segment's words linking to the verdict whose passage starts last (the innermost when passages nest).
 */
function markedSegment(segment: Segment, context: SeedHtmlContext): string {
  const marks = segment.marks!;
  const pins = marks.passageStarts
    .map((id) => {
      const slug = passageSlug(id, marks.verdicts);
      const index = marks.verdicts.indexOf(slug);
      const rating = marks.ratings[index] ?? marks.rating;
      const text = label(context, rating);
      return (
        `<a class="pin" id="${escapeHtml(id)}" href="${escapeHtml(verdictUrl(slug))}" data-rating="${escapeHtml(rating)}"` +
        ` data-label="${escapeHtml(text)}" aria-label="${escapeHtml(`${text}: ${context.title(slug)}`)}"></a>`
      );
    })
    .join('');
  const target = marks.verdicts[marks.verdicts.length - 1]!;
  const labels = marks.ratings.map((r) => label(context, r));
  const titles = marks.verdicts.map((slug, i) => `${labels[i]}: ${context.title(slug)}`).join('; ');
  return (
    `<mark id="${escapeHtml(marks.id)}" data-verdicts="${escapeHtml(marks.verdicts.join(' '))}" data-rating="${escapeHtml(marks.rating)}"` +
    ` title="${escapeHtml(titles)}">${pins}<a href="${escapeHtml(verdictUrl(target))}">${escapeHtml(segment.text)}</a></mark>`
  );
}

/** Which of `slugs` a passage id (`passageId(slug, n)`) belongs to. */
function passageSlug(id: string, slugs: string[]): string {
  const slug = slugs.find((s) => {
    const first = passageId(s);
    return id === first || id.startsWith(`${first}--`);
  });
  if (slug === undefined) throw new Error(`Passage ${id} belongs to none of ${slugs.join(', ')}.`);
  return slug;
}

export function seedTextHtml(paragraphs: HighlightedParagraph[], context: SeedHtmlContext): string {
  return paragraphs
    .map((p) => `<p>${p.segments.map((s) => (s.marks ? markedSegment(s, context) : escapeHtml(s.text))).join('')}</p>`)
    .join('\n');
}
