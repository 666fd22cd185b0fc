import Foundation

/// A model's fields, by name and by number. `TemplateRenderer` reads them by the number
/// `FieldNumbers` gives each name, which a compiled template holds for every name it reads, so
/// that no lookup hashes a name; the tests read them by name.
struct TemplateFields<Model>: ExpressibleByDictionaryLiteral, Sendable {
    private let byName: [String: TemplateField<Model>]
    private let byNumber: [TemplateField<Model>?]

    init(dictionaryLiteral fields: (String, TemplateField<Model>)...) {
        byName = Dictionary(uniqueKeysWithValues: fields)
        var byNumber: [TemplateField<Model>?] = []
        for (name, read) in fields {
            let number = FieldNumbers.number(of: name)
            if byNumber.count <= number { byNumber += repeatElement(nil, count: number + 1 - byNumber.count) }
            byNumber[number] = read
        }
        self.byNumber = byNumber
    }

    subscript(name: String) -> TemplateField<Model>? { byName[name] }

    subscript(number: Int) -> TemplateField<Model>? { number < byNumber.count ? byNumber[number] : nil }

    var names: Dictionary<String, TemplateField<Model>>.Keys { byName.keys }
}

/// Numbers every name a template reads or a model declares, the same number for the same name in
/// the whole process, whichever asks first.
enum FieldNumbers {
    private final class Table: @unchecked Sendable {
        let lock = NSLock()
        var numbers: [String: Int] = [:]
    }

    private static let table = Table()

    static func number(of name: String) -> Int {
        table.lock.lock()
        defer { table.lock.unlock() }
        if let number = table.numbers[name] { return number }
        let number = table.numbers.count
        table.numbers[name] = number
        return number
    }
}
