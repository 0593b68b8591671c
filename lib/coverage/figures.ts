/** A share as a whole percentage (registered SAI municipalities, attendance); 0 when there is nothing to count. */
export function percentOf(part: number, total: number): number {
  return total === 0 ? 0 : Math.round((part / total) * 100);
}
