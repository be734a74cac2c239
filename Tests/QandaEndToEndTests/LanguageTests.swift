import Foundation
import Testing
@testable import QandaKit

/// A site in one language other than English, end to end: every word the theme writes is the language's, dates
/// and counts too; right-to-left languages mirror; a site's i18n/<language>.yml overrides strings.
@Suite struct LanguageTests {
    /// A small site written in Spanish that shows every part of the theme: a forum thread with several answers on
    /// several pages (votes, points, an accepted answer, edits, a review, an update, an alias), an expert thread
    /// with an anonymous asker, a thread with no answers, paged lists, authors with photos and ORCID, a free page
    /// that was updated, the ask link with the translated default label.
    enum SpanishSite {
        static let files: [String: String] = [
            "qanda.yml": """
                title: Respuestas Serenas
                base_url: https://respuestas.example.org/
                publisher: Fundación Serena
                language: es
                description: Preguntas sobre el sueño y la ansiedad, respondidas por especialistas.
                medical: true
                page_size: 1
                answers_per_page: 1
                ask: mailto:preguntas@respuestas.example.org
                """,
            "Content/authors/ana-lopez.md": """
                ---
                name: Ana López Ruiz
                given: Ana
                family: López Ruiz
                reviewer: true
                credentials: Dra.
                role: Psicóloga clínica
                affiliation: Fundación Serena
                orcid: 0000-0002-1825-0097
                url: https://ana.example.org/
                photo: ana.jpg
                ---
                Ana escribe sobre el sueño y la ansiedad.
                """,
            "Content/authors/ana.jpg": "foto",
            "Content/authors/luis-gomez.md": "---\nname: Luis Gómez\ngiven: Luis\nfamily: Gómez\n---\nLuis participa en el foro.",
            "Content/authors/comite.md": "---\nname: Comité Científico\nkind: organization\n---\nEl comité revisa cada página.",
            "Content/pages/acerca.md": "---\ntitle: Acerca de\ndate: 2024-01-05\nupdated: 2024-03-01\n---\nQuiénes somos.",
            "Content/questions/dormir-mejor/question.md": """
                ---
                title: ¿Cómo puedo dormir mejor?
                date: 2025-01-10
                updated: 2025-02-01
                reviewed:
                  by: comite
                  date: 2025-03-01
                asked_by: noctámbula
                category: Sueño
                tags: [insomnio, hábitos]
                votes: 4
                genre: forum-post
                edited_by: ana-lopez
                aliases: [/antiguo/dormir/]
                ---
                Me despierto a las cuatro cada noche.
                """,
            "Content/questions/dormir-mejor/ana-lopez.md": """
                ---
                author: ana-lopez
                date: 2025-01-11
                updated: 2025-01-20
                votes: 700
                accepted: true
                edited_by: luis-gomez
                ---
                Mantenga el mismo horario todos los días.
                """,
            "Content/questions/dormir-mejor/luis-gomez.md": "---\nauthor: luis-gomez\ndate: 2025-01-12\nvotes: 1\n---\nA mí me ayudó leer.",
            "Content/questions/angustia-nocturna/question.md": """
                ---
                title: ¿Por qué me angustio de noche?
                date: 2024-11-20
                reviewed: {by: ana-lopez, date: 2025-01-05}
                category: Ansiedad
                tags: [insomnio]
                ---
                Por la noche todo parece peor.
                """,
            "Content/questions/angustia-nocturna/ana-lopez.md": "---\nauthor: ana-lopez\ndate: 2024-11-21\n---\nEs frecuente; hable con su médico.",
            "Content/questions/sin-respuestas/question.md": """
                ---
                title: ¿Sirven las siestas?
                date: 2024-10-01
                reviewed: {by: comite, date: 2025-01-05}
                category: Sueño
                ---
                Duermo la siesta después de comer.
                """,
        ]

        static func write(into folder: TemporaryFolder, language: String = "es") -> String {
            for (path, text) in files {
                folder.write(path == "qanda.yml" ? text.replacingOccurrences(of: "language: es", with: "language: \(language)") + "\n" : text + "\n",
                             to: "site/" + path)
            }
            return folder.path + "/site"
        }
    }

