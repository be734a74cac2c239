/// The search page's script (placeholder until the client lands).
public enum SearchScript {
    public static let source = "/* search */\n"
}
