/// The exercise catalogue and its variation ladders, as data the engine reads.
public struct Catalog: Sendable, Equatable {
    public let exercises: [Exercise]
    public let ladders: [Ladder]
    /// Position of each exercise in `exercises`, so hot loops index arrays instead of hashing names.
    private let indexByID: NameTable
    /// For each exercise position: its ladder's position in `ladders` and its rung, or `nil`.
    let ladderPlace: [(ladder: Int, rung: Int)?]

    public init(exercises: [Exercise], ladders: [Ladder]) {
        self.exercises = exercises
        self.ladders = ladders
        let indexByID = NameTable(exercises.map(\.id.rawValue))
        self.indexByID = indexByID
        var places = [(ladder: Int, rung: Int)?](repeating: nil, count: exercises.count)
        for (ladderIndex, ladder) in ladders.enumerated() {
            for (rung, id) in ladder.rungs.enumerated() {
                if let index = indexByID[id.rawValue], places[index] == nil { places[index] = (ladderIndex, rung) }
            }
        }
        ladderPlace = places
    }

    /// Two catalogues are the same when they hold the same exercises and ladders.
    public static func == (a: Catalog, b: Catalog) -> Bool { a.exercises == b.exercises && a.ladders == b.ladders }

    /// The position of an exercise in `exercises`.
    public func index(of id: ExerciseID) -> Int? { indexByID[id.rawValue] }

    public subscript(id: ExerciseID) -> Exercise? { indexByID[id.rawValue].map { exercises[$0] } }

    public func contains(_ id: ExerciseID) -> Bool { indexByID[id.rawValue] != nil }

    /// The ladder an exercise climbs, if it is on one.
    public func ladder(for id: ExerciseID) -> Ladder? {
        indexByID[id.rawValue].flatMap { ladderPlace[$0] }.map { ladders[$0.ladder] }
    }

    public func ladder(id: LadderID) -> Ladder? { ladders.first { $0.id == id } }

    /// What a clinician may swap an exercise for: its back-friendly swaps, then the other rungs of
    /// its ladder, easiest first.
    public func swapOptions(for id: ExerciseID) -> [ExerciseID] {
        var options: [ExerciseID] = []
        for option in (self[id]?.swaps ?? []) + (ladder(for: id)?.rungs ?? []) where option != id && !options.contains(option) {
            options.append(option)
        }
        return options
    }

    /// An exercise's name as it reads inside a sentence ("conventional deadlift").
    public func plainName(_ id: ExerciseID) -> String {
        guard let name = self[id]?.name else { return id.rawValue.replacingOccurrences(of: "-", with: " ") }
        return name.lowercasedFirst
    }

    /// Converts a weight lifted on `from` into the equivalent on `to` of the same ladder, using load factors.
    public func equivalentWeight(_ weight: Double, from: ExerciseID, to: ExerciseID) -> Double? {
        guard let source = self[from], let target = self[to], source.loadFactor > 0 else { return nil }
        return weight * target.loadFactor / source.loadFactor
    }

    /// The heaviest set of a logged lift on `ladder`, carried to the ladder's reference lift by load
    /// factors (a trap-bar deadlift as a conventional deadlift); `nil` for an exercise on another ladder
    /// or without a weight.
    public func referenceEquivalent(of logged: LoggedExercise, on ladder: LadderID) -> Double? {
        guard let place = self.ladder(for: logged.exercise), place.id == ladder,
            let weight = logged.sets.compactMap(\.weight).max()
        else { return nil }
        return equivalentWeight(weight, from: logged.exercise, to: place.reference)
    }
}

extension Catalog {
    /// Liftback's catalogue: every exercise it prescribes and the ladders between them.
    public static let standard = Catalog(exercises: StandardCatalog.exercises, ladders: StandardCatalog.ladders)
}

/// A read-only name -> position table with a cheap FNV-1a hash and open addressing: looking up a
/// name runs once per logged exercise of a history, where the standard library's seeded SipHash
/// was the largest cost of the whole engine (docs/performance.md).
struct NameTable: Sendable {
    private let names: [String]
    private let slots: [Int32]
    private let mask: Int

    init(_ names: [String]) {
        var size = 16
        while size < names.count * 4 { size *= 2 }
        var slots = [Int32](repeating: -1, count: size)
        for (index, name) in names.enumerated() {
            var slot = Self.hash(name) & (size - 1)
            while slots[slot] >= 0 {
                if names[Int(slots[slot])] == name { break }
                slot = (slot + 1) & (size - 1)
            }
            if slots[slot] < 0 { slots[slot] = Int32(index) }
        }
        self.names = names
        self.slots = slots
        mask = size - 1
    }

    subscript(name: String) -> Int? {
        var slot = Self.hash(name) & mask
        while true {
            let index = Int(slots[slot])
            if index < 0 { return nil }
            if names[index] == name { return index }
            slot = (slot + 1) & mask
        }
    }

    /// Mixes the length with the first and last eight bytes: exercise names differ there, and a
    /// collision only costs one more string comparison.
    static func hash(_ name: String) -> Int {
        let mixed: UInt64? = name.utf8.withContiguousStorageIfAvailable { bytes in
            var head: UInt64 = 0
            var tail: UInt64 = 0
            let count = bytes.count
            for offset in 0..<min(8, count) {
                head |= UInt64(bytes[offset]) << (8 * UInt64(offset))
                tail |= UInt64(bytes[count - 1 - offset]) << (8 * UInt64(offset))
            }
            return (head &* 0x9E37_79B9_7F4A_7C15) ^ (tail &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(count)
        }
        var hash = mixed ?? 0xcbf2_9ce4_8422_2325
        if mixed == nil {
            for byte in name.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        }
        hash ^= hash >> 29
        return Int(truncatingIfNeeded: hash >> 1)
    }
}
