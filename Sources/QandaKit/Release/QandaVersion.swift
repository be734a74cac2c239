import QandaBuildStamp

/// Which Qanda this is: the release version, and the commit and tree state it was built from (stamped at build
/// time by Plugins/BuildStamp).
package enum QandaVersion {
    /// The release, as written into feeds and the site manifest.
    package static let current = "0.2.0"

    /// `qanda --version`: "0.2.0 (commit 1a2b3c4)", "0.2.0 (commit 1a2b3c4 + uncommitted changes)",
    /// or "0.2.0 (commit unknown)" when built from source that was not a git checkout.
    package static var description: String {
        guard let commit = BuildStamp.commit else { return "\(current) (commit unknown)" }
        return "\(current) (commit \(commit)\(BuildStamp.uncommittedChanges ? " + uncommitted changes" : ""))"
    }

    /// What the build cache is keyed on: the version, commit and tree state, and the executable's own build ID,
    /// so a site built by one binary is rendered again in full by any other (rebuilt, upgraded, patched), even
    /// from the same commit.
    static let identity: Fingerprint = {
        var identity = Fingerprint()
        identity.add(description)
        identity.add(ExecutableIdentity.current)
        return identity
    }()
}
