/// What goes on each side of a barbell or trap bar, from the person's own bar and plates (settings,
/// `EquipmentAtHand`) or a usual gym's, greedy from the heaviest plate.
public enum PlateMath {
    /// The usual bar's own weight: 20 kg / 45 lb for a barbell, 25 kg / 55 lb for a trap bar.
    public static func standardBar(trap: Bool, unit: WeightUnit) -> Double {
        switch (trap, unit) {
        case (true, .kg): 25
        case (true, .lb): 55
        case (false, .kg): 20
        case (false, .lb): 45
        }
    }

    /// A usual gym's plates, heaviest first.
    public static func plates(unit: WeightUnit) -> [Double] {
        unit == .kg ? [25, 20, 15, 10, 5, 2.5, 1.25] : [45, 35, 25, 10, 5, 2.5]
    }

    /// The bar an exercise is loaded on, with its weight, or `nil` for one that is not on a bar.
    public static func bar(for equipment: [Equipment], at hand: EquipmentAtHand?, unit: WeightUnit) -> Double? {
        if equipment.contains(.trapBar) { return hand?.trapBar ?? standardBar(trap: true, unit: unit) }
        if equipment.contains(.barbell) { return hand?.bar ?? standardBar(trap: false, unit: unit) }
        return nil
    }

    /// A bar's load: the bar, the plates on each side, and the total they make.
    public struct Loading: Equatable, Sendable {
        public var bar: Double
        public var perSide: [Double]
        public var total: Double
    }

    /// What to put on each side for `total`: exactly, or else the nearest the plates make below it
    /// (`total` of the answer then says what that is); `nil` when the load is lighter than the bar.
    public static func loading(total: Double, bar: Double, plates: [Double]) -> Loading? {
        var remaining = (total - bar) / 2
        guard remaining >= -1e-9 else { return nil }
        var side: [Double] = []
        for plate in plates.filter({ $0 > 0 }).sorted(by: >) {
            while remaining >= plate - 1e-9 {
                side.append(plate)
                remaining -= plate
            }
        }
        return Loading(bar: bar, perSide: side, total: LoadSteps.tidy(bar + 2 * side.reduce(0, +)))
    }

    /// The loading of an exercise's bar from the person's equipment, or a usual gym's.
    public static func loading(total: Double, equipment: [Equipment], at hand: EquipmentAtHand?, unit: WeightUnit)
        -> Loading?
    {
        guard let bar = bar(for: equipment, at: hand, unit: unit) else { return nil }
        return loading(total: total, bar: bar, plates: hand?.plates ?? plates(unit: unit))
    }
}
