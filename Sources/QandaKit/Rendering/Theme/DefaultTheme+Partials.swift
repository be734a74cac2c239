extension DefaultTheme {
    static let partials: [String: String] = [
        "header": #"""
        <header class="site-header">
        <a class="site-title" href="{{site.home_url}}">{{site.title}}</a>
        <nav aria-label="Site">
        <ul>
        <li><a href="{{site.questions_url}}">Questions</a></li>
        <li><a href="{{site.categories_url}}">Categories</a></li>
        <li><a href="{{site.authors_url}}">Authors</a></li>
        <li><a href="{{site.search_url}}">Search</a></li>
        {{#site.pages}}<li><a href="{{url}}">{{title}}</a></li>
        {{/site.pages}}
        </ul>
        </nav>
        <form class="site-search" action="{{site.search_url}}" method="get" role="search" aria-label="Site">
        <label class="visually-hidden" for="site-search-query">Search the questions</label>
        <input id="site-search-query" type="search" name="q" placeholder="Search">
        <button type="submit">Search</button>
        </form>
        </header>

        """#,

        "footer": #"""
        <footer class="site-footer">
        <p>© {{site.publisher}} · <a href="{{site.tags_url}}">Tags</a></p>
        </footer>

        """#,

        "question-item": #"""
        <li class="question-item">
        <a class="question-link" href="{{url}}">{{title}}</a>
        <p class="summary">{{summary}}</p>
        <p class="meta"><time datetime="{{date_iso}}">{{date_text}}</time> · <a href="{{category_url}}">{{category_name}}</a> · {{answer_count_text}}{{#has_accepted}} · <span class="accepted-badge">Answered</span>{{/has_accepted}}</p>
        </li>

        """#,

        "answer": #"""
        <article id="{{id}}" class="answer{{#accepted}} is-accepted{{/accepted}}">
        <h3 class="visually-hidden" id="{{id}}-heading">Answer by {{author_name}}</h3>
        <header class="byline">
        {{#author_photo_url}}<img class="photo" src="{{author_photo_url}}" alt="" width="40" height="40">{{/author_photo_url}}
        <div>
        <p class="author"><a href="{{author_url}}">{{author_name}}</a>{{#author_credentials}}, <span class="credentials">{{author_credentials}}</span>{{/author_credentials}}</p>
        {{#author_role}}<p class="role">{{author_role}}</p>{{/author_role}}
        <p class="meta">
        {{#is_updated}}Updated <time datetime="{{updated_iso}}">{{updated_text}}</time> (answered <time datetime="{{date_iso}}">{{date_text}}</time>){{/is_updated}}{{^is_updated}}Answered <time datetime="{{date_iso}}">{{date_text}}</time>{{/is_updated}}
        {{#votes}} · <span class="votes">{{votes}} votes</span>{{/votes}}
        {{#accepted}} · <span class="accepted-mark">✓&nbsp;Accepted answer</span>{{/accepted}}
        · <a class="permalink" href="{{url}}" aria-label="Link to this answer by {{author_name}}">Link</a>
        </p>
        </div>
        </header>
        <div class="body">
        {{{body_html}}}
        </div>
        {{#citation_html}}
        <details class="cite-answer">
        <summary>Cite this answer</summary>
        <p class="reference" id="{{id}}-reference">{{{citation_html}}}</p>
        <button type="button" class="copy-reference" data-copy="{{id}}-reference" hidden>Copy reference</button>
        </details>
        {{/citation_html}}
        </article>

        """#,

        "copy-script": #"""
        <script>
        // Copy buttons stay hidden without script; the references are plain selectable text either way.
        document.querySelectorAll("button.copy-reference").forEach(function (button) {
          var source = document.getElementById(button.dataset.copy);
          if (!source || !navigator.clipboard) return;
          button.hidden = false;
          button.addEventListener("click", function () {
            var done = function () { button.textContent = "Copied"; };
            if (window.ClipboardItem) {
              navigator.clipboard.write([new ClipboardItem({
                "text/html": new Blob([source.innerHTML], { type: "text/html" }),
                "text/plain": new Blob([source.innerText], { type: "text/plain" })
              })]).then(done, function () { navigator.clipboard.writeText(source.innerText).then(done); });
            } else {
              navigator.clipboard.writeText(source.innerText).then(done);
            }
          });
        });
        </script>

        """#,

        "author-box": #"""
        <aside class="author-box" aria-label="About {{name}}">
        {{#photo_url}}<img class="photo" src="{{photo_url}}" alt="" width="64" height="64">{{/photo_url}}
        <div>
        <h3><a href="{{url}}">{{name_with_credentials}}</a></h3>
        {{#role}}<p class="role">{{role}}{{#affiliation}}, {{affiliation}}{{/affiliation}}</p>{{/role}}
        <div class="bio">{{{bio_html}}}</div>
        </div>
        </aside>

        """#,

        "pager": #"""
        {{#pager}}
        <nav class="pager" aria-label="Pages">
        {{#previous_url}}<a rel="prev" href="{{previous_url}}">{{previous_label}}</a>{{/previous_url}}
        <ul>
        {{#pages}}<li>{{#is_gap}}<span class="gap">…</span>{{/is_gap}}{{^is_gap}}{{#is_current}}<span aria-current="page">{{number}}</span>{{/is_current}}{{^is_current}}<a href="{{url}}">{{number}}</a>{{/is_current}}{{/is_gap}}</li>{{/pages}}
        </ul>
        {{#next_url}}<a rel="next" href="{{next_url}}">{{next_label}}</a>{{/next_url}}
        </nav>
        {{/pager}}

        """#,
    ]
}
