import { randomBytes } from 'node:crypto';
import type {
  CreateGrantCommandInput,
  CreateGrantCommandOutput,
  GrantConstraints,
  GrantOperation,
} from '@aws-sdk/client-kms';
import { validationMessage, wrongJsonType } from '../../protocol/errors';
import type { GrantRecord, KeyRecord } from '../../store/records';
import { dryRunGate, readDryRun } from '../dry-run';
import {
  constraintsAllowedFor,
  constraintType,
  GRANT_NAME_PATTERN,
  GRANT_OPERATION_NAMES,
  grantOperationsFor,
  issueGrantToken,
  PRINCIPAL_RULE,
  resolveGrantKey,
} from '../grants';
import { requireEnabled } from '../key-lookup';
import type { OperationContext } from '../operation';
import { GRANT_TOKENS_RULE, InputValidator, KEY_ID_RULE } from '../validation';

type Output = Omit<CreateGrantCommandOutput, '$metadata'>;

const CONSTRAINT_MEMBERS = ['EncryptionContextSubset', 'EncryptionContextEquals'] as const;
/** From the CreateGrant reference: up to 8 pairs, at most 384 characters per constraint. */
const MAX_CONSTRAINT_PAIRS = 8;
const MAX_CONSTRAINT_CHARS = 384;

const notAStringMap = (name: string) => wrongJsonType(name, 'a map of strings');

function readConstraints(v: InputValidator): GrantConstraints | undefined {
  const raw = v.object<Record<string, unknown>>('Constraints');
  if (!raw) return undefined;
  const constraints: GrantConstraints = {};
  for (const member of CONSTRAINT_MEMBERS) {
    const value = raw[member];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'object' || Array.isArray(value)) throw notAStringMap(member);
    if (Object.values(value).some((entry) => typeof entry !== 'string')) {
      throw notAStringMap(member);
    }
    // An empty context constrains nothing; keeping it would only make ListGrants noisier.
    if (Object.keys(value).length > 0) constraints[member] = value as Record<string, string>;
  }
  return constraints.EncryptionContextSubset || constraints.EncryptionContextEquals
    ? constraints
    : undefined;
}

/** Request-only rules on operations and constraints, checked before the key is looked up. */
function checkGrantShape(operations: GrantOperation[], constraints: GrantConstraints | undefined) {
  if (operations.length === 0) {
    throw validationMessage('A grant must allow at least one grant operation.');
  }
  if (operations.every((op) => op === 'CreateGrant')) {
    throw validationMessage('Grants must not contain only the CreateGrant operation.');
  }
  if (constraints?.EncryptionContextSubset && constraints.EncryptionContextEquals) {
    throw validationMessage(
      'Grant constraints must specify only one of EncryptionContextSubset or EncryptionContextEquals.',
    );
  }
  const context = constraints?.EncryptionContextSubset ?? constraints?.EncryptionContextEquals;
  if (context) {
    const pairs = Object.entries(context);
    if (pairs.length > MAX_CONSTRAINT_PAIRS) {
      throw validationMessage(
        `A grant constraint can include at most ${MAX_CONSTRAINT_PAIRS} encryption context pairs.`,
      );
    }
    const chars = pairs.reduce((sum, [k, val]) => sum + k.length + val.length, 0);
    if (chars > MAX_CONSTRAINT_CHARS) {
      throw validationMessage(
        `The encryption context in a grant constraint cannot exceed ${MAX_CONSTRAINT_CHARS} characters.`,
      );
    }
  }
}

