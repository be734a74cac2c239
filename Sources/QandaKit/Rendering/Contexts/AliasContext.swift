/// The small page left at an old URL (an alias) that sends readers and crawlers to the question.
public struct AliasContext: PageContext {
    public static let layout = "alias"
    public var common: PageCommon
    var targetURL: String

    public enum Name: String, CaseIterable { case target_url }

    public func value(of name: Name) -> Any {
        switch name {
        case .target_url: targetURL
        }
    }
}
