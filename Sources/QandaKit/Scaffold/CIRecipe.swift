/// The CI file `qanda init` writes: on every push it installs a pinned Qanda release, checks the site against the
/// one that is live, builds it (search index included: `qanda build` makes it, nothing else to install), and on the
/// default branch publishes it (GitHub Pages or GitLab Pages). Everything it needs is written into it; what only
/// the user knows has a named variable at its top.
package struct CIRecipe: Sendable, Equatable {
    package enum Host: String, Sendable, CaseIterable {
        case github, gitlab
    }

    package var host: Host
    /// The Qanda release the recipe downloads, and the SHA-256 of the `qanda` executable it must hold.
    package var version: String
    package var executableSHA256: String

    package init(host: Host, version: String = QandaVersion.current, executableSHA256: String) {
        self.host = host
        self.version = version
        self.executableSHA256 = executableSHA256.lowercased()
    }

    package var file: ScaffoldFile {
        switch host {
        case .github: ScaffoldFile(path: ".github/workflows/site.yml", contents: GitHubWorkflow.text(for: self))
        case .gitlab: ScaffoldFile(path: ".gitlab-ci.yml", contents: GitLabPipeline.text(for: self))
        }
    }

    /// True for 64 hex digits, a SHA-256 as `sha256sum` prints it.
    package static func isSHA256(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0 | 0x20) }
    }

    // MARK: - Shell shared by both recipes (POSIX sh: GitLab's image may have no bash)

    /// Downloads the release into `folder`, checks the archive against its published `.sha256` and the executable
    /// against QANDA_SHA256, and leaves `qanda` in `folder/<stem>/` (`$stem`).
    static func installScript(folder: String) -> String {
        """
        stem="qanda-${QANDA_VERSION}-\(QandaRelease.platform)"
        url="\(QandaRelease.downloads)/v${QANDA_VERSION}/${stem}.tar.gz"
        curl -fsSL --retry 3 -o "\(folder)/${stem}.tar.gz" "$url"
        curl -fsSL --retry 3 -o "\(folder)/${stem}.tar.gz.sha256" "${url}.sha256"
        # The archive must be the one published, and its executable the one pinned at the top of this file.
        echo "$(cut -d ' ' -f 1 "\(folder)/${stem}.tar.gz.sha256")  \(folder)/${stem}.tar.gz" | sha256sum -c -
        tar -xzf "\(folder)/${stem}.tar.gz" -C "\(folder)"
        echo "${QANDA_SHA256}  \(folder)/${stem}/qanda" | sha256sum -c -
        """
    }

    /// Sets `url` to `address` (the SITE_URL variable, else the address the host gives the site) with one
    /// trailing slash, or stops with an error when there is none.
    static func addressScript(address: String, errorPrefix: String) -> String {
        """
        url="\(address)"
        if [ -z "$url" ]; then
          echo "\(errorPrefix)the site's address is unknown; set SITE_URL at the top of this file."
          exit 1
        fi
        url="${url%/}/"
        """
    }

    /// Runs `check` (a `qanda check` command) against the manifest published at `$url`; a 404 (nothing published
    /// yet: the first deploy) checks without it. Any other answer stops the job: which pages must stay is unknown.
    static func checkScript(_ check: String, manifest: String, errorPrefix: String) -> String {
        """
        # Pages published before must not disappear: compare with the manifest of the live site. Before the first
        # deploy there is none (404), and nothing to compare with.
        status=$(curl -sSL -o "\(manifest)" -w '%{http_code}' "${url}manifest.json" || true)
        if [ "$status" = 200 ]; then
          \(check) --against "\(manifest)"
        elif [ "$status" = 404 ]; then
          echo "Nothing is published at ${url} yet: checking without --against."
          \(check)
        else
          echo "\(errorPrefix)${url}manifest.json answered HTTP ${status}, so the pages that must stay are unknown; run the job again, or check SITE_URL."
          exit 1
        fi
        """
    }

    /// `text` indented by `spaces`, for a YAML block scalar.
    static func indent(_ text: String, _ spaces: Int) -> String {
        let pad = String(repeating: " ", count: spaces)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : pad + $0 }.joined(separator: "\n")
    }
}
