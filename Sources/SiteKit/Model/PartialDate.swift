/// A date known to a year, a month or a day, shown as precisely as it was written.
public struct PartialDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int?
    public var day: Int?

    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; nil for anything else or an impossible date.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, let year = Int(parts[0]),
              parts.dropFirst().allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }) else { return nil }
        self.year = year
        if parts.count >= 2 {
            guard let month = Int(parts[1]), (1...12).contains(month) else { return nil }
            self.month = month
        }
        if parts.count == 3 {
            guard let day = Int(parts[2]), let month, (1...Self.daysIn(month: month, year: year)).contains(day) else { return nil }
            self.day = day
        }
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                             "August", "September", "October", "November", "December"]

    /// The first day the date covers: `2001` sorts as 1 January 2001.
    public var firstDay: (Int, Int, Int) { (year, month ?? 1, day ?? 1) }
    /// The last day the date covers: `2001` reaches to 31 December 2001.
    public var lastDay: (Int, Int, Int) {
        let m = month ?? 12
        return (year, m, day ?? Self.daysIn(month: m, year: year))
    }

    /// How many parts were written: 1 year, 2 month, 3 day.
    public var precision: Int { day != nil ? 3 : month != nil ? 2 : 1 }

    /// By first day, then the less precise first (`2001` before `2001-01` before `2001-01-01`).
    public static func < (a: Self, b: Self) -> Bool {
        if a.firstDay != b.firstDay { return a.firstDay < b.firstDay }
        return a.precision < b.precision
    }

    /// "2008", "August 2008" or "8 August 2008".
    public var display: String {
        guard let month else { return String(year) }
        let name = Self.monthNames[month - 1]
        guard let day else { return "\(name) \(year)" }
        return "\(day) \(name) \(year)"
    }

    /// As written: `2008-08-08`.
    public var description: String {
        var s = String(year)
        if let month { s += "-" + (month < 10 ? "0" : "") + String(month) }
        if let day { s += "-" + (day < 10 ? "0" : "") + String(day) }
        return s
    }
}
