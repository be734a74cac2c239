/// Where released builds of Qanda are published, and what they are called. The CI recipes that `qanda init`
/// writes download from here; the README's Install section names the same addresses.
package enum QandaRelease {
    /// The project's repository; each release is tagged `v<version>`.
    package static let repository = "https://github.com/qanda-ssg/qanda"
    /// A release's files are at `<downloads>/v<version>/<file>`.
    package static let downloads = repository + "/releases/download"
    /// The one platform releases are built for.
    package static let platform = "linux-x86_64"

    /// `qanda-<version>-linux-x86_64`: the archive's name without `.tar.gz`, and the one folder it holds
    /// (the executable `qanda`, `completions/`, `man/qanda.1`).
    package static func archiveStem(version: String) -> String { "qanda-\(version)-\(platform)" }
}
