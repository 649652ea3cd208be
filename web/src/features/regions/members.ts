/**
 * A region's members as far as the caller can tell: the municipalities in the allocation keys of the region's
 * agreements, in the order the keys name them, and the caller's own municipality (it is a member, or the region
 * would not be in its reach). The API has no list of a region's members yet.
 */
export function regionMembers(
  agreements: readonly { allocationKey: { weights: readonly { space: string }[] } | null }[],
  homeSpace: string,
): string[] {
  const members = new Set<string>();
  for (const agreement of agreements) {
    for (const weight of agreement.allocationKey?.weights ?? []) members.add(weight.space);
  }
  if (homeSpace.startsWith('GM')) members.add(homeSpace);
  return [...members];
}
