// /annotations.jsonld: every published verdict as a W3C Web Annotation on its passage, expanded with the
// `jsonld` package against the Web Annotation context shipped in src/site/contexts/anno.jsonld, with a document
// loader that never touches the network (and safe mode: a term the context does not define is an error).
import fs from 'node:fs';
import path from 'node:path';
import jsonld from 'jsonld';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANNO_CONTEXT, annotationCollection, QUOTE_CONTEXT } from '../src/site/annotations.ts';
import { buildModel } from '../src/model/model.ts';
import { testSite } from './support/content.ts';
import { makeProject, removeProjects, verdictText } from './support/project.ts';
import { repoRoot, sharedBuild } from './support/site.ts';

afterAll(removeProjects);

const CONTEXT_FILE = path.join(repoRoot, 'src/site/contexts/anno.jsonld');
const OA = 'http://www.w3.org/ns/oa#';
const site = testSite;

const loaded: string[] = [];
/** Only the shipped Web Annotation context; any other URL fails the test instead of going to the network. */
const documentLoader = (url: string) => {
  loaded.push(url);
  if (url !== ANNO_CONTEXT && url !== 'https://www.w3.org/ns/anno.jsonld') return Promise.reject(new Error(`the test may not load ${url}`));
  return Promise.resolve({
    contextUrl: undefined,
    documentUrl: url,
    document: JSON.parse(fs.readFileSync(CONTEXT_FILE, 'utf8')) as object,
  });
};
const expand = (doc: object) => jsonld.expand(doc, { documentLoader, safe: true } as jsonld.Options.Expand);

type Node = Record<string, unknown[]>;
const one = (node: unknown, iri: string): Node => ((node as Node)[iri] as Node[])[0]!;
const value = (node: unknown, iri: string): unknown =>
  (((node as Node)[iri] as { '@value'?: unknown; '@id'?: unknown }[])[0] ?? {})['@value'] ??
  (((node as Node)[iri] as { '@id'?: unknown }[])[0] ?? {})['@id'];

// A passage with a non-BMP character before it: positions count code points, not UTF-16 units.
const SEED = 'Harbour news 🌊\n\nThe council of Port Ellery voted on Tuesday to build a new sea wall, the mayor said.\n';
const QUOTE = 'The council of Port Ellery voted on Tuesday to build a new sea wall';

function model(meta: string | null) {
  const root = makeProject({
    'seeds/alpha.txt': SEED,
    'seeds/alpha.yml': meta,
    'content/verdicts/x.md': verdictText({ claim: 'claim: The council voted for a sea wall.' }),
    'content/verdicts/draft.md': verdictText({ draft: 'draft: true' }),
  });
  return buildModel({ root });
}

