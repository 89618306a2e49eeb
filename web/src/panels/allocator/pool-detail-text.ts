// The words of the opened pool's view: the free list as text (head first, shortened), block
// addresses (pool address + header + index x block size, in hex) and ordinals. Pure functions.
import { CHAIN_DRAW_LIMIT } from './pool-blocks-draw';

/** Links of the free list written out; the rest is counted. */
const CHAIN_TEXT_LIMIT = 24;

export function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${suffix}`;
}

export function addHex(hex: string, offset: number): string {
  try {
    return `0x${(BigInt(hex) + BigInt(offset)).toString(16)}`;
  } catch {
    return `${hex} + ${offset}`;
  }
}

export function chainText(chain: number[]): string {
  if (chain.length === 0) return 'Free list: empty (the next block comes from the untouched part, or the pool is full).';
  const shown = chain.slice(0, CHAIN_TEXT_LIMIT).join(' → ');
  const more = chain.length > CHAIN_TEXT_LIMIT ? ` → … (${chain.length - CHAIN_TEXT_LIMIT} more)` : '';
  const drawn = chain.length > CHAIN_DRAW_LIMIT ? `; the line above follows the first ${CHAIN_DRAW_LIMIT}` : '';
  return `Free list, head first (${chain.length} block${chain.length === 1 ? '' : 's'}${drawn}): freeblock → ${shown}${more}`;
}
