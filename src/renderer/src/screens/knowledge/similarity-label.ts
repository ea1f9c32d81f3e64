// How a duplicate's likeness reads: "Same SQL" for an exact copy, "87% similar" for a near one.

export function similarityLabel(kind: 'exact' | 'near', similarity: number): string {
  return kind === 'exact' ? 'Same SQL' : `${Math.round(similarity * 100)}% similar`
}
