/// `.gitlab-ci.yml`: merge requests and other branches check and build the site (job `check`); the default branch
/// checks, builds and publishes it to GitLab Pages (job `pages`, its `public/` artifact).
enum GitLabPipeline {
    static func text(for recipe: CIRecipe) -> String {
        let error = "error: "
        return """
        # Written by `qanda init` (Qanda \(recipe.version)). Merge requests and branches: install Qanda, check the site,
        # build it with its search index (`qanda build` makes it). The default branch then publishes it to GitLab
        # Pages (the job named `pages`).
        # Qanda's README, "Publishing from CI", explains each step.

        variables:
          # The Qanda release that checks and builds the site, and the SHA-256 of its `qanda` executable: a download
          # that does not match is refused. To upgrade, change both (README: "Publishing from CI").
          QANDA_VERSION: "\(recipe.version)"
          QANDA_SHA256: "\(recipe.executableSHA256)"
          # The address the site is published at. Empty: the one GitLab Pages gives it ($CI_PAGES_URL); set it when
          # the site has a custom domain. The site is built for this address (not for qanda.yml's base_url), and its
          # live manifest.json says which pages must stay.
          SITE_URL: ""

        .qanda:
          image: debian:bookworm-slim
          before_script:
            - apt-get update -qq && apt-get install -y -qq --no-install-recommends ca-certificates curl >/dev/null
            - |
        \(CIRecipe.indent(CIRecipe.installScript(folder: "/tmp"), 6))
              install -m 755 "/tmp/${stem}/qanda" /usr/local/bin/qanda
            # To build Qanda from source instead (minutes instead of seconds; needs Swift 6.3: image swift:6.3),
            # replace the entry above with:
            # - apt-get install -y -qq git libcmark-gfm-dev libcmark-gfm-extensions-dev
            # - git clone --depth 1 --branch "v${QANDA_VERSION}" \(QandaRelease.repository) /tmp/qanda
            # - swift build -c release --package-path /tmp/qanda --product qanda
            # - install -m 755 /tmp/qanda/.build/release/qanda /usr/local/bin/qanda
          script:
            - |
        \(CIRecipe.indent(CIRecipe.addressScript(address: "${SITE_URL:-$CI_PAGES_URL}", errorPrefix: error), 6))
        \(CIRecipe.indent(CIRecipe.checkScript("qanda check", manifest: "/tmp/published.json", errorPrefix: error), 6))
              qanda build --base-url "$url" --output public

        # Merge requests, and pushes to other branches: check and build only.
        check:
          extends: .qanda
          rules:
            - if: $CI_PIPELINE_SOURCE == "merge_request_event"
            - if: $CI_COMMIT_BRANCH && $CI_COMMIT_BRANCH != $CI_DEFAULT_BRANCH && $CI_OPEN_MERGE_REQUESTS == null

        # The default branch: check, build and publish.
        pages:
          extends: .qanda
          rules:
            - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
          artifacts:
            paths:
              - public

        """
    }
}
