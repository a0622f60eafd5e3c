// The Markdown renderer for editors' explanations and content pages. Editors' text is untrusted:
// raw HTML is not rendered (it shows as text), images are off (no third-party requests from a page),
// and a link is kept only when it is an absolute http(s) URL, a site path or a #fragment.
import MarkdownIt from 'markdown-it';

const SITE_PATH = /^\/(?!\/)/;
const FRAGMENT = /^#/;

/** True for `https://…`, `http://…`, `/site/path` and `#fragment`; false for everything else (javascript:, data:, //host, relative paths). */
export function isAllowedLink(url: string): boolean {
  const trimmed = url.trim();
  if (SITE_PATH.test(trimmed) || FRAGMENT.test(trimmed)) return true;
  try {
    const parsed = new URL(trimmed);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * The highest heading level an author's text may use on its page: the layout owns the h1 (and, on a
 * verdict page, the h2 section headings), so the text's own top heading becomes h2 (h3 in a verdict)
 * and its deeper headings follow, keeping the page's outline in order.
 */
function topHeadingLevel(env: unknown): number {
  const data = env as { verdictSlug?: unknown } | undefined;
  return data && typeof data.verdictSlug === 'string' ? 3 : 2;
}

export function createMarkdown(): InstanceType<typeof MarkdownIt> {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  // Indented code blocks are off, as Eleventy turns them off in every Markdown library it is given
  // (Eleventy issue #2438): verdict explanations are rendered here without Eleventy, and must render alike.
  md.disable(['image', 'code']);
  md.validateLink = isAllowedLink;
  md.core.ruler.push('heading_levels', (state) => {
    const headings = state.tokens.filter((t) => t.type === 'heading_open' || t.type === 'heading_close');
    if (headings.length === 0) return;
    const levels = headings.map((t) => Number(t.tag.slice(1)));
    const shift = topHeadingLevel(state.env) - Math.min(...levels);
    headings.forEach((token, i) => {
      token.tag = `h${Math.min(6, Math.max(1, levels[i]! + shift))}`;
    });
  });
  return md;
}
