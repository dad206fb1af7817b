import { createRequire } from 'node:module';

/*
 * Loads the AWS Encryption SDK for Node (@aws-crypto/client-node) for the interoperability tests.
 *
 * Why not a plain import: package.json has @aws-crypto/client-browser 4.2 (the console) and
 * @aws-crypto/client-node 5.0 (tests). Both build on @aws-crypto/material-management, serialize,
 * kms-keyring…; npm hoists the 4.2.4 copies for the browser and gives every client-node 5.0.2
 * package its own nested copy of each. client-node's KMS keyring then makes EncryptedDataKey
 * objects from one copy that the materials (another copy) reject: "Unsupported instance of
 * encryptedDataKey". Until the two clients share a major version (client-node ^4.2.4 dedupes
 * with the browser's packages), this resolves every nested 5.0.2 copy of a package to one of
 * them, the way a deduplicated install would. With a deduplicated install it changes nothing.
 */

type Resolve = (request: string, parent: unknown, isMain: boolean, options: unknown) => string;

const NESTED =
  /^(.*[\\/]node_modules[\\/]@aws-crypto[\\/][^\\/]+[\\/]node_modules[\\/]@aws-crypto[\\/])([^\\/]+)([\\/].*)$/;

let installed = false;

function deduplicateNestedCopies(require: NodeRequire): void {
  if (installed) return;
  installed = true;
  const loader = require('node:module') as { _resolveFilename: Resolve };
  const resolve = loader._resolveFilename;
  const chosen = new Map<string, string>();
  loader._resolveFilename = function (request, parent, isMain, options) {
    const file = resolve.call(this, request, parent, isMain, options);
    const nested = NESTED.exec(file);
    if (!nested) return file;
    const [, parentDir, name, rest] = nested;
    if (!chosen.has(name)) chosen.set(name, `${parentDir}${name}`);
    return `${chosen.get(name)}${rest}`;
  };
}

export type ClientNode = typeof import('@aws-crypto/client-node');

export function loadClientNode(): ClientNode {
  const require = createRequire(import.meta.url);
  deduplicateNestedCopies(require);
  return require('@aws-crypto/client-node') as ClientNode;
}
