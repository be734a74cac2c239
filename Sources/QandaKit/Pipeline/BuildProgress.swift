/// How far a build has come, for a progress line.
package struct BuildProgress: Sendable {
    package enum Phase: String, Sendable {
        case loading = "Loading", rendering = "Rendering"
        package var unit: String { self == .loading ? "threads" : "pages" }
    }
    package var phase: Phase
    package var done: Int
    package var total: Int
}
