extension DefaultTheme {
    static let layouts: [String: String] = [
        "base": #"""
        <!DOCTYPE html>
        <html lang="{{site.language}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{$title}}{{page_title}} · {{site.title}}{{/title}}</title>
        {{#description}}<meta name="description" content="{{description}}">
        {{/description}}
        <link rel="canonical" href="{{canonical_url}}">
        <link rel="stylesheet" href="{{site.stylesheet_url}}">
        <link rel="icon" href="{{site.favicon_url}}" type="image/svg+xml">
        <link rel="alternate" type="application/atom+xml" href="{{site.feed_url}}" title="{{site.title}}">
        {{#category_feed_url}}<link rel="alternate" type="application/atom+xml" href="{{category_feed_url}}" title="{{site.title}}: {{list.name}}">
        {{/category_feed_url}}
        {{{meta_tags_html}}}{{{structured_data_html}}}
        {{$head}}{{/head}}
        </head>
        <body class="layout-{{layout}}">
        <a class="skip-link" href="#main">Skip to content</a>
        {{>header}}
        <main id="main">
        {{$content}}{{/content}}
        </main>
        {{>footer}}
        </body>
        </html>

        """#,

        "home": #"""
        {{<base}}
        {{$title}}{{site.title}}{{/title}}
        {{$content}}
        <section class="intro">
        <h1>{{site.title}}</h1>
        {{#site.description}}<p class="lede">{{site.description}}</p>{{/site.description}}
        </section>
        <div class="home-columns">
        <section class="latest" aria-labelledby="latest-heading">
        <h2 id="latest-heading">Latest questions</h2>
        <ol class="question-list">
        {{#latest}}{{>question-item}}{{/latest}}
        </ol>
        {{#has_more}}<p class="more"><a href="{{all_questions_url}}">All {{question_count_text}} →</a></p>{{/has_more}}
        </section>
        <nav class="categories" aria-labelledby="categories-heading">
        <h2 id="categories-heading">Categories</h2>
        <ul class="term-list">
        {{#site.categories}}<li><a href="{{url}}">{{name}}</a> <span class="count">{{count}}</span></li>
        {{/site.categories}}
        </ul>
        </nav>
        </div>
        {{/content}}
        {{/base}}

        """#,

        "question": #"""
        {{<base}}
        {{$content}}
        <nav class="breadcrumbs" aria-label="Breadcrumb">
        <ol>{{#breadcrumbs}}<li><a href="{{url}}">{{name}}</a></li>{{/breadcrumbs}}<li class="current"><span aria-current="page">{{question.title}}</span></li></ol>
        </nav>
        <article class="thread">
        <header class="question-header">
        <h1>{{question.title}}</h1>
        <p class="dates">
        {{#question.is_updated}}Last updated <time datetime="{{question.updated_iso}}">{{question.updated_text}}</time> (Originally <time datetime="{{question.date_iso}}">{{question.date_text}}</time>){{/question.is_updated}}
        {{^question.is_updated}}Published <time datetime="{{question.date_iso}}">{{question.date_text}}</time>{{/question.is_updated}}
        </p>
        {{#review}}<p class="review">Last reviewed by <a href="{{reviewer_url}}">{{reviewer_name_with_credentials}}</a> on <time datetime="{{date_iso}}">{{date_text}}</time></p>{{/review}}
        </header>
        <section id="question" class="question" aria-label="Question">
        {{#question.asked_by}}<p class="asked-by">Asked by {{question.asked_by}}</p>{{/question.asked_by}}
        <div class="body">
        {{{question.body_html}}}
        </div>
        <p class="meta">{{#question.votes}}<span class="votes">{{question.votes}} votes</span> {{/question.votes}}{{#question.tags}}<a class="tag" href="{{url}}">#{{name}}</a> {{/question.tags}}</p>
        </section>
        <section id="answers" class="answers" aria-labelledby="answers-heading">
        <h2 id="answers-heading">{{answer_count_text}}</h2>
        {{#answers}}{{>answer}}{{/answers}}
        {{^has_answers}}<p class="empty">No answers yet.</p>{{/has_answers}}
        {{>pager}}
        </section>
        <section id="cite" class="cite" aria-labelledby="cite-heading">
        <h2 id="cite-heading">Cite this page</h2>
        <p class="reference" id="reference">{{{citation.apa_html}}}</p>
        <p class="cite-actions"><button type="button" class="copy-reference" data-copy="reference" hidden>Copy reference</button>
        <span>Download: <a href="{{citation.bibtex_url}}" download>BibTeX</a> · <a href="{{citation.ris_url}}" download>RIS</a> · <a href="{{citation.csljson_url}}" download>CSL-JSON</a></span></p>
        {{#cites_answers}}<p class="cite-note">To cite one answer, use the reference under “Cite this answer” beside it.</p>{{/cites_answers}}
        </section>
        {{#has_author_boxes}}
        <section id="authors" class="author-boxes" aria-labelledby="authors-heading">
        <h2 id="authors-heading">About the authors</h2>
        {{#author_boxes}}{{>author-box}}{{/author_boxes}}
        </section>
        {{/has_author_boxes}}
        </article>
        {{#has_neighbours}}
        <nav class="neighbours" aria-label="More in {{question.category.name}}">
        {{#older}}<a rel="prev" href="{{url}}"><span>Older in {{category_name}}</span> {{title}}</a>{{/older}}
        {{#newer}}<a rel="next" href="{{url}}"><span>Newer in {{category_name}}</span> {{title}}</a>{{/newer}}
        </nav>
        {{/has_neighbours}}
        {{#has_related}}
        <section class="related" aria-labelledby="related-heading">
        <h2 id="related-heading">Related questions</h2>
        <ul class="related-list">
        {{#related}}<li><a href="{{url}}">{{title}}</a> <span class="meta">{{answer_count_text}}</span></li>
        {{/related}}
        </ul>
        </section>
        {{/has_related}}
        {{>copy-script}}
        {{/content}}
        {{/base}}

        """#,

        "list": #"""
        {{<base}}
        {{$content}}
        <header class="list-header">
        <p class="eyebrow">{{list.kind}}</p>
        <h1>{{list.name}}</h1>
        <p class="count">{{list.count_text}}</p>
        </header>
        <ol class="question-list">
        {{#items}}{{>question-item}}{{/items}}
        </ol>
        {{>pager}}
        {{/content}}
        {{/base}}

        """#,

        "terms": #"""
        {{<base}}
        {{$content}}
        <h1>{{page_title}}</h1>
        <ul class="term-list">
        {{#terms}}<li><a href="{{url}}">{{name}}</a> <span class="count">{{count_text}}</span></li>
        {{/terms}}
        </ul>
        {{/content}}
        {{/base}}

        """#,

        "authors": #"""
        {{<base}}
        {{$content}}
        <h1>{{page_title}}</h1>
        <ul class="author-list">
        {{#authors}}
        <li class="author-summary">
        {{#photo_url}}<img class="photo" src="{{photo_url}}" alt="" width="56" height="56">{{/photo_url}}
        <div>
        <h2><a href="{{url}}">{{name_with_credentials}}</a></h2>
        {{#role}}<p class="role">{{role}}</p>{{/role}}
        <p class="count">{{answer_count_text}}{{#is_reviewer}} · {{review_count_text}}{{/is_reviewer}}</p>
        </div>
        </li>
        {{/authors}}
        </ul>
        {{/content}}
        {{/base}}

        """#,

        "author": #"""
        {{<base}}
        {{$content}}
        {{#author}}
        <header class="author-header">
        {{#photo_url}}<img class="photo" src="{{photo_url}}" alt="Photo of {{name}}" width="96" height="96">{{/photo_url}}
        <div>
        <h1>{{name}}</h1>
        {{#credentials}}<p class="credentials">{{credentials}}</p>{{/credentials}}
        {{#role}}<p class="role">{{role}}{{#affiliation}}, {{affiliation}}{{/affiliation}}</p>{{/role}}
        {{^role}}{{#affiliation}}<p class="role">{{affiliation}}</p>{{/affiliation}}{{/role}}
        <p class="links">{{#website_url}}<a href="{{website_url}}" rel="me">Website</a> {{/website_url}}{{#orcid_url}}<a href="{{orcid_url}}">ORCID {{orcid}}</a>{{/orcid_url}}</p>
        </div>
        </header>
        <div class="bio">
        {{{bio_html}}}
        </div>
        {{/author}}
        {{#has_answers}}
        <section class="answers-written" aria-labelledby="written-heading">
        <h2 id="written-heading">Answers ({{author.answer_count}})</h2>
        <ol class="question-list">
        {{#answers_written}}<li class="question-item"><a href="{{answer_url}}">{{question_title}}</a>
        <p class="meta"><time datetime="{{date_iso}}">{{date_text}}</time> · <a href="{{category_url}}">{{category_name}}</a>{{#accepted}} · <span class="accepted-badge">Accepted answer</span>{{/accepted}}</p></li>
        {{/answers_written}}
        </ol>
        </section>
        {{/has_answers}}
        {{#has_reviewed}}
        <section class="pages-reviewed" aria-labelledby="reviewed-heading">
        <h2 id="reviewed-heading">Pages reviewed ({{author.review_count}})</h2>
        <ul class="question-list">
        {{#reviewed}}<li class="question-item"><a href="{{url}}">{{title}}</a> <span class="meta">reviewed <time datetime="{{date_iso}}">{{date_text}}</time></span></li>
        {{/reviewed}}
        </ul>
        </section>
        {{/has_reviewed}}
        {{>pager}}
        {{/content}}
        {{/base}}

        """#,

        "page": #"""
        {{<base}}
        {{$content}}
        <article class="free-page">
        <h1>{{page.title}}</h1>
        {{#page.is_updated}}<p class="dates">Last updated <time datetime="{{page.updated_iso}}">{{page.updated_text}}</time></p>{{/page.is_updated}}
        <div class="body">
        {{{page.body_html}}}
        </div>
        </article>
        {{/content}}
        {{/base}}

        """#,

        "search": #"""
        {{<base}}
        {{$content}}
        <h1>Search</h1>
        {{#search_available}}
        <div id="search" class="search" data-root="{{search_root_url}}">
        <form class="search-form" action="{{site.search_url}}" method="get" role="search" aria-label="Questions and answers">
        <p class="search-field"><label for="search-query">Search the questions and answers</label>
        <input id="search-query" type="search" name="q" autocomplete="off" spellcheck="false"></p>
        <p class="search-field"><label for="search-category">Category</label>
        <select id="search-category" name="category"><option value="">All categories</option>{{#search_categories}}<option value="{{slug}}">{{name}}</option>{{/search_categories}}</select></p>
        <p class="search-field"><button type="submit">Search</button></p>
        </form>
        <p class="search-needs-js">Search needs JavaScript, which is off or has not loaded. You can browse <a href="{{site.questions_url}}">all questions</a> or the <a href="{{site.categories_url}}">categories</a>.</p>
        <p class="search-status" role="status"></p>
        <ol class="search-results"></ol>
        </div>
        <script src="{{search_script_url}}" defer></script>
        {{/search_available}}
        {{^search_available}}
        <p class="empty">Search is not available on this copy of the site. Browse <a href="{{site.questions_url}}">all questions</a> or the <a href="{{site.categories_url}}">categories</a>.</p>
        {{/search_available}}
        {{/content}}
        {{/base}}

        """#,

        "404": #"""
        {{<base}}
        {{$content}}
        <h1>Page not found</h1>
        <p>There is no page at this address. It may have moved, or the link may be mistyped.</p>
        <ul>
        <li><a href="{{site.home_url}}">Go to the home page</a></li>
        <li><a href="{{search_url}}">Search the questions</a></li>
        <li><a href="{{site.questions_url}}">Browse all questions</a></li>
        </ul>
        {{/content}}
        {{/base}}

        """#,

        "alias": #"""
        <!DOCTYPE html>
        <html lang="{{site.language}}">
        <head>
        <meta charset="utf-8">
        <title>{{page_title}} · {{site.title}}</title>
        <link rel="canonical" href="{{target_url}}">
        <meta name="robots" content="noindex">
        <meta http-equiv="refresh" content="0; url={{target_url}}">
        </head>
        <body>
        <p>This page has moved to <a href="{{target_url}}">{{page_title}}</a>.</p>
        </body>
        </html>

        """#,
    ]
}