    /// Builds with the search index, so that the search page's script strings are there too.
    static func build(_ site: String) async throws -> MemorySink {
        let sink = MemorySink()
        let result = await SitePipeline(siteFolder: site, options: SiteLoader.Options(now: Fixtures.now), searchAvailable: true).build(into: sink)
        #expect(result.succeeded, "\(result.diagnostics)")
        #expect(result.diagnostics.filter { $0.code == .missingTranslation }.isEmpty)
        return sink
    }

    /// What a reader sees and hears of a page: its title, the text of its body, and the labels screen readers
    /// read (aria-label, alt, placeholder, title), without scripts, styles and APA references (which keep APA's
    /// English on purpose: README, "Languages").
    static func readerText(_ html: String) -> String {
        var text = html
        for pattern in [#"(?s)<script\b.*?</script>"#, #"(?s)<style\b.*?</style>"#, #"(?s)<p class="reference"[^>]*>.*?</p>"#] {
            text = text.replacingOccurrences(of: pattern, with: " ", options: [.regularExpression, .caseInsensitive])
        }
        let title = html.range(of: #"<title>.*?</title>"#, options: .regularExpression).map { String(html[$0]) } ?? ""
        let body = text.range(of: "<body").map { String(text[$0.lowerBound...]) } ?? text
        var labels: [String] = []
        let attributes = try! NSRegularExpression(pattern: #"(?:aria-label|alt|placeholder|title)="([^"]*)""#)
        for match in attributes.matches(in: body, range: NSRange(body.startIndex..., in: body)) {
            labels.append(String(body[Range(match.range(at: 1), in: body)!]))
        }
        let visible = (title + " " + body).replacingOccurrences(of: #"<[^>]+>"#, with: " ", options: .regularExpression)
        return (visible + " " + labels.joined(separator: " ")).replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Words the built-in theme writes in English: none may be on a page of a Spanish site.
    static let englishWords = [
        "Latest questions", "Questions", "Question", "questions", "question", "Answers", "Answer", "answers", "answer",
        "Answered", "Published", "Last updated", "Last reviewed", "Updated", "Originally", "Reviewed", "reviewed",
        "Scientifically", "Cite this page", "Cite this answer", "Copy reference", "Copied", "Download", "Search",
        "search", "Categories", "Category", "Tags", "Tag", "Authors", "authors", "Skip to content", "Home", "Asked by",
        "Anonymous", "edited by", "votes", "vote", "points", "point", "Accepted", "About", "Related", "Older", "Newer",
        "More", "Previous", "page", "Page", "Pages", "of", "not found", "moved", "Link", "Website", "Photo", "All",
        "No answers", "Breadcrumb", "Site", "the", "and", "from", "community", "January", "February", "March",
        "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]

    @Test func aSpanishSiteShowsNoEnglishWord() async throws {
        let folder = TemporaryFolder()
        let sink = try await Self.build(SpanishSite.write(into: folder))
        let pages = sink.files.keys.filter { $0.hasSuffix(".html") }.sorted()
        // Every kind of page: lists and their later pages, a thread's page 2, authors, terms, the free page, search,
        // the 404 page and an alias.
        for path in ["index.html", "questions/index.html", "questions/page/2/index.html", "questions/dormir-mejor/index.html",
                     "questions/dormir-mejor/page/2/index.html", "questions/angustia-nocturna/index.html",
                     "questions/sin-respuestas/index.html", "categories/index.html", "categories/sueno/index.html",
                     "tags/index.html", "tags/insomnio/index.html", "authors/index.html", "authors/ana-lopez/index.html",
                     "pages/acerca/index.html", "search/index.html", "404.html", "antiguo/dormir/index.html"] {
            #expect(pages.contains(path), "no \(path) in \(pages)")
        }
        for path in pages {
            let text = Self.readerText(sink.text(path)!)
            for word in Self.englishWords where text.range(of: "\\b\(word)\\b", options: .regularExpression) != nil {
                Issue.record("\(path) shows the English '\(word)': \(text)")
            }
        }
        // The search script's words, given to it by the page.
        let search = try #require(sink.text("search/index.html"))
        #expect(search.contains("&quot;noResults&quot;:&quot;No hay resultados para «{query}»&quot;"), "\(search)")
        #expect(search.contains("&quot;one&quot;:&quot;{count} respuesta&quot;"))
        // Feeds name the category as Spanish joins it.
        #expect(sink.text("categories/sueno/feed.xml")?.contains("<title type=\"text\">Respuestas Serenas: Sueño</title>") == true)
        #expect(sink.text("feed.xml")?.contains("xml:lang=\"es\"") == true)
    }

    /// Dates, counts and every sentence with a value in it, as a Spanish reader reads them.
    @Test func datesCountsAndSentencesAreSpanish() async throws {
        let folder = TemporaryFolder()
        let sink = try await Self.build(SpanishSite.write(into: folder))
        let thread = try #require(sink.text("questions/dormir-mejor/index.html"))
        #expect(thread.contains(#"<html lang="es">"#))
        #expect(thread.contains(#"<p class="dates">Actualizado el <time datetime="2025-02-01">1 de febrero de 2025</time> (publicado originalmente el <time datetime="2025-01-10">10 de enero de 2025</time>)</p>"#), "\(thread)")
        #expect(thread.contains(#"<p class="review" id="review">Última revisión a cargo de <a href="/authors/comite/">Comité Científico</a>, el <time datetime="2025-03-01">1 de marzo de 2025</time></p>"#))
        #expect(thread.contains(#"<p class="asked-by">Pregunta de noctámbula, publicada el <time datetime="2025-01-10">10 de enero de 2025</time>, con 2 respuestas · editada por <a href="/authors/ana-lopez/">Ana López Ruiz</a></p>"#))
        #expect(thread.contains(#"<span class="votes">4 votos</span>"#))
        #expect(thread.contains(#"<span class="points">(7 mil puntos)</span>"#), "700 votes at 10 points, and 15 for the accepted answer")
        #expect(thread.contains(#"Actualizada el <time datetime="2025-01-20">20 de enero de 2025</time> (respondida el <time datetime="2025-01-11">11 de enero de 2025</time>)"#))
        #expect(thread.contains(#"<span class="accepted-mark">✓&nbsp;Respuesta aceptada</span>"#))
        #expect(thread.contains(#"<a rel="next" href="/questions/dormir-mejor/page/2/">Más respuestas →</a>"#))
        #expect(thread.contains(#"<nav class="breadcrumbs" aria-label="Ruta de navegación">"#))
        #expect(thread.contains(#"<li><a href="/">Inicio</a></li>"#))
        #expect(thread.contains("<title>¿Cómo puedo dormir mejor? · Respuestas Serenas</title>"))
        #expect(thread.contains(#"<a class="ask" href="mailto:preguntas@respuestas.example.org">Hacer una pregunta</a>"#))
        let page2 = try #require(sink.text("questions/dormir-mejor/page/2/index.html"))
        #expect(page2.contains("<title>¿Cómo puedo dormir mejor? (respuestas, página 2 de 2) · Respuestas Serenas</title>"))
        let expert = try #require(sink.text("questions/angustia-nocturna/index.html"))
        #expect(expert.contains(#"<p class="asked-by">Pregunta de Anónimo, publicada el <time datetime="2024-11-20">20 de noviembre de 2024</time>, con 1 respuesta</p>"#))
        #expect(expert.contains(#""author":{"@type":"Person","name":"Anónimo"}"#) || !expert.contains("QAPage"))
        let empty = try #require(sink.text("questions/sin-respuestas/index.html"))
        #expect(empty.contains("<p class=\"empty\">Todavía no hay respuestas.</p>"))
        let home = try #require(sink.text("index.html"))
        #expect(home.contains(#"<a href="/questions/">Ver las 3 preguntas →</a>"#), "\(home)")
        let list = try #require(sink.text("questions/page/2/index.html"))
        #expect(list.contains("<title>Todas las preguntas (página 2 de 3) · Respuestas Serenas</title>"))
        let author = try #require(sink.text("authors/ana-lopez/index.html"))
        #expect(author.contains(#"alt="Foto de Ana López Ruiz""#))
        #expect(author.contains("7015 puntos por sus respuestas en la comunidad"), "\(author)")
        #expect(author.contains(#"<h2 id="written-heading">Respuestas (2)</h2>"#))
        let authors = try #require(sink.text("authors/index.html"))
        #expect(authors.contains("2 respuestas · 1 página revisada"), "\(authors)")
        let about = try #require(sink.text("pages/acerca/index.html"))
        #expect(about.contains(#"<p class="dates">Última actualización: <time datetime="2024-03-01">1 de marzo de 2024</time></p>"#))
        let alias = try #require(sink.text("antiguo/dormir/index.html"))
        #expect(alias.contains(#"<p>Esta página se ha trasladado a <a href="https://respuestas.example.org/questions/dormir-mejor/">¿Cómo puedo dormir mejor?</a>.</p>"#))
    }

    /// Arabic and Hebrew pages are right to left: `dir="rtl"` on every page (the alias's too), and a stylesheet
    /// with logical properties only, so that margins, borders and indents follow the direction.
    @Test(arguments: ["ar", "he"])
    func rightToLeftLanguagesMarkEveryPage(_ language: String) async throws {
        let folder = TemporaryFolder()
        let sink = try await Self.build(SpanishSite.write(into: folder, language: language))
        let pages = sink.files.keys.filter { $0.hasSuffix(".html") }.sorted()
        #expect(pages.count > 15)
        for path in pages {
            #expect(sink.text(path)!.contains("<html lang=\"\(language)\" dir=\"rtl\">"), "\(path)")
        }
        let thread = try #require(sink.text("questions/dormir-mejor/index.html"))
        #expect(thread.contains(language == "ar" ? "الإجابات" : "תשובות"))
    }

    @Test func leftToRightPagesHaveNoDirection() async throws {
        let folder = TemporaryFolder()
        let sink = try await Self.build(SpanishSite.write(into: folder))
        for (path, _) in sink.files where path.hasSuffix(".html") {
            #expect(!sink.text(path)!.contains(" dir="), "\(path)")
        }
    }

    /// No physical side in the stylesheet: left and right would not mirror.
    @Test func theStylesheetUsesLogicalPropertiesOnly() throws {
        let css = try #require(DefaultTheme.staticFiles["qanda.css"])
        for physical in ["left", "right"] {
            #expect(css.range(of: "\\b\(physical)\\b", options: .regularExpression) == nil, "qanda.css names '\(physical)'")
        }
        for logical in ["border-inline-start", "padding-inline-start", "margin-inline-end", "text-align: start", "inset-inline-start"] {
            #expect(css.contains(logical), "\(logical)")
        }
    }

    /// i18n/es.yml replaces strings one by one; the rest stay the built-in Spanish.
    @Test func aSiteTableOverridesTheBuiltInStrings() async throws {
        let folder = TemporaryFolder()
        let site = SpanishSite.write(into: folder)
        folder.write("""
            # Nuestras palabras
            latest_questions: Lo último
            answer_count:
              one: "{count} respuesta"
              many: "{count} de respuestas"
              other: "{count} respuestas recibidas"
            published: "Escrito el {date}"

            """, to: "site/i18n/es.yml")
        let sink = try await Self.build(site)
        let home = try #require(sink.text("index.html"))
        #expect(home.contains(#"<h2 id="latest-heading">Lo último</h2>"#))
        #expect(home.contains("2 respuestas recibidas"))
        #expect(home.contains(#"<h2 id="categories-heading">Categorías</h2>"#))
        let thread = try #require(sink.text("questions/sin-respuestas/index.html"))
        #expect(thread.contains(#"<p class="dates">Escrito el <time datetime="2024-10-01">1 de octubre de 2024</time></p>"#))
    }

    /// `qanda templates eject i18n` writes the table the site's language uses, which the next build reads as the
    /// site's own without a finding.
    @Test func ejectingTheTranslationTableWritesTheLanguagesStrings() async throws {
        for (language, sample) in [("es", "latest_questions: Preguntas recientes"), ("nl", "latest_questions: Latest questions")] {
            let folder = TemporaryFolder()
            let site = SpanishSite.write(into: folder, language: language)
            let outcomes = try TemplateEjector.eject(["i18n"], siteFolder: site)
            #expect(outcomes == [.written("i18n/\(language).yml")])
            let text = try String(contentsOfFile: site + "/i18n/\(language).yml", encoding: .utf8)
            #expect(text.contains(sample))
            let diagnostics = await SitePipeline(siteFolder: site).check(today: ValidSite.today)
            let translation = diagnostics.filter { $0.file.hasPrefix("i18n/") || $0.code == .missingTranslation }
            // The English strings ejected for Dutch are Dutch strings now, as far as Qanda can tell.
            #expect(translation.isEmpty, "\(language): \(translation.map(\.message))")
        }
    }
}
