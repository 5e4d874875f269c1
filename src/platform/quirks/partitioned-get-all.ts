// cookies.getAll() without a partitionKey returns only unpartitioned cookies in both Chrome (119+) and
// Firefox; `partitionKey: {}` returns partitioned (CHIPS) cookies too. Browsers that predate the field
// reject it as an unexpected property, so fall back to the plain query there.

export async function getAllIncludingPartitioned<T>(
  getAll: (details: Record<string, unknown>) => Promise<T[]>, details: Record<string, unknown>,
): Promise<T[]> {
  try {
    return await getAll({ ...details, partitionKey: {} });
  } catch (error) {
    if (!/partitionKey/i.test(String(error))) throw error;
    return getAll(details);
  }
}
