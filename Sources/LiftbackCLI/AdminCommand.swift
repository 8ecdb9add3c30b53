import ArgumentParser
import Foundation
import LiftbackApp
import LiftbackCore
import LiftbackHosting
import Logging

/// `liftback admin ...`: tasks for whoever runs the server.
struct AdminCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admin", abstract: "Tasks for whoever runs the server.",
        subcommands: [AddClinicianCommand.self, ResetLinkCommand.self, SeedLoadCommand.self, BackupCommand.self])
}

/// `liftback admin backup`: a consistent copy of the SQLite database while the server runs.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Copy the SQLite database to a new file while the server keeps running.",
        discussion:
            "To restore, stop the server and start it with --database on the copy (or move the copy into place). PostgreSQL: use pg_dump and pg_restore (docs/deploy.md)."
    )

    @OptionGroup var store: DatabaseOption
    @Option(help: "The new file to write the copy to; it must not exist.") var to: String

    func validate() throws {
        guard !Services.isPostgres(store.database) else {
            throw ValidationError("--database: back up PostgreSQL with pg_dump (docs/deploy.md)")
        }
    }

    func run() async throws {
        try emit {
            do {
                try Backup.sqlite(store.database, to: to)
            } catch let error as Backup.Failure {
                throw CLIFailure(error.description)
            }
            return LiftbackJSON.encode(["backup": to])
        }
    }
}

/// `liftback admin seed-load`: a database for load tests (docs/performance.md).
struct SeedLoadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed-load",
        abstract:
            "Fill a new SQLite file or an empty PostgreSQL database with clinicians and many patients with long histories.")

    @Option(help: "The SQLite file to create, or an empty PostgreSQL database's postgres:// URL.") var database: String
    @Option(help: "How many patients.") var patients: Int = 1000
    @Option(help: "Patients on each clinician's caseload (all on one clinician when left out).") var perClinician: Int?
    @Option(help: "Weeks of history each.") var weeks: Int = 52
    @Option(help: "The last day of the histories (YYYY-MM-DD).", transform: Arguments.day("--today")) var today: Day

    func validate() throws {
        if let perClinician, !(1...100_000).contains(perClinician) { throw ValidationError("--per-clinician 1-100000") }
        guard Services.isPostgres(database) || !FileManager.default.fileExists(atPath: database) else {
            throw ValidationError("--database: \(database) exists already")
        }
        guard (1...100_000).contains(patients), (1...520).contains(weeks) else {
            throw ValidationError("--patients 1-100000, --weeks 1-520")
        }
    }

    func run() async throws {
        try await LoadSeed.seed(
            path: database, patients: patients, weeks: weeks, today: today, engine: configuredEngine, perClinician: perClinician
        ) { line in
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
        print("Clinician \(LoadSeed.clinicianEmail), password \(LoadSeed.password)")
    }
}

/// Where an admin command finds the data: the server's database option.
struct DatabaseOption: ParsableArguments {
    @Option(help: "The SQLite file the server uses, or its postgres:// URL.") var database: String

    func validate() throws {
        guard Services.isPostgres(database) || FileManager.default.fileExists(atPath: database) else {
            throw ValidationError("--database: there is no file \(database); give the one `liftback serve` uses")
        }
    }

    /// Runs `body` over the services, then prints its answer as JSON.
    func printing(_ body: @Sendable @escaping (Services) async throws -> some Encodable & Sendable) async throws {
        let answer = try await Services.withOpened(
            database: database, engine: configuredEngine, logger: Logger(label: "liftback.admin"), body)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        print(String(decoding: try encoder.encode(answer), as: UTF8.self))
    }
}

/// `liftback admin add-clinician`: a clinician account, opened by a one-time link.
struct AddClinicianCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add-clinician",
        abstract: "Add a clinician; prints {accountId, setPasswordToken, expiresAt} for their first password.",
        discussion:
            "Give the clinician the page /set-password?token=TOKEN on your server (or POST the token to /api/v1/accounts/set-password). The token works once, for 72 hours."
    )

    @OptionGroup var store: DatabaseOption
    @Option(help: "Their email, to sign in with.") var email: String
    @Option(help: "Their name, as patients will see it.") var name: String

    struct Answer: Encodable, Sendable {
        var accountId: String
        var setPasswordToken: String
        var expiresAt: Date
    }

    func run() async throws {
        let (email, name) = (email, name)
        try await store.printing { services in
            let (account, link) = try await Self.explained { try await services.accounts.addClinician(name: name, email: email) }
            return Answer(accountId: account.id, setPasswordToken: link.setPasswordToken, expiresAt: link.expiresAt)
        }
    }

    /// Refusals as the command line says them.
    static func explained<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch AppError.invalid(let field, let message) {
            throw ValidationError("--\(field): \(message)")
        } catch AppError.notFound {
            throw ValidationError("--email: no account has this email")
        } catch AppError.emailTaken {
            throw ValidationError("--email: an account with this email exists already")
        }
    }
}

/// `liftback admin reset-link`: a one-time link to set a new password.
struct ResetLinkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset-link",
        abstract: "A one-time link for someone who forgot their password; prints {setPasswordToken, expiresAt}.",
        discussion: "The token works once, for 24 hours, on /set-password?token=TOKEN. Setting it signs them out everywhere.")

    @OptionGroup var store: DatabaseOption
    @Option(help: "The email of their account.") var email: String

    func run() async throws {
        let email = email
        try await store.printing { services in
            try await AddClinicianCommand.explained { try await services.accounts.resetLink(email: email) }
        }
    }
}
