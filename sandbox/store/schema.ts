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
  // A key is identified by its Region and key id: a multi-Region key's primary and replicas share
  // the key id (and account) in different Regions. Everything that belongs to a key names both.
  // primary_region marks multi-Region keys. Keys written before (all us-east-1) keep their rows,
  // their creation order (rowid) and every material version, alias, grant, tag, import token and
  // imported material.
  `
  CREATE TABLE keys_v3 (
    key_id TEXT NOT NULL,
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
    current_material_id TEXT NOT NULL,
    primary_region TEXT,
    PRIMARY KEY (region, key_id)
  );
  INSERT INTO keys_v3 (key_id, account, region, arn, description, key_spec, key_usage, origin,
      key_manager, key_state, creation_date, deletion_date, pending_window_days, policy,
      rotation_enabled, rotation_period_days, next_rotation_date, current_material_id)
    SELECT key_id, account, region, arn, description, key_spec, key_usage, origin, key_manager,
      key_state, creation_date, deletion_date, pending_window_days, policy, rotation_enabled,
      rotation_period_days, next_rotation_date, current_material_id
    FROM keys ORDER BY rowid;

  CREATE TABLE key_materials_v3 (
    region TEXT NOT NULL,
    material_id TEXT NOT NULL,
    key_id TEXT NOT NULL,
    material BLOB NOT NULL,
    created REAL NOT NULL,
    rotation_type TEXT,
    PRIMARY KEY (region, material_id),
    FOREIGN KEY (region, key_id) REFERENCES keys_v3 (region, key_id) ON DELETE CASCADE
  );
  INSERT INTO key_materials_v3 (region, material_id, key_id, material, created, rotation_type)
    SELECT k.region, m.material_id, m.key_id, m.material, m.created, m.rotation_type
    FROM key_materials m JOIN keys k ON k.key_id = m.key_id ORDER BY m.rowid;

  CREATE TABLE aliases_v3 (
    account TEXT NOT NULL,
    region TEXT NOT NULL,
    alias_name TEXT NOT NULL,
    target_key_id TEXT NOT NULL,
    creation_date REAL NOT NULL,
    last_updated_date REAL NOT NULL,
    PRIMARY KEY (account, region, alias_name),
    FOREIGN KEY (region, target_key_id) REFERENCES keys_v3 (region, key_id) ON DELETE CASCADE
  );
  INSERT INTO aliases_v3 SELECT account, region, alias_name, target_key_id, creation_date,
      last_updated_date
    FROM aliases ORDER BY rowid;

  CREATE TABLE grants_v3 (
    grant_id TEXT PRIMARY KEY,
    region TEXT NOT NULL,
    key_id TEXT NOT NULL,
    name TEXT,
    grantee_principal TEXT NOT NULL,
    retiring_principal TEXT,
    issuing_account TEXT NOT NULL,
    operations TEXT NOT NULL,
    constraints TEXT,
    creation_date REAL NOT NULL,
    grant_token TEXT NOT NULL,
    FOREIGN KEY (region, key_id) REFERENCES keys_v3 (region, key_id) ON DELETE CASCADE
  );
  INSERT INTO grants_v3 (grant_id, region, key_id, name, grantee_principal, retiring_principal,
      issuing_account, operations, constraints, creation_date, grant_token)
    SELECT g.grant_id, k.region, g.key_id, g.name, g.grantee_principal, g.retiring_principal,
      g.issuing_account, g.operations, g.constraints, g.creation_date, g.grant_token
    FROM grants g JOIN keys k ON k.key_id = g.key_id ORDER BY g.rowid;

  CREATE TABLE tags_v3 (
    region TEXT NOT NULL,
    key_id TEXT NOT NULL,
    tag_key TEXT NOT NULL,
    tag_value TEXT NOT NULL,
    PRIMARY KEY (region, key_id, tag_key),
    FOREIGN KEY (region, key_id) REFERENCES keys_v3 (region, key_id) ON DELETE CASCADE
  );
  INSERT INTO tags_v3 SELECT k.region, t.key_id, t.tag_key, t.tag_value
    FROM tags t JOIN keys k ON k.key_id = t.key_id ORDER BY t.rowid;

  CREATE TABLE import_tokens_v3 (
    token_id TEXT PRIMARY KEY,
    region TEXT NOT NULL,
    key_id TEXT NOT NULL,
    wrapping_algorithm TEXT NOT NULL,
    wrapping_key_spec TEXT NOT NULL,
    private_key BLOB NOT NULL,
    valid_to REAL NOT NULL,
    FOREIGN KEY (region, key_id) REFERENCES keys_v3 (region, key_id) ON DELETE CASCADE
  );
  INSERT INTO import_tokens_v3 (token_id, region, key_id, wrapping_algorithm, wrapping_key_spec,
      private_key, valid_to)
    SELECT t.token_id, k.region, t.key_id, t.wrapping_algorithm, t.wrapping_key_spec,
      t.private_key, t.valid_to
    FROM import_tokens t JOIN keys k ON k.key_id = t.key_id ORDER BY t.rowid;

  CREATE TABLE imported_materials_v3 (
    region TEXT NOT NULL,
    material_id TEXT NOT NULL,
    key_id TEXT NOT NULL,
    key_material_id TEXT NOT NULL,
    description TEXT,
    pending_rotation INTEGER NOT NULL,
    expiration_model TEXT,
    valid_to REAL,
    rotation_type TEXT,
    rotation_date REAL,
    PRIMARY KEY (region, material_id),
    UNIQUE (region, key_id, key_material_id),
    FOREIGN KEY (region, key_id) REFERENCES keys_v3 (region, key_id) ON DELETE CASCADE
  );
  INSERT INTO imported_materials_v3 (region, material_id, key_id, key_material_id, description,
      pending_rotation, expiration_model, valid_to, rotation_type, rotation_date)
    SELECT k.region, i.material_id, i.key_id, i.key_material_id, i.description,
      i.pending_rotation, i.expiration_model, i.valid_to, i.rotation_type, i.rotation_date
    FROM imported_materials i JOIN keys k ON k.key_id = i.key_id ORDER BY i.rowid;

  DROP TABLE imported_materials;
  DROP TABLE import_tokens;
  DROP TABLE tags;
  DROP TABLE grants;
  DROP TABLE aliases;
  DROP TABLE key_materials;
  DROP TABLE keys;
  ALTER TABLE keys_v3 RENAME TO keys;
  ALTER TABLE key_materials_v3 RENAME TO key_materials;
  ALTER TABLE aliases_v3 RENAME TO aliases;
  ALTER TABLE grants_v3 RENAME TO grants;
  ALTER TABLE tags_v3 RENAME TO tags;
  ALTER TABLE import_tokens_v3 RENAME TO import_tokens;
  ALTER TABLE imported_materials_v3 RENAME TO imported_materials;

  CREATE INDEX keys_by_account ON keys (account, region, creation_date);
  CREATE INDEX keys_by_multi_region_key ON keys (account, key_id) WHERE primary_region IS NOT NULL;
  CREATE INDEX materials_by_key ON key_materials (region, key_id, created);
  CREATE INDEX aliases_by_key ON aliases (region, target_key_id);
  CREATE INDEX grants_by_key ON grants (region, key_id, creation_date);
  CREATE INDEX import_tokens_by_key ON import_tokens (region, key_id);
  CREATE INDEX imported_materials_by_expiry ON imported_materials (valid_to)
    WHERE valid_to IS NOT NULL;
  `,
  // CloudTrail event history: one row per event and recipient account, the record as CloudTrail
  // writes it, plus the columns LookupEvents filters on. `seq` is assigned in recording order and
  // rows are removed only from the oldest end, so the live rows are one contiguous range. Each
  // event's resources (a key, an alias) are rows of event_resources keyed `seq * 8 + i`, so the
  // oldest events' resources go with one rowid range delete.
  `
  CREATE TABLE events (
    seq INTEGER PRIMARY KEY,
    event_id TEXT NOT NULL,
    event_time INTEGER NOT NULL,
    recipient TEXT NOT NULL,
    region TEXT NOT NULL,
    event_source TEXT NOT NULL,
    event_name TEXT NOT NULL,
    read_only INTEGER NOT NULL,
    username TEXT,
    access_key_id TEXT,
    record TEXT NOT NULL
  );
  CREATE INDEX events_by_time ON events (recipient, region, event_time, seq);
  CREATE INDEX events_by_name ON events (recipient, region, event_name, event_time, seq);

  CREATE TABLE event_resources (
    id INTEGER PRIMARY KEY,
    event_seq INTEGER NOT NULL,
    event_time INTEGER NOT NULL,
    recipient TEXT NOT NULL,
    region TEXT NOT NULL,
    resource_type TEXT NOT NULL,
    resource_name TEXT NOT NULL
  );
  CREATE INDEX event_resources_by_name
    ON event_resources (recipient, region, resource_name, event_time, event_seq);
  `,
  // User pool sign-in sessions (named by the origin_jti of their tokens), so revoked refresh
  // and access tokens stay refused; guests by age, so the oldest can make room for new ones.
  `
  CREATE TABLE user_pool_sessions (
    origin_jti TEXT PRIMARY KEY,
    user_pool_id TEXT NOT NULL,
    username TEXT NOT NULL,
    client_id TEXT NOT NULL,
    created REAL NOT NULL,
    expires REAL NOT NULL,
    revoked INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX user_pool_sessions_by_user ON user_pool_sessions (user_pool_id, username, created);
  CREATE INDEX user_pool_sessions_by_expiry ON user_pool_sessions (expires);
  CREATE INDEX cognito_guests_by_age ON cognito_identities (identity_pool_id, creation_date)
    WHERE login_provider IS NULL;
  `,
  // Compact events: the record was stored whole, ~1.1 KB for an Encrypt, and writing those bytes
  // cost the hot path more than anything else recording does. A record is now stored as the
  // parts it is rebuilt from at lookup: columns for what LookupEvents filters on or a record
  // repeats (time, names, ids), the caller (userIdentity, source IP, user agent: the same for
  // every call a client makes) once in event_callers, and `body`, the JSON of what varies call
  // to call (request parameters, response elements, error, resources). A caller row lives as
  // long as the newest event naming it (`last_seq`). Events stored before keep their whole
  // record in `body` with no caller.
  `
  CREATE TABLE event_callers (
    id INTEGER PRIMARY KEY,
    identity TEXT NOT NULL,
    source_ip TEXT NOT NULL,
    user_agent TEXT NOT NULL,
    last_seq INTEGER NOT NULL
  );

  CREATE TABLE events_v6 (
    seq INTEGER PRIMARY KEY,
    event_id TEXT NOT NULL,
    event_time INTEGER NOT NULL,
    recipient TEXT NOT NULL,
    region TEXT NOT NULL,
    event_source TEXT NOT NULL,
    event_name TEXT NOT NULL,
    read_only INTEGER NOT NULL,
    username TEXT,
    access_key_id TEXT,
    caller INTEGER,
    request_id TEXT,
    body TEXT NOT NULL
  );
  INSERT INTO events_v6 (seq, event_id, event_time, recipient, region, event_source, event_name,
      read_only, username, access_key_id, caller, request_id, body)
    SELECT seq, event_id, event_time, recipient, region, event_source, event_name, read_only,
      username, access_key_id, NULL, NULL, record FROM events;
  DROP TABLE events;
  ALTER TABLE events_v6 RENAME TO events;
  CREATE INDEX events_by_time ON events (recipient, region, event_time, seq);
  CREATE INDEX events_by_name ON events (recipient, region, event_name, event_time, seq);
  `,
  // Events in chunks: storing a batch of events as rows of their own (the event, two indexes, a
  // resource row and its index, for each) was most of what recording cost the hot path. A batch
  // (or one write's events) is now one row of event_chunks, `events` the JSON of its callers,
  // the shapes its events share and the events (see store/events.ts), and event_terms indexes each chunk once for every value
  // LookupEvents filters on that any of its events has, with the chunk's time span; attribute ''
  // is every event of the recipient's Region. Chunks are removed whole, oldest first. Each event
  // stored before becomes a chunk of its own; those stored whole keep their record as a string.
  `
  CREATE TABLE event_chunks (
    first_seq INTEGER PRIMARY KEY,
    last_seq INTEGER NOT NULL,
    min_time INTEGER NOT NULL,
    max_time INTEGER NOT NULL,
    events TEXT NOT NULL
  );
  CREATE INDEX event_chunks_by_last_seq ON event_chunks (last_seq);

  CREATE TABLE event_terms (
    recipient TEXT NOT NULL,
    region TEXT NOT NULL,
    attribute TEXT NOT NULL,
    value TEXT NOT NULL,
    max_time INTEGER NOT NULL,
    min_time INTEGER NOT NULL,
    chunk INTEGER NOT NULL,
    PRIMARY KEY (recipient, region, attribute, value, max_time, chunk)
  ) WITHOUT ROWID;
  CREATE INDEX event_terms_by_chunk ON event_terms (chunk);

  INSERT INTO event_chunks (first_seq, last_seq, min_time, max_time, events)
    SELECT e.seq, e.seq, e.event_time, e.event_time, json_object(
        'callers', json_array(json_array(
          json(coalesce(c.identity, '{"type":"Unknown"}')),
          coalesce(c.source_ip, ''),
          coalesce(c.user_agent, ''))),
        'shapes', json_array(json_array(
          e.recipient, e.region, e.event_source, e.event_name, e.read_only, e.username,
          e.access_key_id, CASE WHEN e.request_id IS NULL THEN NULL ELSE 0 END,
          CASE WHEN e.request_id IS NULL THEN e.body ELSE json(e.body) END)),
        'events', json_array(json_array(e.seq, e.event_id, e.event_time, e.request_id, 0)))
    FROM events AS e LEFT JOIN event_callers AS c ON c.id = e.caller;

  INSERT OR IGNORE INTO event_terms (recipient, region, attribute, value, max_time, min_time, chunk)
    SELECT recipient, region, '', '', event_time, event_time, seq FROM events
    UNION ALL SELECT recipient, region, 'EventName', event_name, event_time, event_time, seq
      FROM events
    UNION ALL SELECT recipient, region, 'EventSource', event_source, event_time, event_time, seq
      FROM events
    UNION ALL SELECT recipient, region, 'ReadOnly',
        CASE read_only WHEN 1 THEN 'true' ELSE 'false' END, event_time, event_time, seq FROM events
    UNION ALL SELECT recipient, region, 'Username', username, event_time, event_time, seq
      FROM events WHERE username IS NOT NULL
    UNION ALL SELECT recipient, region, 'AccessKeyId', access_key_id, event_time, event_time, seq
      FROM events WHERE access_key_id IS NOT NULL
    UNION ALL SELECT recipient, region, 'ResourceName', resource_name, event_time, event_time,
        event_seq FROM event_resources
    UNION ALL SELECT recipient, region, 'ResourceType', resource_type, event_time, event_time,
        event_seq FROM event_resources;

  DROP TABLE events;
  DROP TABLE event_resources;
  DROP TABLE event_callers;
  `,
];
