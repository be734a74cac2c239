/// An author's summary (bio box, list entry); made once per author (a class, so that the many pages showing the
/// same authors share it).
final class AuthorBox: TemplateObject {
    let id: String
    let name: String
    let nameWithCredentials: String
    let credentials: String?
    let role: String?
    let affiliation: String?
    let bioHTML: String
    let url: String
    let websiteURL: String?
    let orcid: String?
    let orcidURL: String?
    let photoURL: String?
    let isOrganization: Bool
    let isReviewer: Bool
    let answerCount: Int
    let reviewCount: Int
    private let answerCountText: String
    private let reviewCountText: String
    /// "About Ada Quill": the box's label for screen readers.
    private let aboutLabel: String
    /// "Photo of Ada Quill".
    private let photoAlt: String

    init(_ author: Author, site: Site, routes: Routes, localization: Localization) {
        (id, name, nameWithCredentials) = (author.id, author.name, author.nameWithCredentials)
        (credentials, role, affiliation) = (author.credentials, author.role, author.affiliation)
        bioHTML = author.bioHTML
        url = routes.link(Routes.author(author.id))
        (websiteURL, orcid) = (author.url, author.orcid)
        photoURL = author.photo.map { routes.link(Routes.authorPhoto(author.id, file: $0)) }
        (isOrganization, isReviewer) = (author.kind == .organization, author.mayReview)
        answerCount = site.answersByAuthor[author.id]?.count ?? 0
        reviewCount = site.reviewsByAuthor[author.id]?.count ?? 0
        orcidURL = author.orcid.map { "https://orcid.org/" + $0.replacingOccurrences(of: "https://orcid.org/", with: "") }
        answerCountText = localization.plural(.answerCount, answerCount)
        reviewCountText = localization.plural(.reviewCount, reviewCount)
        aboutLabel = localization.text(.authorBoxLabel, ["name": author.name])
        photoAlt = localization.text(.photoAlt, ["name": author.name])
    }

    enum Name: String, CaseIterable {
        case id, name, name_with_credentials, credentials, role, affiliation, bio_html, url, website_url, orcid,
             orcid_url, photo_url, is_organization, is_reviewer, answer_count, answer_count_text, review_count,
             review_count_text, about_label, photo_alt
    }

    func value(of name: Name) -> Any {
        switch name {
        case .id: id
        case .name: self.name
        case .name_with_credentials: nameWithCredentials
        case .credentials: credentials.orAbsent
        case .role: role.orAbsent
        case .affiliation: affiliation.orAbsent
        case .bio_html: bioHTML
        case .url: url
        case .website_url: websiteURL.orAbsent
        case .orcid: orcid.orAbsent
        case .orcid_url: orcidURL.orAbsent
        case .photo_url: photoURL.orAbsent
        case .is_organization: isOrganization
        case .is_reviewer: isReviewer
        case .answer_count: answerCount
        case .answer_count_text: answerCountText
        case .review_count: reviewCount
        case .review_count_text: reviewCountText
        case .about_label: aboutLabel
        case .photo_alt: photoAlt
        }
    }
}
