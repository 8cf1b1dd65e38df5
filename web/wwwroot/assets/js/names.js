// Names and titles for the ids a screen state carries, from a final's definition (or its public part).
export function names(definition) {
  return {
    decimals: () => definition.rounding?.decimals ?? 2,
    judge: (id) => definition.judges.find((j) => j.id === id)?.name ?? id,
    contestant: (id) => definition.contestants.find((c) => c.id === id) ?? { id, name: id },
    round: (id) => definition.rounds.find((r) => r.id === id)?.title ?? id,
  };
}

/** A standings row with a complete round: the only rows a screen, the public view or an overlay ranks. */
export const ranked = (row) => !row.withdrawn && Object.values(row.rounds ?? {}).some((v) => v !== null && v !== undefined);
