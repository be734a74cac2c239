import Foundation
import Testing
@testable import QandaKit

@Suite struct ContentDateTests {
    @Test func dateOnly() throws {
        let date = try #require(ContentDate.parse("2018-04-26"))
        #expect(date.year == 2018)
        #expect(date.month == 4)
        #expect(date.day == 26)
        #expect(date.instant == nil)
        #expect(date.text == "2018-04-26")
        #expect(date.isoDay == "2018-04-26")
        #expect(date.description == "2018-04-26")
    }

    @Test func surroundingSpacesAreTrimmed() {
        #expect(ContentDate.parse("  2018-04-26 ")?.text == "2018-04-26")
    }

    @Test func timestampWithOffset() throws {
        let date = try #require(ContentDate.parse("2018-04-26T09:30:00-05:00"))
        #expect(date.instant == Date(timeIntervalSince1970: 1_524_753_000))
        #expect(date.text == "2018-04-26T09:30:00-05:00")
        #expect(date.isoDay == "2018-04-26")
    }

    @Test func writtenDayIsNeverShiftedByTheOffset() throws {
        // 23:30 at -05:00 is already April 27 in UTC; the page still says April 26.
        let date = try #require(ContentDate.parse("2018-04-26T23:30:00-05:00"))
        #expect(date.day == 26)
        #expect(date.isoDay == "2018-04-26")
        #expect(date.englishLongText == "April 26, 2018")
        #expect(date.dayNumber == 17647)
    }

    @Test func timestampInUTC() throws {
        let date = try #require(ContentDate.parse("2018-04-26T14:30:00Z"))
        #expect(date.instant == Date(timeIntervalSince1970: 1_524_753_000))
    }

    @Test func timestampWithFractionalSeconds() throws {
        let date = try #require(ContentDate.parse("2018-04-26T14:30:00.250Z"))
        let instant = try #require(date.instant)
        #expect(abs(instant.timeIntervalSince1970 - 1_524_753_000.25) < 0.001)
    }

    @Test func spaceSeparatorIsNormalizedToT() throws {
        let date = try #require(ContentDate.parse("2018-04-26 09:30:00-05:00"))
        #expect(date.text == "2018-04-26T09:30:00-05:00")
        #expect(date.instant == Date(timeIntervalSince1970: 1_524_753_000))
    }

    @Test func timestampWithoutOffsetIsRejected() {
        #expect(ContentDate.parse("2018-04-26T09:30:00") == nil)
    }

    @Test(arguments: ["2018-02-30", "2019-02-29", "2018-04-31", "2018-13-01", "2018-00-10", "2018-01-00", "2018-01-32"])
    func impossibleDaysAreRejected(_ text: String) {
        #expect(ContentDate.parse(text) == nil)
    }

    @Test func leapDayIsAccepted() throws {
        let date = try #require(ContentDate.parse("2020-02-29"))
        #expect(date.isoDay == "2020-02-29")
        #expect(date.dayNumber == 18321)
        #expect(ContentDate.parse("2000-02-29") != nil)
        #expect(ContentDate.parse("1900-02-29") == nil)
    }

    @Test(arguments: [1600, 1700, 1900, 1999, 2000, 2023, 2024, 2100, 2400, 9999])
    func dayLengthsAgreeWithFoundationsCalendar(_ year: Int) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        for month in 1...12 {
            for day in 0...32 {
                var components = DateComponents(calendar: calendar, year: year, month: month, day: day)
                components.timeZone = calendar.timeZone
                #expect(ContentDate.isValidDay(year: year, month: month, day: day) == components.isValidDate, "\(year)-\(month)-\(day)")
            }
        }
    }

    @Test func paddedDatesAreTrimmed() {
        #expect(ContentDate.parse(" 2018-04-26\t")?.text == "2018-04-26")
        #expect(ContentDate.parse("2018-04-26\u{3000}")?.text == "2018-04-26")
    }

    @Test(arguments: ["", "2018", "2018-4-26", "26/04/2018", "2018/04/26", "April 26, 2018", "2018-04-26x",
                      "2018-04-26T25:00:00Z", "-018-04-26", "2018-+4-26", "+2018-04-26"])
    func malformedTextIsRejected(_ text: String) {
        #expect(ContentDate.parse(text) == nil)
    }

    @Test func dayAndTimestampOnTheSameDayAreNeitherBefore() throws {
        let day = try #require(ContentDate.parse("2018-04-26"))
        let timestamp = try #require(ContentDate.parse("2018-04-26T09:30:00-05:00"))
        #expect(!(day < timestamp))
        #expect(!(timestamp < day))
    }

    @Test func differentDaysOrderByTheWrittenDay() throws {
        let lateEvening = try #require(ContentDate.parse("2018-04-26T23:30:00-05:00"))  // 04:30 UTC on the 27th
        let nextMorning = try #require(ContentDate.parse("2018-04-27T01:00:00+02:00"))  // 23:00 UTC on the 26th
        #expect(lateEvening < nextMorning)
        #expect(!(nextMorning < lateEvening))
        let earlier = try #require(ContentDate.parse("2018-04-25"))
        #expect(earlier < lateEvening)
        #expect(!(lateEvening < earlier))
    }

    @Test func timestampsOnTheSameDayOrderByInstant() throws {
        let morning = try #require(ContentDate.parse("2018-04-26T09:00:00Z"))
        let evening = try #require(ContentDate.parse("2018-04-26T18:00:00Z"))
        #expect(morning < evening)
        #expect(!(evening < morning))
    }

    @Test func equalityIsByWrittenText() {
        #expect(ContentDate.parse("2018-04-26") == ContentDate.parse("2018-04-26"))
        #expect(ContentDate.parse("2018-04-26T14:30:00Z") != ContentDate.parse("2018-04-26T09:30:00-05:00"))
    }

    @Test func longText() {
        #expect(ContentDate.parse("2018-04-26")?.englishLongText == "April 26, 2018")
        #expect(ContentDate.parse("2024-01-05")?.englishLongText == "January 5, 2024")
        #expect(ContentDate.parse("1999-12-31T23:59:59Z")?.englishLongText == "December 31, 1999")
    }

    @Test func dayNumber() {
        #expect(ContentDate.parse("1970-01-01")?.dayNumber == 0)
        #expect(ContentDate.parse("1970-01-02")?.dayNumber == 1)
        #expect(ContentDate.parse("1969-12-31")?.dayNumber == -1)
        #expect(ContentDate.parse("2000-03-01")?.dayNumber == 11017)
        #expect(ContentDate.parse("2018-04-26")?.dayNumber == 17647)
    }

    @Test func sortKey() {
        #expect(ContentDate.parse("1970-01-02")?.sortKey == 86_400)
        #expect(ContentDate.parse("2018-04-26T09:30:00-05:00")?.sortKey == 1_524_753_000)
    }
}
