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

        init(_ settings: PatientSettings) {
            unit = settings.unit
            plateIncrement = formatWeight(settings.plateIncrement)
            timeZone = settings.timeZone ?? ""
            kettlebells = settings.equipment?.kettlebells.map(Self.list) ?? ""
            dumbbells = settings.equipment?.dumbbells.map(Self.list) ?? ""
        }

        init(_ form: Form, unit stored: WeightUnit) {
            unit = form["unit"].flatMap(WeightUnit.init(rawValue:)) ?? stored
            plateIncrement = form["plateIncrement"] ?? ""
            timeZone = form.text("timeZone") ?? ""
            kettlebells = form["kettlebells"] ?? ""
            dumbbells = form["dumbbells"] ?? ""
        }

        static func list(_ weights: [Double]) -> String { weights.map(formatWeight).joined(separator: ", ") }
    }

    /// - Parameters:
    ///   - unitLocked: weights are logged, so the unit stays.
    ///   - error: the field at fault (`plateIncrement`, `timeZone`, `kettlebells`, ...) and what is wrong.
    static func page(_ values: Values, unitLocked: Bool, csrf: String?, error: (field: String, message: String)? = nil)
        -> HTML
    {
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
            \(Layout.field("Kettlebells you have (\(unit), separated by commas; empty for a usual gym's)", name: "kettlebells", value: values.kettlebells, extra: "inputmode=\"decimal\"", error: message("kettlebells")))
            \(Layout.field("Dumbbells you have (\(unit), the weight of one; empty for a usual gym's)", name: "dumbbells", value: values.dumbbells, extra: "inputmode=\"decimal\"", error: message("dumbbells")))
            \(Layout.field("Time zone (like Europe/Oslo), so that your today is yours", name: "timeZone", value: values.timeZone, extra: "autocomplete=\"off\" maxlength=\"\(InputLimits.timeZoneLength)\"", error: message("timeZone")))
            <button>Save settings</button>
            </form>
            <p><a href="/account">Password, your data and who can see it</a> are on your account page.</p>
            """
    }
}
