export default {
  layout: 'article.njk',
  permalink: (data) => `/articles/${data.page.fileSlug}/`,
};
