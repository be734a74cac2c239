import Foundation
import QandaPlatform

/// The `qanda` executable this process runs, as `qanda init` pins it in a CI recipe.
package enum RunningExecutable {
    /// Its path, symbolic links resolved; nil when it cannot be told.
    package static var path: String? { ExecutableImage.location }

    /// The SHA-256 of its bytes, as `sha256sum` prints it; nil when it cannot be read.
    package static func sha256() -> String? {
        ExecutableImage.readablePath.flatMap(SHA256.hex(ofFile:))
    }

    /// True when the executable lies in a SwiftPM build folder (`.build/`, `.build-…/`): built from a checkout,
    /// so no release has its checksum. An executable elsewhere may still be a development build copied out:
    /// that cannot be told from here, and the README says so.
    package static func isInBuildFolder(_ path: String) -> Bool {
        path.split(separator: "/").contains { $0 == ".build" || $0.hasPrefix(".build-") }
    }
}
