/** The publisher logo every NewsArticle names: public/logo.png, written by scripts/make-logo.ts. */
export const PUBLISHER_LOGO = { path: 'logo.png', width: 512, height: 512 } as const;
