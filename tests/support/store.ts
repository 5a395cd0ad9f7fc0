import { loadConfig } from '../../src/config/env.ts';
import { openStore, type Store } from '../../src/store/open-store.ts';

/** A store on the test database (the same one global-setup made sure is running). */
export function openTestStore(): Promise<Store> {
  return openStore(loadConfig());
}
