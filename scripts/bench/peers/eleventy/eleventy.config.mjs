// Baseline (c): Eleventy 3 over the same corpus: markdown-it, one Nunjucks layout, one URL per article.
export default function () {
  return {
    dir: { input: 'content', output: '_site', includes: '_includes' },
    templateFormats: ['md'],
    markdownTemplateEngine: false,
  };
}
