/// The exercise catalogue and its variation ladders, as data the engine reads.
public struct Catalog: Sendable {
    public let exercises: [Exercise]
    public let ladders: [Ladder]
    private let byID: [ExerciseID: Exercise]
    private let ladderByExercise: [ExerciseID: Ladder]

    public init(exercises: [Exercise], ladders: [Ladder]) {
        self.exercises = exercises
        self.ladders = ladders
        byID = Dictionary(exercises.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var owner: [ExerciseID: Ladder] = [:]
        for ladder in ladders { for rung in ladder.rungs where owner[rung] == nil { owner[rung] = ladder } }
        ladderByExercise = owner
    }

    public subscript(id: ExerciseID) -> Exercise? { byID[id] }

    public func contains(_ id: ExerciseID) -> Bool { byID[id] != nil }

    /// The ladder an exercise climbs, if it is on one.
    public func ladder(for id: ExerciseID) -> Ladder? { ladderByExercise[id] }

    public func ladder(id: String) -> Ladder? { ladders.first { $0.id == id } }

    /// Converts a weight lifted on `from` into the equivalent on `to` of the same ladder, using load factors.
    public func equivalentWeight(_ weight: Double, from: ExerciseID, to: ExerciseID) -> Double? {
        guard let source = self[from], let target = self[to], source.loadFactor > 0 else { return nil }
        return weight * target.loadFactor / source.loadFactor
    }
}

extension Catalog {
    /// Liftback's catalogue: every exercise it prescribes and the ladders between them.
    public static let standard = Catalog(exercises: StandardCatalog.exercises, ladders: StandardCatalog.ladders)
}