describe('the annotation export', () => {
  it('targets the original article with a quote and a position selector, and links the verdict with its rating', () => {
    const collection = annotationCollection(model('url: https://example.org/sea-wall\npublished: 2024-02-27\nlanguage: en\n'), site);
    expect(collection).toMatchObject({
      '@context': ANNO_CONTEXT,
      id: 'https://factcheck.example.net/annotations.jsonld',
      type: 'AnnotationCollection',
      total: 1,
    });
    const [anno] = (collection['first'] as { items: Record<string, unknown>[] }).items;
    expect(anno).toMatchObject({
      id: 'https://factcheck.example.net/verdicts/x/#annotation',
      type: 'Annotation',
      motivation: 'assessing',
      created: '2024-03-01T00:00:00Z',
      body: [
        { type: 'TextualBody', purpose: 'assessing', value: 'Accurate: The council voted for a sea wall.' },
        { id: 'https://factcheck.example.net/verdicts/x/', type: 'Text' },
      ],
      target: {
        type: 'SpecificResource',
        source: 'https://example.org/sea-wall',
        selector: [
          {
            type: 'TextQuoteSelector',
            exact: QUOTE,
            prefix: [...'Harbour news 🌊\n\n'].slice(-QUOTE_CONTEXT).join(''),
            suffix: ', the mayor said.\n',
          },
          // "Harbour news 🌊\n\n" is 16 code points (17 UTF-16 units)
          { type: 'TextPositionSelector', start: 16, end: 16 + QUOTE.length },
        ],
      },
    });
    expect([...SEED].slice(16, 16 + QUOTE.length).join('')).toBe(QUOTE);
  });

  it('targets the copy on this site when the seed has no URL, and leaves drafts out', () => {
    const collection = annotationCollection(model(null), site);
    const items = (collection['first'] as { items: { target: { source: string } }[] }).items;
    expect(items.map((i) => i.target.source)).toEqual(['https://factcheck.example.net/seeds/alpha/']);
    expect(annotationCollection(model(null), site, '/', { preview: true })['total']).toBe(0);
  });

  it('expands against the Web Annotation context without the network, every term defined', async () => {
    loaded.length = 0;
    const [expanded] = await expand(annotationCollection(model('url: https://example.org/sea-wall\n'), site));
    expect(loaded).toEqual([ANNO_CONTEXT]);
    expect(expanded!['@type']).toEqual(['http://www.w3.org/ns/activitystreams#OrderedCollection']);
    const page = one(expanded, 'http://www.w3.org/ns/activitystreams#first');
    const [anno] = (page['http://www.w3.org/ns/activitystreams#items']![0] as { '@list': Node[] })['@list'];
    expect(anno!['@type']).toEqual([`${OA}Annotation`]);
    expect(value(anno, `${OA}motivatedBy`)).toBe(`${OA}assessing`);
    const target = one(anno, `${OA}hasTarget`);
    expect(value(target, `${OA}hasSource`)).toBe('https://example.org/sea-wall');
    const selectors = target[`${OA}hasSelector`] as Node[];
    expect(selectors.map((s) => s['@type'])).toEqual([[`${OA}TextQuoteSelector`], [`${OA}TextPositionSelector`]]);
    expect(value(selectors[0], `${OA}exact`)).toBe(QUOTE);
    expect(one(selectors[1], `${OA}start`)).toEqual({ '@type': 'http://www.w3.org/2001/XMLSchema#nonNegativeInteger', '@value': 16 });
  });

  it('refuses, in safe mode, a term the context does not define (so the test above can fail)', async () => {
    await expect(expand({ '@context': ANNO_CONTEXT, id: 'https://x.example/a', type: 'Annotation', colour: 'red' })).rejects.toThrow();
  });
});

describe('/annotations.jsonld on the sample site', () => {
  let site: string;
  beforeAll(async () => {
    site = await sharedBuild(repoRoot);
  }, 120_000);

  it('has one annotation per published verdict, each quote the seed text at its position, and expands offline', async () => {
    const collection = JSON.parse(fs.readFileSync(path.join(site, 'annotations.jsonld'), 'utf8')) as { first: { items: unknown } };
    const items = collection.first.items as {
      id: string;
      target: { source: string; selector: [{ exact: string; prefix: string; suffix: string }, { start: number; end: number }] };
    }[];
    const published = fs
      .readdirSync(path.join(repoRoot, 'content/verdicts'))
      .filter((f) => !fs.readFileSync(path.join(repoRoot, 'content/verdicts', f), 'utf8').includes('\ndraft: true'));
    expect(items).toHaveLength(published.length);
    for (const item of items) {
      const seedId = /\/seeds\/([^/]+)\/$/.exec(item.target.source)![1]!;
      const text = [...fs.readFileSync(path.join(repoRoot, 'seeds', `${seedId}.txt`), 'utf8').replace(/^\uFEFF/, '')];
      const [quote, position] = item.target.selector;
      expect(text.slice(position.start, position.end).join(''), item.id).toBe(quote.exact);
      expect(text.slice(position.start - [...quote.prefix].length, position.start).join('')).toBe(quote.prefix);
      expect(text.slice(position.end, position.end + [...quote.suffix].length).join('')).toBe(quote.suffix);
    }
    await expect(expand(collection)).resolves.toHaveLength(1);
  });
});
