import Testing

@testable import LiftbackCore

@Suite("Bars and plates")
struct PlateMathTests {
    @Test(
        "Per side from a usual gym's bar and plates, or the person's own; the nearest below when the plates cannot make it",
        arguments: [
            // total, bar, plates, per side, total made
            (100.0, 20.0, PlateMath.plates(unit: .kg), [25.0, 15], 100.0),
            (20, 20, PlateMath.plates(unit: .kg), [], 20),
            (62.5, 15, [20, 10, 5, 2.5], [20, 2.5], 60),
            (60, 15, [20, 10, 5], [20], 55),
            (135, 45, PlateMath.plates(unit: .lb), [45], 135),
        ] as [(Double, Double, [Double], [Double], Double)])
    func loading(total: Double, bar: Double, plates: [Double], side: [Double], made: Double) throws {
        let loading = try #require(PlateMath.loading(total: total, bar: bar, plates: plates))
        #expect(loading.perSide == side && loading.total == made && loading.bar == bar)
    }

    @Test("A load lighter than the bar, or an exercise not on a bar, has no plates")
    func noPlates() {
        #expect(PlateMath.loading(total: 15, bar: 20, plates: [10]) == nil)
        #expect(PlateMath.loading(total: 16, equipment: [.kettlebell], at: nil, unit: .kg) == nil)
    }

    @Test("The person's bars replace the usual ones: a trap bar of 30 kg, a 15 kg barbell")
    func ownBars() {
        let hand = EquipmentAtHand(bar: 15, trapBar: 30, plates: [20, 10, 5, 2.5, 1.25])
        #expect(PlateMath.loading(total: 70, equipment: [.trapBar], at: hand, unit: .kg)?.perSide == [20])
        #expect(PlateMath.loading(total: 70, equipment: [.barbell], at: hand, unit: .kg)?.perSide == [20, 5, 2.5])
        #expect(PlateMath.loading(total: 70, equipment: [.trapBar], at: nil, unit: .kg)?.perSide == [20, 2.5])
    }

    @Test("A bar's load moves by a pair of the smallest plate at hand; fixed weights are not affected")
    func stepsFollowThePlates() throws {
        let catalog = Catalog.standard
        let settings = EngineSettings()
        let deadlift = try #require(catalog["trap-bar-deadlift"])
        let goblet = try #require(catalog["goblet-squat"])
        let hand = EquipmentAtHand(plates: [20, 10, 5])
        #expect(hand.steps(for: deadlift, unit: .kg, plateIncrement: 2.5, settings: settings).increment == 10)
        #expect(EquipmentAtHand().steps(for: deadlift, unit: .kg, plateIncrement: 2.5, settings: settings).increment == 2.5)
        #expect(hand.steps(for: goblet, unit: .kg, plateIncrement: 2.5, settings: settings).available?.first == 4)
    }

    @Test("Bars outside 2-40 kg and plates that are not weights are refused by name, with the limit")
    func validation() {
        #expect(throws: CaseError.self) { try EntryValidation.equipment(EquipmentAtHand(bar: 100), unit: .kg) }
        #expect(throws: CaseError.self) { try EntryValidation.equipment(EquipmentAtHand(trapBar: .nan), unit: .kg) }
        #expect(throws: CaseError.self) { try EntryValidation.equipment(EquipmentAtHand(plates: [20, -5]), unit: .kg) }
        do {
            try EntryValidation.equipment(EquipmentAtHand(bar: 1), unit: .kg)
        } catch {
            #expect(error.field == "equipment.bar" && error.message.contains("between 2 and 40 kg"))
        }
        #expect(throws: Never.self) { try EntryValidation.equipment(EquipmentAtHand(bar: 15, plates: [20, 1.25]), unit: .kg) }
    }
}
