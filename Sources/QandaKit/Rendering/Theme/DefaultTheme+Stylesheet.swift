extension DefaultTheme {
    /// Readable on a phone first; light and dark follow the reader's system setting.
    static let stylesheet = #"""
    :root {
      color-scheme: light dark;
      --text: #1d2330; --muted: #556070; --bg: #fdfcfa; --panel: #f3f1ec; --line: #ddd8cf;
      --accent: #1f5f8b; --accent-text: #ffffff; --good: #2d6a3e;
      --measure: 42rem;
    }
    @media (prefers-color-scheme: dark) {
      :root { --text: #e6e8ec; --muted: #a9b1bd; --bg: #14171c; --panel: #1d2128; --line: #323844;
              --accent: #8cc4ee; --accent-text: #10141a; --good: #8fd19e; }
    }
    *, *::before, *::after { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; }
    body { margin: 0; background: var(--bg); color: var(--text);
           font: 1.0625rem/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
    a { color: var(--accent); text-underline-offset: 0.15em; }
    a:hover { text-decoration-thickness: 2px; }
    :focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
    img, svg, video { max-width: 100%; height: auto; }
    .skip-link { position: absolute; left: -999px; top: 0; padding: .5rem 1rem; background: var(--accent); color: var(--accent-text); }
    .skip-link:focus { left: 0; z-index: 10; }
    .site-header, main, .site-footer { max-width: 60rem; margin: 0 auto; padding: 0 1rem; }
    .site-header { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: .5rem 1.5rem;
                   padding-top: 1rem; padding-bottom: .75rem; border-bottom: 1px solid var(--line); }
    .site-title { font-weight: 700; font-size: 1.25rem; color: var(--text); text-decoration: none; }
    .site-header ul { display: flex; flex-wrap: wrap; gap: .25rem 1rem; list-style: none; margin: 0; padding: 0; }
    main { padding-top: 1.5rem; padding-bottom: 3rem; }
    h1 { font-size: clamp(1.6rem, 4vw, 2.2rem); line-height: 1.2; margin: .25rem 0 .75rem; overflow-wrap: anywhere; }
    h2 { font-size: 1.35rem; line-height: 1.3; margin: 2rem 0 .75rem; }
    h3 { font-size: 1.1rem; margin: 0 0 .25rem; }
    .body, .bio, .lede, .question-header, .list-header { max-width: var(--measure); }
    .body { overflow-wrap: break-word; }
    .body pre { overflow-x: auto; padding: .75rem; background: var(--panel); border-radius: 6px; }
    .body code { font-size: .92em; }
    .body blockquote { margin: 1rem 0; padding: .25rem 1rem; border-left: 4px solid var(--line); color: var(--muted); }
    .body table { border-collapse: collapse; display: block; overflow-x: auto; max-width: 100%; }
    .body th, .body td { border: 1px solid var(--line); padding: .35rem .6rem; text-align: left; vertical-align: top; }
    .body ul.contains-task-list { list-style: none; padding-left: 1.25rem; }
    .footnotes { font-size: .92rem; color: var(--muted); border-top: 1px solid var(--line); margin-top: 1.5rem; }
    .eyebrow { margin: 0; text-transform: uppercase; letter-spacing: .06em; font-size: .8rem; font-weight: 600; }
    .eyebrow a { text-decoration: none; }
    .dates, .review, .meta, .count, .role, .asked-by, .credentials { color: var(--muted); font-size: .95rem; margin: .2rem 0; }
    /* The question is the prompt; the answers are what readers came for, so the question reads quieter. */
    .question { padding: .25rem 0 .25rem 1rem; margin: 1rem 0; border-left: 4px solid var(--line); font-size: .97rem; }
    .question .body p { margin: .5rem 0; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    .tag { margin-right: .4rem; }
    .answer { margin: 1.25rem 0; padding: 1rem 1.25rem; background: var(--panel); border: 1px solid var(--line); border-radius: 10px; }
    .answer.is-accepted { border-left: 5px solid var(--good); }
    .accepted-mark, .accepted-badge { color: var(--good); font-weight: 600; }
    .byline { display: flex; gap: .75rem; align-items: flex-start; }
    .byline p { margin: 0; }
    .byline .author { font-weight: 600; }
    .photo { border-radius: 50%; flex: none; object-fit: cover; width: 64px; height: 64px; }
    .byline .photo { width: 40px; height: 40px; }
    .author-summary .photo { width: 56px; height: 56px; }
    .author-header .photo { width: 96px; height: 96px; }
    .author-box { display: flex; gap: 1rem; padding: 1rem 0; border-top: 1px solid var(--line); }
    .author-box .bio p { margin: .4rem 0; }
    .question-list { list-style: none; padding: 0; margin: 0; }
    .question-item { padding: .9rem 0; border-bottom: 1px solid var(--line); }
    .question-link { font-weight: 600; font-size: 1.08rem; }
    .summary { margin: .3rem 0; }
    .home-columns { display: grid; gap: 2rem; }
    @media (min-width: 48rem) { .home-columns { grid-template-columns: 2fr 1fr; } }
    .term-list { list-style: none; padding: 0; margin: 0; }
    .term-list li { padding: .35rem 0; border-bottom: 1px solid var(--line); }
    .author-list { list-style: none; padding: 0; display: grid; gap: 1rem; }
    @media (min-width: 40rem) { .author-list { grid-template-columns: 1fr 1fr; } }
    .author-summary { display: flex; gap: .75rem; padding: 1rem; background: var(--panel); border-radius: 10px; }
    .author-summary h2 { font-size: 1.1rem; margin: 0; }
    .author-header { display: flex; gap: 1.25rem; align-items: center; flex-wrap: wrap; }
    .author-header h1 { margin-bottom: .25rem; }
    .pager { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1rem; margin: 1.5rem 0; }
    .pager ul { display: flex; flex-wrap: wrap; gap: .25rem; list-style: none; margin: 0; padding: 0; }
    .pager li a, .pager li span { display: inline-block; min-width: 2.5rem; padding: .4rem .6rem; text-align: center;
                                  border: 1px solid var(--line); border-radius: 6px; }
    .pager [aria-current] { background: var(--accent); color: var(--accent-text); border-color: var(--accent); }
    .cite { margin: 2rem 0; padding: 1rem 1.25rem; border: 1px solid var(--line); border-radius: 10px; }
    .cite h2 { margin-top: 0; }
    .reference { max-width: var(--measure); padding-left: 1.5em; text-indent: -1.5em; overflow-wrap: break-word; }
    .reference a { word-break: break-all; }
    .cite-actions { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; }
    .copy-reference { font: inherit; font-size: .95rem; padding: .3rem .75rem; border: 1px solid var(--line); border-radius: 6px;
                      background: transparent; color: var(--accent); cursor: pointer; }
    .copy-reference:hover { border-color: var(--accent); }
    .cite-note { color: var(--muted); font-size: .95rem; }
    .cite-answer { margin-top: .75rem; font-size: .95rem; }
    .cite-answer summary { cursor: pointer; color: var(--accent); }
    .breadcrumbs ol { display: flex; flex-wrap: wrap; gap: .25rem; list-style: none; margin: 0 0 .75rem; padding: 0;
                      font-size: .9rem; color: var(--muted); }
    .breadcrumbs li + li::before { content: "»"; margin-right: .25rem; }
    .breadcrumbs .current { min-width: 0; max-width: 100%; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    @media (max-width: 40rem) { .breadcrumbs .current { display: none; } }
    .neighbours { display: grid; gap: .75rem; margin: 2rem 0; }
    @media (min-width: 40rem) { .neighbours { grid-template-columns: 1fr 1fr; } }
    .neighbours a { display: block; padding: .75rem 1rem; border: 1px solid var(--line); border-radius: 8px; text-decoration: none; }
    .neighbours span { display: block; font-size: .85rem; color: var(--muted); }
    .related-list { padding-left: 1.2rem; }
    .related-list li { margin: .4rem 0; }
    input, select, button { font: inherit; color: inherit; }
    input[type=search], select { min-width: 0; max-width: 100%; padding: .4rem .6rem; background: var(--bg);
                                 border: 1px solid var(--muted); border-radius: 6px; }
    .site-search button, .search-form button { padding: .4rem .9rem; border: 1px solid var(--accent); border-radius: 6px;
                                               background: var(--accent); color: var(--accent-text); cursor: pointer; }
    .site-search { display: flex; gap: .4rem; flex: 1 1 14rem; max-width: 22rem; }
    .site-search input { flex: 1 1 auto; width: 0; }
    .search { max-width: var(--measure); }
    .search-form { display: flex; flex-wrap: wrap; align-items: flex-end; gap: .5rem 1rem; }
    .search-field { margin: 0; display: flex; flex-direction: column; gap: .25rem; }
    .search-field:first-child { flex: 1 1 16rem; }
    .search-field label { font-weight: 600; }
    .search-status { color: var(--muted); min-height: 1.6em; }
    .search-results { list-style: none; padding: 0; margin: 0; }
    .search-result { padding: .9rem 0; border-bottom: 1px solid var(--line); overflow-wrap: anywhere; }
    .search-result h2 { font-size: 1.1rem; margin: 0 0 .2rem; }
    .snippet { margin: .3rem 0; }
    .snippet-source { color: var(--muted); }
    mark { background: #fde68a; color: #1d2330; border-radius: 2px; padding: 0 .1em; }
    @media (prefers-color-scheme: dark) { mark { background: #7a5c00; color: #ffffff; } }
    .site-footer { padding-top: 1rem; padding-bottom: 2rem; border-top: 1px solid var(--line); color: var(--muted); font-size: .95rem; }

    """#
}
