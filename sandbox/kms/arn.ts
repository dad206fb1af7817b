export const keyArn = (region: string, account: string, keyId: string) =>
  `arn:aws:kms:${region}:${account}:key/${keyId}`;

export const aliasArn = (region: string, account: string, aliasName: string) =>
  `arn:aws:kms:${region}:${account}:${aliasName}`;

export interface KmsArn {
  region: string;
  account: string;
  resourceType: 'key' | 'alias';
  /** key id, or the full alias name including `alias/`. */
  resource: string;
}

const KMS_ARN = /^arn:aws[a-z-]*:kms:([a-z0-9-]+):(\d{12}):(key\/.+|alias\/.+)$/;

export function parseKmsArn(value: string): KmsArn | undefined {
  const m = KMS_ARN.exec(value);
  if (!m) return undefined;
  const [, region, account, rest] = m;
  return rest.startsWith('key/')
    ? { region, account, resourceType: 'key', resource: rest.slice(4) }
    : { region, account, resourceType: 'alias', resource: rest };
}

export const KEY_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const MRK_ID_PATTERN = /^mrk-[0-9a-f]{32}$/;
