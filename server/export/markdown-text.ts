/**
 * Text as literal Markdown: no emphasis, links, images, code, HTML or tables can come out
 * of an idea. Inline markup characters are backslash-escaped everywhere; `<`, `>` and `&`
 * become entities (so raw HTML never reaches a renderer); a line that would start a list,
 * heading underline or ordered list has that character escaped, and leading spaces (which
 * could make a code block) are dropped. Line breaks become hard breaks (a backslash at the
 * end of the line) that stay inside the list item (`indent`).
 */
export function mdText(text: string, indent = ''): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) =>
      line
        .trimStart()
        .replace(/[\\`*_[\]!|~#]/g, (c) => `\\${c}`)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/^([-+=])/, '\\$1')
        .replace(/^(\d+)([.)])/, '$1\\$2'),
    )
    .join(`\\\n${indent}`);
}
