const FOLD: Record<string, string> = { æ: 'ae', ø: 'oe', å: 'aa', ß: 'ss', Æ: 'ae', Ø: 'oe', Å: 'aa' };

/**
 * A file-name slug from a board title: ASCII lower case, Danish letters spelled out
 * (æ → ae, ø → oe, å → aa), other accents dropped, everything else a single dash.
 */
export function slugify(title: string, fallback = 'samskab'): string {
  const slug = title
    .replace(/[æøåßÆØÅ]/g, (c) => FOLD[c] ?? c)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return slug || fallback;
}
