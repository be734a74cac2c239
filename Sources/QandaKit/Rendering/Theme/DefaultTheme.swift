import Foundation

/// The built-in theme, embedded in the binary so that `qanda` is one file to install. Its files are in
/// Rendering/Theme/Files/ (`<template>.mustache`, `qanda.css`, `favicon.svg`); Plugins/EmbedTheme puts them into
/// the binary at build time. An editor overrides any of these by putting a file of the same name in Templates/
/// (`question.mustache`, `qanda.css`).
package enum DefaultTheme {
    /// Template name (file name without .mustache) -> Mustache source.
    package static let templates: [String: String] = Dictionary(uniqueKeysWithValues: files.compactMap { name, text in
        name.hasSuffix(templateExtension) ? (String(name.dropLast(templateExtension.count)), text) : nil
    })

    /// Files copied to the output as they are, by output name.
    package static let staticFiles: [String: String] = files.filter { !$0.key.hasSuffix(templateExtension) }

    /// Templates that render whole pages, by layout; each is a child of `base` through template inheritance.
    package static let layoutNames = ["home", "question", "list", "terms", "authors", "author", "page", "search", "404", "alias", "withdrawn"]

    /// Every file of the theme's folder, by file name.
    static let files: [String: String] = EmbeddedTheme.base64.mapValues { String(decoding: Data(base64Encoded: $0)!, as: UTF8.self) }

    private static let templateExtension = ".mustache"
}
