/// `.github/workflows/site.yml`: checks and builds the site on every push and pull request, and publishes it to
/// GitHub Pages from the default branch. It passes actionlint (with shellcheck) as written; a test runs both.
enum GitHubWorkflow {
    /// Pushes to the default branch (and runs started by hand on it) publish; pull requests never do.
    static let publishes = "github.event_name != 'pull_request' && github.ref == format('refs/heads/{0}', github.event.repository.default_branch)"

    static func text(for recipe: CIRecipe) -> String {
        let error = "::error title=site address::"
        return """
        # Written by `qanda init` (Qanda \(recipe.version)). Every push and pull request: install Qanda, check the site
        # (findings appear on the pull request), build it with its search index (`qanda build` makes it). A push to the
        # default branch then publishes it to GitHub Pages. Once, before the first push: Settings > Pages > Source:
        # GitHub Actions.
        # Qanda's README, "Publishing from CI", explains each step.
        name: site

        on:
          push:
          pull_request:
          workflow_dispatch:

        env:
          # The Qanda release that checks and builds the site, and the SHA-256 of its `qanda` executable: a download
          # that does not match is refused. To upgrade, change both (README: "Publishing from CI").
          QANDA_VERSION: "\(recipe.version)"
          QANDA_SHA256: "\(recipe.executableSHA256)"
          # The address the site is published at. Empty: the one GitHub Pages reports, which is
          # https://<owner>.github.io/<repository>/ or the custom domain set in Settings > Pages. The site is built
          # for this address (not for qanda.yml's base_url), and its live manifest.json says which pages must stay.
          SITE_URL: ""

        permissions:
          contents: read

        jobs:
          build:
            name: Check and build
            runs-on: ubuntu-latest
            permissions:
              contents: read
              pages: read  # configure-pages reads the site's address
            steps:
              - uses: actions/checkout@v6

              - name: Install Qanda
                run: |
        \(CIRecipe.indent(CIRecipe.installScript(folder: "$RUNNER_TEMP"), 10))
                  echo "$RUNNER_TEMP/${stem}" >> "$GITHUB_PATH"
              # To build Qanda from source instead (minutes instead of seconds; needs Swift 6.3 on the runner),
              # replace the step above with this one:
              # - name: Build Qanda from source
              #   run: |
              #     sudo apt-get update && sudo apt-get install -y libcmark-gfm-dev libcmark-gfm-extensions-dev
              #     git clone --depth 1 --branch "v${QANDA_VERSION}" \(QandaRelease.repository) "$RUNNER_TEMP/qanda"
              #     swift build -c release --package-path "$RUNNER_TEMP/qanda" --product qanda
              #     echo "$RUNNER_TEMP/qanda/.build/release" >> "$GITHUB_PATH"

              - name: Ask GitHub Pages for the site's address
                id: pages
                if: env.SITE_URL == ''
                uses: actions/configure-pages@v6

              - name: Check
                id: check
                env:
                  PAGES_URL: ${{ steps.pages.outputs.base_url }}
                run: |
        \(CIRecipe.indent(CIRecipe.addressScript(address: "${SITE_URL:-$PAGES_URL}", errorPrefix: error), 10))
                  echo "url=${url}" >> "$GITHUB_OUTPUT"
        \(CIRecipe.indent(CIRecipe.checkScript("qanda check --format github", manifest: "$RUNNER_TEMP/published.json", errorPrefix: error), 10))

              # The site and its search index (search/), in one pass: nothing else to install.
              - name: Build
                env:
                  ADDRESS: ${{ steps.check.outputs.url }}
                run: qanda build --base-url "$ADDRESS"

              - name: Upload the site for GitHub Pages
                if: \(publishes)
                uses: actions/upload-pages-artifact@v5
                with:
                  path: Site
                  include-hidden-files: true  # .well-known/ and the like, from Content/static/

          deploy:
            name: Publish to GitHub Pages
            needs: build
            if: \(publishes)
            runs-on: ubuntu-latest
            permissions:
              pages: write     # to publish
              id-token: write  # to prove the deployment comes from this workflow
            concurrency:       # one deployment at a time, and one under way is finished, not cancelled
              group: pages
              cancel-in-progress: false
            environment:
              name: github-pages
              url: ${{ steps.deployment.outputs.page_url }}
            steps:
              - id: deployment
                uses: actions/deploy-pages@v5

        """
    }
}
