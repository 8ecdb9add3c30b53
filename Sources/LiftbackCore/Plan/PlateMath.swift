/// Plates per side for a barbell or trap-bar load, greedy from the heaviest plate.
public enum PlateMath {
    /// The bar's own weight: 20 kg / 45 lb for a barbell, 25 kg / 55 lb for a trap bar.
    public static func bar(for equipment: [Equipment], unit: WeightUnit) -> Double? {
        if equipment.contains(.trapBar) { return unit == .kg ? 25 : 55 }
        if equipment.contains(.barbell) { return unit == .kg ? 20 : 45 }
        return nil
    }

    public static func plates(unit: WeightUnit) -> [Double] {
        unit == .kg ? [25, 20, 15, 10, 5, 2.5, 1.25] : [45, 35, 25, 10, 5, 2.5]
    }

    /// The plates on each side, or `nil` when the load is lighter than the bar or cannot be made exactly.
    public static func perSide(total: Double, bar: Double, unit: WeightUnit) -> [Double]? {
        var remaining = (total - bar) / 2
        guard remaining >= -1e-9 else { return nil }
        var result: [Double] = []
        for plate in plates(unit: unit) {
            while remaining >= plate - 1e-9 {
                result.append(plate)
                remaining -= plate
            }
        }
        return abs(remaining) < 1e-6 ? result : nil
    }
}
