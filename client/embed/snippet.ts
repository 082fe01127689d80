/**
 * The HTML a facilitator pastes into the municipality's own page to embed a public call:
 * an <iframe> of the call's form in embed mode, and a few lines that grow the frame with
 * the form (the form posts its height, client/app/embed.ts). Only messages from Samskab's
 * origin and from that very frame are believed.
 */
export function embedSnippet(origin: string, callId: string, title: string): string {
  const src = `${origin}/c/${encodeURIComponent(callId)}?embed=1`;
  const safeTitle = title.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return [
    `<iframe src="${src}" title="${safeTitle}" style="width:100%;min-height:640px;border:0" loading="lazy"></iframe>`,
    '<script>',
    "window.addEventListener('message', function (event) {",
    `  if (event.origin !== '${origin}' || !event.data || event.data.type !== 'samskab:height') return;`,
    "  document.querySelectorAll('iframe').forEach(function (frame) {",
    "    if (frame.contentWindow === event.source) frame.style.height = event.data.height + 'px';",
    '  });',
    '});',
    '</script>',
  ].join('\n');
}
