/// How far a build has come, for a progress line.
public struct BuildProgress: Sendable {
    public enum Phase: String, Sendable {
        case loading = "Loading", rendering = "Rendering"
        public var unit: String { self == .loading ? "threads" : "pages" }
    }
    public var phase: Phase
    public var done: Int
    public var total: Int
}
