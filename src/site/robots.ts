// /robots.txt: a published site lets every crawler in and names its sitemap; a preview keeps them all out.
// Crawlers read robots.txt only at the root of a host: under a path prefix (a GitHub Pages project site)
// this file is published but not read, and the host's own robots.txt decides.

/** The robots.txt of a build; `sitemap` is the sitemap's absolute URL. */
export function robotsTxt(options: { preview: boolean; sitemap: string }): string {
  if (options.preview) return '# A preview build: not the published site, not to be indexed.\nUser-agent: *\nDisallow: /\n';
  // The URL comes from the site's origin (validated as http(s)) and our own paths; a line break in it would
  // start a new directive, so it is refused rather than written.
  if (/[\r\n]/.test(options.sitemap)) throw new Error(`The sitemap URL ${JSON.stringify(options.sitemap)} contains a line break.`);
  return `User-agent: *\nAllow: /\n\nSitemap: ${options.sitemap}\n`;
}
