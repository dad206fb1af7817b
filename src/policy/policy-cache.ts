import { parsePolicyDocument, type ParsePolicyOptions, type PolicyDocument } from './document.js';

export interface PolicyCache {
  /** The parsed document for this JSON text, parsing it only the first time. Throws like parse. */
  get(json: string, options?: ParsePolicyOptions): PolicyDocument;
  readonly size: number;
  clear(): void;
}

/**
 * Parsed documents keyed by their text, so a server that stores policies as JSON parses each
 * one once. Least recently used entries go first when the cache is full.
 */
export function createPolicyCache(maxEntries = 500): PolicyCache {
  const entries = new Map<string, PolicyDocument>();
  return {
    get(json, options = {}) {
      const cacheKey = `${options.principal ?? 'optional'}|${String(options.requireResource ?? true)}|${json}`;
      const cached = entries.get(cacheKey);
      if (cached !== undefined) {
        // Re-inserting moves the entry to the end of Map's insertion order (most recent).
        entries.delete(cacheKey);
        entries.set(cacheKey, cached);
        return cached;
      }
      const document = parsePolicyDocument(json, options);
      entries.set(cacheKey, document);
      if (entries.size > maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
      return document;
    },
    get size() {
      return entries.size;
    },
    clear() {
      entries.clear();
    },
  };
}
