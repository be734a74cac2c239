/// A question page: the question, its answers (one page's share), the review, citation, author boxes and the
/// questions around it.
package struct QuestionContext: PageContext {
    package static let layout = "question"
    package var common: PageCommon
    var question: QuestionEntry
    var review: ReviewLine?
    var answers: [AnswerEntry]
    var answerCount: Int
    var authorBoxes: [AuthorBox]
    var citation: CitationLinks
    var citesAnswers: Bool
    var metaTags: [MetaTag]
    var metaTagsHTML: String
    var structuredDataHTML: String
    var breadcrumbs: [NamedLink]
    var related: [QuestionItem]
    var newer: QuestionItem?
    var older: QuestionItem?
    var pager: Pager?
    /// Texts made in the site's language: "4 answers"; the note under the reference when answers have their own;
    /// "More in Sleep", "Newer in Sleep", "Older in Sleep" around the neighbours.
    var answerCountText: String
    var citeNoteText: String
    var neighboursLabel: String
    var newerLabel: String
    var olderLabel: String

    package enum Name: String, CaseIterable {
        case question, review, answers, has_answers, answer_count, answer_count_text, author_boxes, has_author_boxes,
             citation, cites_answers, cite_note_text, meta_tags, meta_tags_html, structured_data_html, breadcrumbs,
             related, has_related, newer, older, has_neighbours, neighbours_label, newer_label, older_label, pager
    }

    package func value(of name: Name) -> Any {
        switch name {
        case .question: question
        case .review: review.orAbsent
        case .answers: answers
        case .has_answers: answerCount > 0
        case .answer_count: answerCount
        case .answer_count_text: answerCountText
        case .author_boxes: authorBoxes
        case .has_author_boxes: !authorBoxes.isEmpty
        case .citation: citation
        case .cites_answers: citesAnswers
        case .cite_note_text: citeNoteText
        case .meta_tags: metaTags
        case .meta_tags_html: metaTagsHTML
        case .structured_data_html: structuredDataHTML
        case .breadcrumbs: breadcrumbs
        case .related: related
        case .has_related: !related.isEmpty
        case .newer: newer.orAbsent
        case .older: older.orAbsent
        case .has_neighbours: newer != nil || older != nil
        case .neighbours_label: neighboursLabel
        case .newer_label: newerLabel
        case .older_label: olderLabel
        case .pager: pager.orAbsent
        }
    }

    package static var parts: [any TemplateObject.Type] {
        [QuestionEntry.self, ReviewLine.self, AnswerEntry.self, WithdrawnLine.self, SourceLine.self, AuthorBox.self,
         CitationLinks.self, MetaTag.self, NamedLink.self, QuestionItem.self, Pager.self]
    }

    /// The question itself.
    struct QuestionEntry: TemplateObject {
        var title: String
        var url: String
        var bodyHTML: String
        var summary: String
        var askedBy: String?
        /// `asked_by`, or "Anonymous": what "Asked by … on …" prints.
        var askerName: String
        /// The votes given; on a forum thread 0 when none are, as a forum shows them.
        var votes: Int?
        var category: NamedLink
        var tags: [NamedLink]
        var date: ContentDate
        var updated: ContentDate?
        var editor: NamedLink?
        var dateText: String
        var updatedText: String?
        var votesText: String?
        /// "Published <time>…</time>", or "Last updated <time>…</time> (Originally <time>…</time>)".
        var datesHTML: String
        /// "Asked by … on <time>…</time> with 4 answers".
        var askedByHTML: String
        /// "edited by <a …>…</a>".
        var editedByHTML: String?
        /// Where it was first published and its licence (`source:`).
        var source: SourceLine? = nil

        enum Name: String, CaseIterable {
            case title, url, body_html, summary, asked_by, asker_name, votes, votes_text, category, tags, is_updated,
                 date_iso, date_text, updated_iso, updated_text, edited_by_name, edited_by_url, dates_html,
                 asked_by_html, edited_by_html, source
        }

        func value(of name: Name) -> Any {
            switch name {
            case .title: title
            case .url: url
            case .body_html: bodyHTML
            case .summary: summary
            case .asked_by: askedBy.orAbsent
            case .asker_name: askerName
            case .votes: votes.orAbsent
            case .votes_text: votesText.orAbsent
            case .category: category
            case .tags: tags
            case .is_updated: updated != nil
            case .date_iso: date.text
            case .date_text: dateText
            case .updated_iso: (updated?.text).orAbsent
            case .updated_text: updatedText.orAbsent
            case .edited_by_name: (editor?.name).orAbsent
            case .edited_by_url: (editor?.url).orAbsent
            case .dates_html: datesHTML
            case .asked_by_html: askedByHTML
            case .edited_by_html: editedByHTML.orAbsent
            case .source: source.orAbsent
            }
        }

        static var parts: [any TemplateObject.Type] { [NamedLink.self, SourceLine.self] }
    }

    /// Who reviewed the question, and when.
    struct ReviewLine: TemplateObject {
        var reviewerName: String
        var reviewerNameWithCredentials: String
        var reviewerURL: String
        var date: ContentDate
        /// The mark beside the title: "Scientifically reviewed" on a health site (`medical: true`), else "Reviewed".
        var mark: String
        var dateText: String
        /// "Last reviewed by <a …>…</a> on <time>…</time>".
        var lineHTML: String

        enum Name: String, CaseIterable {
            case reviewer_name, reviewer_name_with_credentials, reviewer_url, date_iso, date_text, mark, line_html
        }

        func value(of name: Name) -> Any {
            switch name {
            case .reviewer_name: reviewerName
            case .reviewer_name_with_credentials: reviewerNameWithCredentials
            case .reviewer_url: reviewerURL
            case .date_iso: date.text
            case .date_text: dateText
            case .mark: mark
            case .line_html: lineHTML
            }
        }
    }

    /// An answer with its author's byline and, when the thread has several answers, its own reference. A
    /// withdrawn answer keeps its place and its `id` (links to it still land there) with `withdrawn` set, and
    /// nothing else of it: no text, no author, no votes.
    struct AnswerEntry: TemplateObject {
        var id: String
        var url: String
        var bodyHTML: String
        var accepted: Bool
        var votes: Int?
        var date: ContentDate
        var updated: ContentDate?
        var authorName: String
        var authorNameWithCredentials: String
        var authorCredentials: String?
        var authorRole: String?
        var authorURL: String
        var authorPhotoURL: String?
        var citationHTML: String?
        var citationText: String?
        /// The author's points, on a forum thread of a site that counts them.
        var authorPoints: Int?
        var editor: NamedLink?
        var withdrawn: WithdrawnLine?
        var dateText: String
        var updatedText: String?
        var votesText: String?
        var authorPointsText: String?
        /// "Answered <time>…</time>", or "Updated <time>…</time> (answered <time>…</time>)".
        var datesHTML: String
        var editedByHTML: String?
        /// "Answer by Ada Quill" (the answer's hidden heading), "Link to this answer by Ada Quill".
        var headingText: String
        var linkLabel: String
        /// Where it was first published and its licence (`source:`).
        var source: SourceLine? = nil

        enum Name: String, CaseIterable {
            case id, url, body_html, accepted, votes, votes_text, is_updated, date_iso, date_text, updated_iso,
                 updated_text, author_name, author_name_with_credentials, author_credentials, author_role, author_url,
                 author_photo_url, author_points, author_points_text, citation_html, citation_text, edited_by_name,
                 edited_by_url, dates_html, edited_by_html, heading_text, link_label, withdrawn, source
        }

        func value(of name: Name) -> Any {
            switch name {
            case .id: id
            case .url: url
            case .body_html: bodyHTML
            case .accepted: accepted
            case .votes: votes.orAbsent
            case .votes_text: votesText.orAbsent
            case .is_updated: updated != nil
            case .date_iso: date.text
            case .date_text: dateText
            case .updated_iso: (updated?.text).orAbsent
            case .updated_text: updatedText.orAbsent
            case .author_name: authorName
            case .author_name_with_credentials: authorNameWithCredentials
            case .author_credentials: authorCredentials.orAbsent
            case .author_role: authorRole.orAbsent
            case .author_url: authorURL
            case .author_photo_url: authorPhotoURL.orAbsent
            case .citation_html: citationHTML.orAbsent
            case .citation_text: citationText.orAbsent
            case .author_points: authorPoints.orAbsent
            case .author_points_text: authorPointsText.orAbsent
            case .edited_by_name: (editor?.name).orAbsent
            case .edited_by_url: (editor?.url).orAbsent
            case .dates_html: datesHTML
            case .edited_by_html: editedByHTML.orAbsent
            case .heading_text: headingText
            case .link_label: linkLabel
            case .withdrawn: withdrawn.orAbsent
            case .source: source.orAbsent
            }
        }

        /// The notice in a withdrawn answer's place.
        static func withdrawn(_ answer: Answer, url: String, localization l10n: Localization) -> AnswerEntry {
            AnswerEntry(id: Routes.answerFragment(answer.id), url: url, bodyHTML: "", accepted: false, votes: nil, date: answer.date,
                        updated: nil, authorName: "", authorNameWithCredentials: "", authorCredentials: nil, authorRole: nil,
                        authorURL: "", authorPhotoURL: nil, citationHTML: nil, citationText: nil, authorPoints: nil, editor: nil,
                        withdrawn: answer.withdrawal.map { WithdrawnLine(withdrawal: $0, localization: l10n) },
                        dateText: l10n.date(answer.date), updatedText: nil, votesText: nil, authorPointsText: nil, datesHTML: "",
                        editedByHTML: nil, headingText: l10n.text(.answerWithdrawnHeading), linkLabel: "")
        }
    }

    /// Where a question or an answer was first published and under which licence (`source:`): "Originally posted
    /// at <a …>stackoverflow.com</a> · Licensed under <a …>CC BY-SA 4.0</a>".
    struct SourceLine: TemplateObject {
        var attribution: Attribution
        var lineHTML: String

        init(_ attribution: Attribution, localization l10n: Localization) {
            self.attribution = attribution
            func link(_ url: String, _ text: String) -> String { "<a href=\"\(HTML.escape(url))\">\(HTML.escape(text))</a>" }
            var parts = [l10n.html(.sourcePostedAt, ["site": link(attribution.url, attribution.host)])]
            if let license = attribution.license {
                parts.append(l10n.html(.sourceLicense, ["license": attribution.licenseURL.map { link($0, license) } ?? HTML.escape(license)]))
            }
            lineHTML = parts.joined(separator: " · ")
        }

        enum Name: String, CaseIterable { case url, host, license, license_url, line_html }

        func value(of name: Name) -> Any {
            switch name {
            case .url: attribution.url
            case .host: attribution.host
            case .license: attribution.license.orAbsent
            case .license_url: attribution.licenseURL.orAbsent
            case .line_html: lineHTML
            }
        }
    }

    /// When and why an answer was withdrawn.
    struct WithdrawnLine: TemplateObject {
        var withdrawal: Withdrawal
        var dateText: String
        /// "This answer was withdrawn on <time>…</time>. <reason>"
        var noticeHTML: String

        init(withdrawal: Withdrawal, localization l10n: Localization) {
            self.withdrawal = withdrawal
            dateText = l10n.date(withdrawal.date)
            noticeHTML = l10n.html(.answerWithdrawnOn, ["date": l10n.timeHTML(withdrawal.date), "reason": HTML.escape(withdrawal.reason)])
        }

        enum Name: String, CaseIterable { case date_iso, date_text, reason, notice_html }

        func value(of name: Name) -> Any {
            switch name {
            case .date_iso: withdrawal.date.text
            case .date_text: dateText
            case .reason: withdrawal.reason
            case .notice_html: noticeHTML
            }
        }
    }

    /// The page's reference, ready to copy, and its downloads.
    struct CitationLinks: TemplateObject {
        var apaText: String
        var apaHTML: String
        var bibtexURL: String
        var risURL: String
        var csljsonURL: String

        enum Name: String, CaseIterable { case apa_text, apa_html, bibtex_url, ris_url, csljson_url }

        func value(of name: Name) -> Any {
            switch name {
            case .apa_text: apaText
            case .apa_html: apaHTML
            case .bibtex_url: bibtexURL
            case .ris_url: risURL
            case .csljson_url: csljsonURL
            }
        }
    }
}
