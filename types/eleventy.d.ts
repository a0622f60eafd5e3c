// The few parts of Eleventy 3.1 and its RSS plugin this project uses (neither ships type declarations).

declare module '@11ty/eleventy' {
  export interface EleventyDirectories {
    input: string;
    includes: string;
    data: string;
    output: string;
  }

  export interface EleventyEventArgs {
    directories: EleventyDirectories;
    runMode: 'build' | 'serve' | 'watch';
    outputMode: string;
    incremental: boolean;
  }

  export interface FrontMatterEngineOptions {
    /** Set by Eleventy 3 to the template's input path before front matter is parsed. */
    filePath?: string;
  }

  export interface UserConfig {
    readonly directories: EleventyDirectories;
    readonly pathPrefix: string;
    addPlugin<O>(plugin: (config: UserConfig, options: O) => void | Promise<void>, options?: O): void;
    addPlugin(plugin: (config: UserConfig) => void | Promise<void>): void;
    addGlobalData(name: string, value: unknown): void;
    addTemplate(inputPath: string, content: string, data?: Record<string, unknown>): void;
    addFilter(name: string, filter: (...args: never[]) => unknown): void;
    addPassthroughCopy(map: Record<string, string>): void;
    addWatchTarget(target: string): void;
    /** Runs on every page's output, `this.page` being the page. */
    addTransform(name: string, transform: (this: never, content: string) => string | Promise<string>): void;
    /** Options of Eleventy's dev server (`--serve`); `middleware` are connect-style handlers run before it serves a file. */
    setServerOptions(options: {
      middleware?: ((req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, next: () => void) => void)[];
    }): void;
    setLibrary(name: 'md', library: unknown): void;
    setFrontMatterParsingOptions(options: {
      engines?: Record<string, (text: string, options?: FrontMatterEngineOptions) => object>;
      language?: string;
    }): void;
    setQuietMode(quiet: boolean): void;
    on(event: 'eleventy.before', listener: (args: EleventyEventArgs) => void | Promise<void>): void;
    on(event: 'eleventy.after', listener: (args: EleventyEventArgs) => void | Promise<void>): void;
    /** Watch mode: before a rebuild, with the files that changed since the last one (as the watcher names them). */
    on(event: 'eleventy.beforeWatch', listener: (changed: string[]) => void | Promise<void>): void;
    /** Every page's URL, after permalinks are computed and before anything is rendered or written. */
    on(event: 'eleventy.contentMap', listener: (args: { urlToInputPath: Record<string, { inputPath: string }> }) => void): void;
    /** Suffixes of template and folder data files; [] reads none. */
    setDataFileSuffixes(suffixes: string[]): void;
    readonly ignores: Set<string>;
  }

  export interface EleventyOptions {
    configPath?: string;
    pathPrefix?: string;
    quietMode?: boolean;
    runMode?: 'build' | 'serve' | 'watch';
    /** Runs before the configuration file, with the same UserConfig. */
    config?: (config: UserConfig) => void | Promise<void>;
  }

  export class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    write(): Promise<unknown>;
    /** Silences Eleventy's console output (errors still reject `write()`). */
    disableLogger(): void;
  }

  export function HtmlBasePlugin(config: UserConfig, options?: { baseHref?: string }): void;
}

declare module '@11ty/eleventy-plugin-rss' {
  import type { UserConfig } from '@11ty/eleventy';

  /** The feed filters: dateToRfc3339, dateToRfc822, getNewestCollectionItemDate, htmlToAbsoluteUrls. */
  export function rssPlugin(config: UserConfig): void;
}
