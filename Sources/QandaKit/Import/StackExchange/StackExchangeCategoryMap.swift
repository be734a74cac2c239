import Foundation
import Yams

/// `--category-map`: a YAML file of `tag: Category` lines saying which category the questions on a tag go into
/// (`python: Python`, `c++: C and C++`). The first of a question's tags the map names decides; a question none of
/// whose tags it names goes into the category of its first tag.
package enum StackExchangeCategoryMap {
    package static func load(_ path: String) throws -> [String: String] {
        guard let bytes = FileManager.default.contents(atPath: path) else {
            throw StackExchangeDumpError(file: path, message: "cannot read the category map",
                                         hint: "check the path given to --category-map")
        }
        guard let text = String(data: bytes, encoding: .utf8) else {
            throw StackExchangeDumpError(file: path, message: "the category map is not UTF-8 text", hint: "save it as UTF-8")
        }
        let mapping: Node.Mapping?
        switch YAMLMappingParser.parse(text, file: path, lineOffset: 0, what: "the category map") {
        case .success(let parsed): mapping = parsed
        case .failure(let diagnostic):
            throw StackExchangeDumpError(file: path, line: diagnostic.line, column: diagnostic.column, message: diagnostic.message,
                                         hint: diagnostic.hint ?? "write one `tag: Category` per line")
        }
        var map: [String: String] = [:]
        for (key, value) in mapping ?? [:] {
            guard let tag = key.scalar?.string, let category = value.scalar?.string,
                  !tag.isEmpty, !category.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw StackExchangeDumpError(file: path, line: (key.mark?.line ?? 0), column: key.mark?.column ?? 0,
                                             message: "each entry of the category map is a tag and a category name",
                                             hint: "write one `tag: Category` per line, such as `python: Python`; quote a tag that starts with a sign (\"c#\": C#)")
            }
            map[tag] = category
        }
        return map
    }
}
