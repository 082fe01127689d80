/** GET /api/site: what every page of the site may ask without a session (docs/PROTOCOL.md "The site"). */
export interface SiteInfo {
  /** Where to report an accessibility problem (ACCESSIBILITY_CONTACT); '' when not set. */
  accessibilityContact: string;
  /** Whether a public call may be embedded on another site (EMBED_ORIGINS is set). */
  embedding: boolean;
}
