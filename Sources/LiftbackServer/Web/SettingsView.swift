import Foundation
import LiftbackApp
import LiftbackCore

/// The person's settings as a page: unit, plate increment, time zone and the equipment at hand,
/// with what was typed kept and the field at fault marked when a save is refused.
enum SettingsView {
    /// The form as typed, or as stored.
    struct Values {
        var unit: WeightUnit
        var plateIncrement: String
        var timeZone: String
        var kettlebells: String
        var dumbbells: String
        var bar: String
        var trapBar: String
        var plates: String

        init(_ settings: PatientSettings) {
            unit = settings.unit
            plateIncrement = formatWeight(settings.plateIncrement)
            timeZone = settings.timeZone ?? ""
            kettlebells = settings.equipment?.kettlebells.map(Self.list) ?? ""
            dumbbells = settings.equipment?.dumbbells.map(Self.list) ?? ""
            bar = settings.equipment?.bar.map(formatWeight) ?? ""
            trapBar = settings.equipment?.trapBar.map(formatWeight) ?? ""
            plates = settings.equipment?.plates.map(Self.list) ?? ""
        }

        init(_ form: Form, unit stored: WeightUnit) {
            unit = form["unit"].flatMap(WeightUnit.init(rawValue:)) ?? stored
            plateIncrement = form["plateIncrement"] ?? ""
            timeZone = form.text("timeZone") ?? ""
            kettlebells = form["kettlebells"] ?? ""
            dumbbells = form["dumbbells"] ?? ""
            bar = form["bar"] ?? ""
            trapBar = form["trapBar"] ?? ""
            plates = form["plates"] ?? ""
        }

        static func list(_ weights: [Double]) -> String { weights.map(formatWeight).joined(separator: ", ") }
    }

    /// - Parameters:
    ///   - unitLocked: weights are logged, so the unit stays.
    ///   - error: the field at fault (`plateIncrement`, `timeZone`, `kettlebells`, ...) and what is wrong.
    ///   - calendarAddress: a calendar feed address just made, shown this once.
    static func page(
        _ values: Values, unitLocked: Bool, csrf: String?, error: (field: String, message: String)? = nil,
        calendarAddress: String? = nil
    ) -> HTML {
        func message(_ field: String) -> String? { error?.field == field ? error?.message : nil }
        let unit = values.unit.rawValue
        let units = WeightUnit.allCases.html { choice in
            """
            <label class="check"><input type="radio" name="unit" value="\(choice.rawValue)"\(Layout.checked(choice == values.unit))\(unitLocked && choice != values.unit ? HTML(" disabled") : "")> \(choice == .kg ? "Kilograms (kg)" : "Pounds (lb)")</label>
            """
        }
        return """
            <h1>Settings</h1>
            \(error.map { HTML("<p class=\"problem\" role=\"alert\">Not saved: \($0.message) Everything you typed is still here.</p>") })
            <form method="post" action="/settings" class="card">\(Layout.csrfField(csrf))
            <fieldset><legend>Weights in</legend>\(units)
            \(unitLocked ? HTML("<p class=\"muted\">Your sessions are logged in \(unit), so the unit stays \(unit).</p>") : "")</fieldset>
            \(Layout.field("Smallest step you can add to a bar (\(unit))", name: "plateIncrement", type: "number", value: values.plateIncrement, extra: "inputmode=\"decimal\" step=\"any\" min=\"\(formatWeight(InputLimits.plateIncrement.lowerBound))\" max=\"\(formatWeight(InputLimits.plateIncrement.upperBound))\"", error: message("plateIncrement")))
            <fieldset><legend>Your bars and plates (empty for a usual gym's)</legend>
            \(Layout.field("Barbell's own weight (\(unit); usually \(formatWeight(PlateMath.standardBar(trap: false, unit: values.unit))))", name: "bar", type: "number", value: values.bar, extra: "inputmode=\"decimal\" step=\"any\" min=\"\(formatWeight(InputLimits.barWeight(values.unit).lowerBound))\" max=\"\(formatWeight(InputLimits.barWeight(values.unit).upperBound))\"", error: message("bar")))
            \(Layout.field("Trap bar's own weight (\(unit); usually \(formatWeight(PlateMath.standardBar(trap: true, unit: values.unit))))", name: "trapBar", type: "number", value: values.trapBar, extra: "inputmode=\"decimal\" step=\"any\" min=\"\(formatWeight(InputLimits.barWeight(values.unit).lowerBound))\" max=\"\(formatWeight(InputLimits.barWeight(values.unit).upperBound))\"", error: message("trapBar")))
            \(Layout.field("Plates you have, in pairs (\(unit), separated by commas, like \(Values.list(PlateMath.plates(unit: values.unit))))", name: "plates", value: values.plates, extra: "inputmode=\"decimal\"", error: message("plates")))
            </fieldset>
            \(Layout.field("Kettlebells you have (\(unit), separated by commas; empty for a usual gym's)", name: "kettlebells", value: values.kettlebells, extra: "inputmode=\"decimal\"", error: message("kettlebells")))
            \(Layout.field("Dumbbells you have (\(unit), the weight of one; empty for a usual gym's)", name: "dumbbells", value: values.dumbbells, extra: "inputmode=\"decimal\"", error: message("dumbbells")))
            \(Layout.field("Time zone (like Europe/Oslo), so that your today is yours", name: "timeZone", value: values.timeZone, extra: "autocomplete=\"off\" maxlength=\"\(InputLimits.timeZoneLength)\"", error: message("timeZone")))
            <button>Save settings</button>
            </form>
            \(calendar(csrf: csrf, address: calendarAddress))
            <p><a href="/account">Password, your data and who can see it</a> are on your account page.</p>
            """
    }

    /// The calendar feed: an address for the phone's calendar with the coming two weeks of sessions.
    static func calendar(csrf: String?, address: String?) -> HTML {
        let made: HTML =
            address.map { address in
                let subscribe =
                    address.hasPrefix("https://")
                    ? "webcal://" + address.dropFirst(8)
                    : address.hasPrefix("http://") ? "webcal://" + address.dropFirst(7) : address
                return """
                    <div class="card alert" id="calendar-address"><p>Your calendar address, shown only this once. Anyone \
                    with it can read your planned sessions, so keep it to yourself.</p>
                    <p><code class="address">\(address)</code></p>
                    <p><a class="button" href="\(subscribe)">Add to my calendar</a></p>
                    <p class="muted">Or copy the address into your calendar app as a subscription ("add calendar from address").</p></div>
                    """
            } ?? ""
        return """
            <section class="card" aria-labelledby="calendar-title"><h2 id="calendar-title">Calendar</h2>
            <p>Your planned sessions of the next two weeks in your phone's calendar, with a reminder in the morning of each \
            day. The loads are not in it: they follow how your last session went, so open Liftback on the day.</p>
            \(made)
            <form method="post" action="/settings/calendar">\(Layout.csrfField(csrf))<input type="hidden" name="do" value="make">
            <button>\(address == nil ? "Make a calendar address" : "Make another address")</button>
            <span class="muted">Any address made before stops working.</span></form>
            <form method="post" action="/settings/calendar">\(Layout.csrfField(csrf))<input type="hidden" name="do" value="stop">
            <button class="secondary">Stop my calendar address</button></form>
            <p class="muted">Signing out everywhere or changing your password stops it too.</p>
            </section>
            """
    }
}
