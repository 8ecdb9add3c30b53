import Hummingbird
import LiftbackApp

/// The personal calendar feed (contract, section 5): `GET /calendar/{secret}.ics` gives the person's
/// planned sessions of the next two weeks as an iCalendar. The secret is the only key, so a calendar
/// app can read it without signing in; it opens nothing else, and a new address or "stop" ends it on
/// every server at once (it is read from the store on every request).
enum CalendarFeedRoute {
    static func path(_ token: String) -> String { "/calendar/\(token).ics" }

    static func register(_ router: Router<AppContext>, services: Services) {
        router.get("calendar/:feed") { _, context in
            let feed = try context.parameters.require("feed")
            let token = feed.hasSuffix(".ics") ? String(feed.dropLast(4)) : feed
            guard let patient = try await services.accounts.calendarAccount(token: token),
                let calendar = try await services.cases.calendar(patient.id, by: Caller(patient, route: "GET /calendar/{secret}"))
            else { throw HTTPError(.notFound) }
            return Response(
                status: .ok,
                headers: [
                    .contentType: "text/calendar; charset=utf-8", .cacheControl: "private, max-age=900",
                    .contentDisposition: "inline; filename=\"liftback.ics\"",
                ],
                body: .init(byteBuffer: ByteBuffer(string: calendar)))
        }
    }
}
