import { NotFound } from '@dspt/domain';
import { ProviderEntity } from '@dspt/server/data';
import type { EntityManager } from 'typeorm';

const foundForReading = new WeakMap<EntityManager, ProviderEntity>();

/**
 * For a transaction that only reads, several parts of one answer (the provider page): the provider it has
 * found, which findProviderOrFail then answers for its id without asking the database again. Never for a
 * transaction that writes: it must read the provider as its own writes left it.
 */
export function readOnlyWithProvider(manager: EntityManager, provider: ProviderEntity): void {
  foundForReading.set(manager, provider);
}

/**
 * The provider with this id in the transaction's LSP, or 404. Row-level security hides other LSPs'
 * providers, so another LSP's id answers exactly like an unknown one. `lock` serialises writes that
 * depend on the provider's history (publications); FOR NO KEY UPDATE leaves rows that merely reference
 * the provider (notes, tasks) free to be written meanwhile.
 */
export async function findProviderOrFail(
  manager: EntityManager,
  providerId: string,
  options: { lock?: boolean } = {},
): Promise<ProviderEntity> {
  const found = options.lock ? undefined : foundForReading.get(manager);
  if (found?.id === providerId) {
    return found;
  }
  const provider = await manager.findOne(ProviderEntity, {
    where: { id: providerId },
    ...(options.lock ? { lock: { mode: 'for_no_key_update' as const } } : {}),
  });
  if (!provider) {
    throw new NotFound('Provider not found');
  }
  return provider;
}
