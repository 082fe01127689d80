/**
 * The seam for a local sentence-embedding model. Samskab ships none: an operator who runs a
 * local model (in-process or in a worker, never a cloud service) implements this and passes
 * it to the sensemaking service; its cosine similarity is then blended with the TF-IDF
 * score. Vectors must be of `dimensions` length; they need not be normalised.
 */
export interface TextEmbedder {
  readonly dimensions: number;
  embed(texts: readonly string[]): Promise<Float32Array[]>;
}

export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}
