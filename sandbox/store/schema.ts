/**
 * Schema migrations, applied in order; `user_version` records how many have run, so a state
 * directory written by an older sandbox is upgraded in place on start.
 */
export const MIGRATIONS: string[] = [
  `
  CREATE TABLE meta (name TEXT PRIMARY KEY, value BLOB NOT NULL);

  CREATE TABLE keys (
    key_id TEXT PRIMARY KEY,
    account TEXT NOT NULL,
    region TEXT NOT NULL,
    arn TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL DEFAULT '',
    key_spec TEXT NOT NULL,
    key_usage TEXT NOT NULL,
    origin TEXT NOT NULL DEFAULT 'AWS_KMS',
    key_manager TEXT NOT NULL DEFAULT 'CUSTOMER',
    key_state TEXT NOT NULL,
    creation_date REAL NOT NULL,
    deletion_date REAL,
    pending_window_days INTEGER,
    policy TEXT NOT NULL,
    rotation_enabled INTEGER NOT NULL DEFAULT 0,
    rotation_period_days INTEGER,
    next_rotation_date REAL,
    current_material_id TEXT NOT NULL
  );
  CREATE INDEX keys_by_account ON keys (account, region, creation_date);

  CREATE TABLE key_materials (
    material_id TEXT PRIMARY KEY,
    key_id TEXT NOT NULL REFERENCES keys (key_id) ON DELETE CASCADE,
    material BLOB NOT NULL,
    created REAL NOT NULL,
    rotation_type TEXT
  );
  CREATE INDEX materials_by_key ON key_materials (key_id, created);

  CREATE TABLE aliases (
    account TEXT NOT NULL,
    region TEXT NOT NULL,
    alias_name TEXT NOT NULL,
    target_key_id TEXT NOT NULL REFERENCES keys (key_id) ON DELETE CASCADE,
    creation_date REAL NOT NULL,
    last_updated_date REAL NOT NULL,
    PRIMARY KEY (account, region, alias_name)
  );
  CREATE INDEX aliases_by_key ON aliases (target_key_id);

  CREATE TABLE grants (
    grant_id TEXT PRIMARY KEY,
    key_id TEXT NOT NULL REFERENCES keys (key_id) ON DELETE CASCADE,
    name TEXT,
    grantee_principal TEXT NOT NULL,
    retiring_principal TEXT,
    issuing_account TEXT NOT NULL,
    operations TEXT NOT NULL,
    constraints TEXT,
    creation_date REAL NOT NULL,
    grant_token TEXT NOT NULL
  );
  CREATE INDEX grants_by_key ON grants (key_id, creation_date);

  CREATE TABLE tags (
    key_id TEXT NOT NULL REFERENCES keys (key_id) ON DELETE CASCADE,
    tag_key TEXT NOT NULL,
    tag_value TEXT NOT NULL,
    PRIMARY KEY (key_id, tag_key)
  );
  `,
  // Cognito identity pool identities: a guest identity has no login; a signed-in user keeps
  // one identity per pool, found again by the token's provider and subject.
  `
  CREATE TABLE cognito_identities (
    identity_id TEXT PRIMARY KEY,
    identity_pool_id TEXT NOT NULL,
    login_provider TEXT,
    login_subject TEXT,
    creation_date REAL NOT NULL,
    last_modified_date REAL NOT NULL
  );
  CREATE UNIQUE INDEX cognito_identities_by_login
    ON cognito_identities (identity_pool_id, login_provider, login_subject)
    WHERE login_provider IS NOT NULL;
  `,
  // Imported key material (Origin EXTERNAL). import_tokens: the outstanding GetParametersForImport
  // sets, each with the private half of its wrapping key. imported_materials: every material a key
  // has been given (permanently, or pending an on-demand rotation), kept after its bytes are
  // deleted from key_materials, so the same material can be imported again under the same id.
  `
  CREATE TABLE import_tokens (
    token_id TEXT PRIMARY KEY,
    key_id TEXT NOT NULL REFERENCES keys (key_id) ON DELETE CASCADE,
    wrapping_algorithm TEXT NOT NULL,
    wrapping_key_spec TEXT NOT NULL,
    private_key BLOB NOT NULL,
    valid_to REAL NOT NULL
  );
  CREATE INDEX import_tokens_by_key ON import_tokens (key_id);

  CREATE TABLE imported_materials (
    material_id TEXT PRIMARY KEY,
    key_id TEXT NOT NULL REFERENCES keys (key_id) ON DELETE CASCADE,
    key_material_id TEXT NOT NULL,
    description TEXT,
    pending_rotation INTEGER NOT NULL,
    expiration_model TEXT,
    valid_to REAL,
    rotation_type TEXT,
    rotation_date REAL,
    UNIQUE (key_id, key_material_id)
  );
  CREATE INDEX imported_materials_by_expiry ON imported_materials (valid_to) WHERE valid_to IS NOT NULL;
  `,
];