/** Key-dependent rules: the grant may allow only what this key can do. */
function checkGrantFitsKey(
  key: KeyRecord,
  operations: GrantOperation[],
  constraints: GrantConstraints | undefined,
) {
  const supported = grantOperationsFor(key);
  const unsupported = operations.filter((op) => !supported.includes(op));
  if (unsupported.length > 0) {
    throw validationMessage(
      `Grant operations [${unsupported.join(', ')}] are not supported for ${key.arn}, whose KeySpec is ${key.keySpec} and KeyUsage is ${key.keyUsage}.`,
    );
  }
  if (constraints && !constraintsAllowedFor(key, operations)) {
    throw validationMessage(
      `Grant constraints are supported only for grant operations that take an encryption context; ${key.arn} is a ${key.keySpec} key and the grant allows [${operations.join(', ')}].`,
    );
  }
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

const sameContext = (
  a: Record<string, string> | undefined,
  b: Record<string, string> | undefined,
) =>
  (a === undefined && b === undefined) ||
  (a !== undefined &&
    b !== undefined &&
    sameSet(Object.keys(a), Object.keys(b)) &&
    Object.entries(a).every(([k, val]) => b[k] === val));

/** A named CreateGrant whose parameters all match an existing grant is a retry of it. */
function findRetried(
  existing: readonly GrantRecord[],
  wanted: Omit<GrantRecord, 'grantId' | 'grantToken' | 'creationDate' | 'issuingAccount'>,
) {
  return existing.find(
    (g) =>
      g.name === wanted.name &&
      g.granteePrincipal === wanted.granteePrincipal &&
      g.retiringPrincipal === wanted.retiringPrincipal &&
      sameSet(g.operations, wanted.operations) &&
      sameContext(
        g.constraints?.EncryptionContextSubset,
        wanted.constraints?.EncryptionContextSubset,
      ) &&
      sameContext(
        g.constraints?.EncryptionContextEquals,
        wanted.constraints?.EncryptionContextEquals,
      ),
  );
}

export function createGrant(input: CreateGrantCommandInput, ctx: OperationContext): Output {
  const v = new InputValidator(input);
  const keyId = v.string('KeyId', KEY_ID_RULE);
  const granteePrincipal = v.string('GranteePrincipal', { ...PRINCIPAL_RULE, required: true });
  const retiringPrincipal = v.string('RetiringPrincipal', PRINCIPAL_RULE);
  const operationList = v.stringList('Operations', {
    required: true,
    item: { enum: GRANT_OPERATION_NAMES },
  });
  const constraints = readConstraints(v);
  const grantTokens = v.stringList('GrantTokens', GRANT_TOKENS_RULE);
  const name = v.string('Name', { min: 1, max: 256, pattern: GRANT_NAME_PATTERN });
  const dryRun = readDryRun(v);
  v.done();

  const operations = [...new Set(operationList as GrantOperation[])];
  checkGrantShape(operations, constraints);

  const key = resolveGrantKey(ctx, keyId);
  const grantConstraintType = constraintType(constraints);
  ctx.authorize({
    action: 'kms:CreateGrant',
    key,
    grantTokens,
    conditionKeys: {
      'kms:GrantOperations': operations,
      'kms:GranteePrincipal': granteePrincipal,
      ...(retiringPrincipal !== undefined && { 'kms:RetiringPrincipal': retiringPrincipal }),
      ...(grantConstraintType !== undefined && { 'kms:GrantConstraintType': grantConstraintType }),
      'kms:GrantIsForAWSResource': false,
    },
  });
  requireEnabled(key);
  checkGrantFitsKey(key, operations, constraints);
  dryRunGate(dryRun);

  const wanted = {
    region: key.region,
    keyId: key.keyId,
    name,
    granteePrincipal: granteePrincipal,
    retiringPrincipal,
    operations,
    constraints,
  };
  return ctx.store.transaction(() => {
    const retried = name ? findRetried(ctx.store.grants.listForKey(key), wanted) : undefined;
    if (retried) {
      return { GrantId: retried.grantId, GrantToken: issueGrantToken(ctx.store, retried.grantId) };
    }
    const grantId = randomBytes(32).toString('hex');
    const grantToken = issueGrantToken(ctx.store, grantId);
    ctx.store.grants.insert({
      ...wanted,
      grantId,
      grantToken,
      issuingAccount: `arn:aws:iam::${ctx.caller.account}:root`,
      creationDate: ctx.now,
    });
    return { GrantId: grantId, GrantToken: grantToken };
  });
}
