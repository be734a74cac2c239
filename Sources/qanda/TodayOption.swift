import ArgumentParser
import Foundation
import QandaKit

/// `--today YYYY-MM-DD`: the day review and date rules are judged on, pinned for reproducible runs.
struct TodayOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Judge dates as of this day instead of today, for reproducible runs.", valueName: "yyyy-mm-dd"))
    var today: String?

    func validate() throws {
        if let today, ContentDate.parse(today)?.instant != nil || ContentDate.parse(today) == nil {
            throw ValidationError("--today must be a calendar day written YYYY-MM-DD, not '\(today)'")
        }
    }

    var day: ContentDate { today.flatMap(ContentDate.parse) ?? ContentDate.today(Date()) }
}
