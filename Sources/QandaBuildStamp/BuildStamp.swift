/// The commit this executable was built from, and whether the tree had uncommitted changes then: stamped at
/// build time by the BuildStamp plugin (Plugins/BuildStamp), which writes `Stamped`.
public enum BuildStamp {
    /// The short commit hash; nil when the source was not a git checkout (or git was missing).
    public static let commit: String? = Stamped.commit
    public static let uncommittedChanges: Bool = Stamped.uncommittedChanges
}
