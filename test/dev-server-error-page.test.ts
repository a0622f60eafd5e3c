// npm start's error page prints check's report, which quotes editors' text: it is escaped like any other
// untrusted text. Only page navigations get it; stylesheets, scripts and fetches are served as before.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { errorPage, errorPageMiddleware, withDevScript, DEV_SCRIPT_MARK } from '../src/eleventy/dev-server.ts';

const report = {
  report:
    'content/verdicts/x.md:4:8: error: quote not found in seed a; closest: "</pre><script>alert(1)</script>" (line 2). [quote-not-found]\n',
  summary: '1 error, 0 warnings in 3 files <img src=x onerror=alert(2)>\n',
};

function request(headers: Record<string, string>) {
  const sent: { status?: number; body?: string; headers: Record<string, string> } = { headers: {} };
  const res = {
    set statusCode(value: number) {
      sent.status = value;
    },
    setHeader: (name: string, value: string) => (sent.headers[name.toLowerCase()] = value),
    end: (body: string) => (sent.body = body),
  } as unknown as ServerResponse;
  let passed = false;
  errorPageMiddleware(() => report)({ headers } as IncomingMessage, res, () => (passed = true));
  return { passed, sent };
}

describe('the error page of npm start', () => {
  it('escapes check’s report and summary', () => {
    const html = errorPage(report);
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('closest: &quot;&lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot;');
    expect(html.match(/<pre id="check-report">/g)).toHaveLength(1);
    expect(html).toContain(DEV_SCRIPT_MARK);
  });

  it('answers page navigations with status 500 and lets every other request through', () => {
    const page = request({ 'sec-fetch-dest': 'document', accept: 'text/html' });
    expect(page.passed).toBe(false);
    expect(page.sent.status).toBe(500);
    expect(page.sent.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.sent.body).toContain('[quote-not-found]');
    for (const dest of ['style', 'script', 'image', 'empty']) expect(request({ 'sec-fetch-dest': dest, accept: '*/*' }).passed).toBe(true);
    // A client that sends no Fetch Metadata (curl): by what it accepts.
    expect(request({ accept: 'text/html,application/xhtml+xml' }).passed).toBe(false);
    expect(request({ accept: 'application/xml' }).passed).toBe(true);
  });

  it('serves everything as usual while the content has no errors', () => {
    let passed = false;
    errorPageMiddleware(() => undefined)(
      { headers: { 'sec-fetch-dest': 'document' } } as unknown as IncomingMessage,
      {} as ServerResponse,
      () => (passed = true),
    );
    expect(passed).toBe(true);
  });

  it('adds its reload script before the last </body> of a page, and to nothing else', () => {
    expect(withDevScript('<html><body><p>&lt;/body&gt;</p></body></html>')).toMatch(
      new RegExp(`<p>&lt;/body&gt;</p><script type="module" ${DEV_SCRIPT_MARK}>[\\s\\S]*</script>\\n</body></html>$`),
    );
    expect(withDevScript('{"a": 1}')).toBe('{"a": 1}');
  });
});
