// `npm start` (Eleventy's dev server): where it writes, and how a content error reaches the browser.
//
// - The site is served from SERVE_OUTPUT (.cache/serve/), never from the _site/ that `npm run build` made:
//   a half-finished edit must not replace the site an editor is about to publish.
// - Eleventy's dev server only logs a failed build to the browser's console. Here, while the content has
//   errors, every page the browser asks for is an error page with check's messages (the pages written
//   before stay on disk, so the feed, CSS and assets still load), and a page already open reloads when a
//   build fails, to show it. When the content is fixed, the dev server's own live reload brings the page back.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { escapeHtml } from './html.ts';

/** The dev server's output folder, relative to the project. */
export const SERVE_OUTPUT = '.cache/serve';

/** check's report of the last build, while its content has errors. */
export interface ContentReport {
  report: string;
  summary: string;
}

/** The marker of the script below (tests look for it). */
export const DEV_SCRIPT_MARK = 'data-factcheck-dev';

/**
 * Added to every HTML page `npm start` writes: the dev server broadcasts `eleventy.error` to every open
 * page when a build fails; the page then reloads and gets the error page. Inline, so it needs no URL
 * (and no path prefix).
 */
export const DEV_SCRIPT = `<script type="module" ${DEV_SCRIPT_MARK}>
const socket = new WebSocket(location.origin.replace(/^http/, "ws"));
socket.addEventListener("message", (event) => {
  try { if (JSON.parse(event.data).type === "eleventy.error") location.reload(); } catch {}
});
</script>`;

/** `html` with DEV_SCRIPT before its last `</body>` (unchanged when it has none). */
export function withDevScript(html: string): string {
  const end = html.lastIndexOf('</body>');
  if (end === -1) return html;
  return `${html.slice(0, end)}${DEV_SCRIPT}\n${html.slice(end)}`;
}

/** The page shown for every page while the content has errors: check's lines, as `npm run check` prints them. */
export function errorPage(errors: ContentReport): string {
  const lines = errors.report.split('\n').filter((line) => line !== '');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>The content has errors · npm start</title>
<style>
body { font: 1rem/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1b1b1b; }
h1 { color: #a4161a; font-size: 1.5rem; }
pre { background: #fff4f4; border-left: 0.3rem solid #a4161a; padding: 1rem; overflow-x: auto; white-space: pre-wrap; }
pre span { display: block; padding-left: 2em; text-indent: -2em; margin-bottom: 0.5em; }
</style>
</head>
<body>
<main>
<h1>The content has errors: ${escapeHtml(errors.summary.trim())}</h1>
<p>This is what <code>npm run check</code> reports. Fix the files it names and save: this page shows the site again as soon as it builds.</p>
<pre id="check-report">${lines.map((line) => `<span>${escapeHtml(line)}</span>`).join('\n')}</pre>
</main>
${DEV_SCRIPT}
</body>
</html>
`;
}

/** The request is a page the browser navigates to (not a stylesheet, script, image or fetch). */
function isPageRequest(req: IncomingMessage): boolean {
  const dest = req.headers['sec-fetch-dest'];
  if (typeof dest === 'string') return dest === 'document' || dest === 'iframe';
  return (req.headers.accept ?? '').includes('text/html');
}

/** A connect-style middleware for Eleventy's dev server (`setServerOptions({ middleware })`). */
export function errorPageMiddleware(current: () => ContentReport | undefined) {
  return (req: IncomingMessage, res: ServerResponse & { isCustomErrorPage?: boolean }, next: () => void): void => {
    const errors = current();
    if (!errors || !isPageRequest(req)) return next();
    res.statusCode = 500;
    // The dev server's flag for its own custom error pages (the project's 404.html): it keeps the page's
    // scripts, its live-reload client and ours, instead of a Content-Security-Policy that would block them.
    res.isCustomErrorPage = true;
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.end(errorPage(errors));
  };
}
