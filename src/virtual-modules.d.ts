/** Modules the project's own integrations provide. */
declare module 'virtual:wirepress/content-images' {
  /** Every image in content/, by its path from the project root ('/content/articles/x/a.jpg'). */
  const images: Record<string, () => Promise<import('astro').ImageMetadata>>;
  export default images;
}
