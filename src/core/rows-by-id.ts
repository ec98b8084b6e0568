/**
 * Where each Deal ID sits: the one lookup of rows by Deal ID, used to find planned rows again
 * before a write (write plans, the jobs' Health column, queued edits) and to find IDs shared by
 * several rows. IDs are trimmed; a blank cell is not an ID.
 */

/** Each ID's sheet rows, ascending; ids[k] sits on row firstRow + k. */
export function rowsById(ids: readonly string[], firstRow: number): Map<string, number[]> {
  const at = new Map<string, number[]>();
  ids.forEach((raw, k) => {
    const id = raw.trim();
    if (id === '') return;
    const rows = at.get(id);
    if (rows) rows.push(firstRow + k);
    else at.set(id, [firstRow + k]);
  });
  return at;
}

/** The one row holding `id`; undefined when no row holds it, or several do. */
export function onlyRowOf(at: ReadonlyMap<string, readonly number[]>, id: string): number | undefined {
  const rows = at.get(id.trim());
  return rows !== undefined && rows.length === 1 ? rows[0] : undefined;
}
