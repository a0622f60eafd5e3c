// The part of structured-data-testing-tool (no types of its own) the tests use: test an HTML or JSON-LD
// string offline against presets. It rejects with `res` when a required test fails.
declare module 'structured-data-testing-tool' {
  export interface SdttTest {
    test: string;
    description?: string;
    passed: boolean;
    warning?: boolean;
    error?: { message?: string };
  }
  export interface SdttResult {
    tests: SdttTest[];
    passed: SdttTest[];
    failed: SdttTest[];
    warnings: SdttTest[];
    optional: SdttTest[];
    schemas: string[];
  }
  export function structuredDataTest(input: string, options?: { presets?: unknown[]; schemas?: string[] }): Promise<SdttResult>;
}
declare module 'structured-data-testing-tool/presets' {
  export const Google: unknown;
}
