/// A small CSV reader for app exports: one record a line, `,` or `;` between fields, double quotes
/// around a field that holds the separator, and a doubled quote for a quote inside one (RFC 4180
/// without fields that run over several lines, which none of the supported apps writes).
///
/// It works on the UTF-8 bytes: the separators and quotes are ASCII, so names with accents or emoji
/// pass through untouched, and a `\r\n` line end is two bytes rather than one Swift `Character`.
enum CSVReader {
    /// One line of the file with its number (1-based, counting every line, blank ones included).
    struct Line: Sendable {
        var number: Int
        var bytes: ArraySlice<UInt8>
    }

    static let comma = UInt8(ascii: ",")
    static let semicolon = UInt8(ascii: ";")
    static let quote = UInt8(ascii: "\"")
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")

    static func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }

    /// The most fields a line may have: the widest export has 14 columns.
    static let maxFields = 200

    /// The lines that hold something: a byte-order mark, the `\r` of `\r\n` and blank lines are dropped.
    static func lines(of text: String) -> [Line] {
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var lines: [Line] = []
        var start = 0
        var number = 1
        for index in 0...bytes.count where index == bytes.count || bytes[index] == newline {
            var end = index
            if end > start, bytes[end - 1] == carriageReturn { end -= 1 }
            let slice = bytes[start..<end]
            if !slice.allSatisfy(isBlank) { lines.append(Line(number: number, bytes: slice)) }
            number += 1
            start = index + 1
        }
        return lines
    }

    /// The separator of a header line: `;` when it has more semicolons than commas outside quotes.
    static func separator(of line: Line) -> UInt8 {
        var commas = 0
        var semicolons = 0
        var inQuotes = false
        for byte in line.bytes {
            if byte == quote {
                inQuotes.toggle()
            } else if !inQuotes, byte == comma {
                commas += 1
            } else if !inQuotes, byte == semicolon {
                semicolons += 1
            }
        }
        return semicolons > commas ? semicolon : comma
    }

    /// The fields of one line, unquoted.
    ///
    /// - Throws: `ImportError` when a quoted field is not closed on its line.
    static func fields(of line: Line, separator: UInt8) throws(ImportError) -> [String] {
        var fields: [String] = []
        var field: [UInt8] = []
        // Inside a quoted field now, and whether the current field was opened by a quote.
        var inQuotes = false
        var wasQuoted = false
        // Whether the current field holds anything but blanks: kept as bytes arrive, so that a long
        // run of quotes costs one step each rather than a rescan of the field.
        var fieldHasText = false
        let bytes = line.bytes
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if inQuotes {
                if byte == quote {
                    let next = index + 1
                    if next < bytes.endIndex, bytes[next] == quote {
                        field.append(quote)
                        index = next
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(byte)
                }
            } else if byte == quote, !wasQuoted, !fieldHasText {
                field.removeAll()
                inQuotes = true
                wasQuoted = true
            } else if byte == separator {
                fields.append(String(decoding: field, as: UTF8.self))
                guard fields.count < maxFields else {
                    throw ImportError(
                        kind: .unreadable, line: line.number, message: "has more than \(maxFields) fields, more than any export")
                }
                field.removeAll()
                wasQuoted = false
                fieldHasText = false
            } else {
                field.append(byte)
                if !isBlank(byte) { fieldHasText = true }
            }
            index += 1
        }
        guard !inQuotes else {
            throw ImportError(
                kind: .unreadable, line: line.number,
                message: "a quoted field is not closed on its line (fields cannot run over several lines)")
        }
        fields.append(String(decoding: field, as: UTF8.self))
        return fields
    }
}
