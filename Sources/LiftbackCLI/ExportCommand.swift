import ArgumentParser
import Foundation
import LiftbackCore

/// `liftback export ics|fhir --case FILE` (contract, section 5: exports).
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract:
            "Write a case in another system's format: FHIR R4 for clinical records, a calendar of planned sessions, a Strong CSV.",
        subcommands: [ExportFHIRCommand.self, ExportCalendarCommand.self, ExportStrongCommand.self])
}

/// `liftback export fhir --case FILE|-`
struct ExportFHIRCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fhir",
        abstract: "The case as one FHIR R4 Bundle (JSON): patient, pain reports, questionnaires, the plan, clinician changes.",
        discussion: "docs/fhir.md lists each resource, its codes and how it maps from the case.")

    @Option(name: .customLong("case"), help: "A case file (see docs/case-format.md), or - for standard input.") var casePath:
        String

    func run() async throws { try emit { try Self.output(casePath: casePath) } }

    static func output(casePath: String, readStandardInput: () -> Data = { FileHandle.standardInput.readDataToEndOfFile() })
        throws -> String
    {
        let c = try loadCase(casePath, readStandardInput: readStandardInput)
        return LiftbackJSON.encode(
            FHIRExport.bundle(
                c, prescription: configuredEngine.nextPrescription(for: c), subject: .init(key: "case-\(c.intake.date)"),
                catalog: configuredEngine.catalog))
    }
}

/// `liftback export ics --case FILE|- [--days N]`
struct ExportCalendarCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ics",
        abstract: "An iCalendar (RFC 5545) of the planned sessions of the coming days, each with a reminder.",
        discussion: """
            One all-day event per planned session from the case's asOf (rest days left out), its exercises in the \
            description and a reminder at 08:00 on the day. Loads are not in the calendar: they follow how the \
            sessions before went, so the day's prescription (liftback next) gives them.
            """)

    static let dayRange = 1...92

    @Option(name: .customLong("case"), help: "A case file (see docs/case-format.md), or - for standard input.") var casePath:
        String
    @Option(help: "How many days to plan, 1-92.") var days: Int = 14

    func validate() throws {
        guard Self.dayRange.contains(days) else {
            throw ValidationError("--days must be a whole number of days from 1 to 92, not \(days)")
        }
    }

    func run() async throws {
        try emit(terminator: "") { try Self.output(casePath: casePath, days: days) }
    }

    static func output(
        casePath: String, days: Int, readStandardInput: () -> Data = { FileHandle.standardInput.readDataToEndOfFile() }
    )
        throws -> String
    {
        let c = try loadCase(casePath, readStandardInput: readStandardInput)
        return ICalendar.document(
            configuredEngine.plannedSessions(c, days: days), calendarID: "case-\(c.intake.date)", stamp: c.asOf)
    }
}

/// `liftback export strong --case FILE|-`
struct ExportStrongCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "strong",
        abstract: "The logged sessions as a Strong export (CSV), which liftback import reads back unchanged.",
        discussion: """
            Sets with a weight or repetitions of exercises Strong has a name for, one row a set, in the case's unit. \
            Pain and next-day answers have no place in Strong; exercises it does not know are named on standard error.
            """)

    @Option(name: .customLong("case"), help: "A case file (see docs/case-format.md), or - for standard input.") var casePath:
        String

    func run() async throws {
        try emit(terminator: "") {
            let export = try Self.export(casePath: casePath)
            if !export.leftOut.isEmpty {
                let names = export.leftOut.map { configuredEngine.catalog.plainName($0) }.joined(separator: ", ")
                FileHandle.standardError.write(Data("note: left out, Strong has no name for them: \(names)\n".utf8))
            }
            return export.csv
        }
    }

    static func export(casePath: String, readStandardInput: () -> Data = { FileHandle.standardInput.readDataToEndOfFile() })
        throws -> StrongCSV.Export
    {
        let c = try loadCase(casePath, readStandardInput: readStandardInput)
        return StrongCSV.export(c.workouts, unit: c.unit, catalog: configuredEngine.catalog)
    }
}
