import { PolicyDocumentError } from './policy-document-error.js';
import type { PreparedRequest } from './request.js';

export type PrincipalType = 'AWS' | 'Service' | 'Federated' | 'CanonicalUser';

/** `*`, or principals by type with account ids expanded to `arn:aws:iam::<account>:root`. */
export type NormalizedPrincipal = '*' | Readonly<Partial<Record<PrincipalType, readonly string[]>>>;

export type PrincipalEntry =
  | { readonly kind: 'any' }
  | { readonly kind: 'account'; readonly account: string }
  | { readonly kind: 'arn'; readonly arn: string }
  | { readonly kind: 'service'; readonly name: string }
  | { readonly kind: 'federated'; readonly name: string }
  | { readonly kind: 'canonical-user'; readonly id: string };

export interface CompiledPrincipal {
  readonly value: NormalizedPrincipal;
  readonly entries: readonly PrincipalEntry[];
}

/**
 * How a statement's principal matched the caller. `account`: the statement names the caller's
 * account (its root), which in a key policy delegates to the account's IAM policies rather than
 * allowing the caller itself. `implicit`: the statement has no Principal (identity policies).
 */
export type PrincipalMatch = 'direct' | 'account' | 'implicit';

const PRINCIPAL_TYPES: readonly PrincipalType[] = ['AWS', 'Service', 'Federated', 'CanonicalUser'];
const ACCOUNT_ID = /^\d{12}$/;
const ACCOUNT_ROOT_ARN = /^arn:[^:]+:iam::(\d{12}):root$/;

export function compilePrincipal(raw: unknown, path: string): CompiledPrincipal {
  if (raw === '*') return { value: '*', entries: [{ kind: 'any' }] };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new PolicyDocumentError(path, 'must be "*" or an object such as {"AWS": "..."}');
  }
  const value: Partial<Record<PrincipalType, readonly string[]>> = {};
  const entries: PrincipalEntry[] = [];
  const fields = Object.entries(raw as Record<string, unknown>);
  if (fields.length === 0) throw new PolicyDocumentError(path, 'names no principal');
  for (const [type, rawValues] of fields) {
    if (!isPrincipalType(type)) {
      throw new PolicyDocumentError(
        path,
        `unknown principal type "${type}" (expected AWS, Service, Federated or CanonicalUser)`,
      );
    }
    const names = principalNames(rawValues, `${path}.${type}`);
    const normalized = names.map((name) => normalizePrincipalName(type, name, `${path}.${type}`));
    value[type] = normalized;
    for (const name of normalized) entries.push(principalEntry(type, name));
  }
  return { value, entries };
}

function isPrincipalType(type: string): type is PrincipalType {
  return (PRINCIPAL_TYPES as readonly string[]).includes(type);
}

function principalNames(raw: unknown, path: string): string[] {
  const list = Array.isArray(raw) ? (raw as unknown[]) : [raw];
  if (list.length === 0) throw new PolicyDocumentError(path, 'names no principal');
  return list.map((name) => {
    if (typeof name !== 'string' || name === '') {
      throw new PolicyDocumentError(path, 'principal names must be non-empty strings');
    }
    return name;
  });
}

function normalizePrincipalName(type: PrincipalType, name: string, path: string): string {
  if (name === '*') return name;
  if (name.includes('*') || name.includes('?')) {
    throw new PolicyDocumentError(path, `wildcards are not allowed in a principal ("${name}")`);
  }
  if (type !== 'AWS') return name;
  if (ACCOUNT_ID.test(name)) return `arn:aws:iam::${name}:root`;
  if (!name.startsWith('arn:')) {
    throw new PolicyDocumentError(path, `"${name}" is not an account id or an ARN`);
  }
  return name;
}

function principalEntry(type: PrincipalType, name: string): PrincipalEntry {
  if (name === '*') return { kind: 'any' };
  switch (type) {
    case 'AWS': {
      const root = ACCOUNT_ROOT_ARN.exec(name);
      return root ? { kind: 'account', account: root[1] ?? '' } : { kind: 'arn', arn: name };
    }
    case 'Service':
      return { kind: 'service', name };
    case 'Federated':
      return { kind: 'federated', name };
    case 'CanonicalUser':
      return { kind: 'canonical-user', id: name };
  }
}

/** Principal element: the best match among its entries, or undefined. */
export function matchPrincipal(
  entries: readonly PrincipalEntry[],
  request: PreparedRequest,
): 'direct' | 'account' | undefined {
  let best: 'account' | undefined;
  for (const entry of entries) {
    const match = matchEntry(entry, request);
    if (match === 'direct') return match;
    if (match === 'account') best = match;
  }
  return best;
}

function matchEntry(
  entry: PrincipalEntry,
  request: PreparedRequest,
): 'direct' | 'account' | undefined {
  const principal = request.principal;
  switch (entry.kind) {
    case 'any':
      return 'direct';
    case 'arn':
      return entry.arn === principal.arn || entry.arn === principal.roleArn ? 'direct' : undefined;
    case 'account':
      if (principal.account !== entry.account || principal.service !== undefined) return undefined;
      return request.isAccountRoot ? 'direct' : 'account';
    case 'service':
      return entry.name === principal.service ? 'direct' : undefined;
    case 'federated':
      return entry.name === principal.federated ? 'direct' : undefined;
    case 'canonical-user':
      return undefined;
  }
}

/**
 * NotPrincipal: the statement applies unless every identity of the caller is excluded. AWS
 * checks the caller's ARN, its role (for sessions) and its account, which is why excluding a
 * user requires listing the account too.
 */
export function matchNotPrincipal(
  entries: readonly PrincipalEntry[],
  request: PreparedRequest,
): boolean {
  const principal = request.principal;
  if (principal.service !== undefined)
    return !entries.some((e) => excludesService(e, principal.service));
  if (!entries.some((e) => excludesIdentity(e, principal.arn, request))) return true;
  if (
    principal.roleArn !== undefined &&
    !entries.some((e) => excludesIdentity(e, principal.roleArn ?? '', request))
  ) {
    return true;
  }
  return !entries.some(
    (e) => e.kind === 'any' || (e.kind === 'account' && e.account === principal.account),
  );
}

function excludesIdentity(entry: PrincipalEntry, arn: string, request: PreparedRequest): boolean {
  if (entry.kind === 'any') return true;
  if (entry.kind === 'arn') return entry.arn === arn;
  return (
    entry.kind === 'account' && request.isAccountRoot && entry.account === request.principal.account
  );
}

function excludesService(entry: PrincipalEntry, service: string | undefined): boolean {
  return entry.kind === 'any' || (entry.kind === 'service' && entry.name === service);
}
