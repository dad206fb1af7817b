import type { Row, StoreContext } from './repository';

/** Named values of the sandbox itself (secrets it derives tokens from), in the `meta` table. */
export class MetaRepository {
  constructor(private readonly store: StoreContext) {}

  get(name: string): Buffer | undefined {
    const row = this.store.statement('SELECT value FROM meta WHERE name = ?').get(name) as
      Row | undefined;
    return row ? Buffer.from(row.value as Uint8Array) : undefined;
  }

  set(name: string, value: Buffer | string): void {
    this.store
      .statement('INSERT OR REPLACE INTO meta (name, value) VALUES (?, ?)')
      .run(name, value);
  }
}
