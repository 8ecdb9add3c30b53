/// A stick figure's position seen from the side, facing right, as a few joint angles: what an
/// exercise's picture is drawn from, so a new exercise gets its picture from a few numbers.
///
/// Angles are in degrees. The trunk's is measured from straight up (positive leans forward, 90 is
/// lying face down with the head forward, -90 lying on the back with the head behind); each limb
/// segment's from straight down (positive swings forward, 90 points forward, 180 straight up).
/// The near leg and arm are `thigh`, `shin`, `upperArm`, `forearm`; the far ones default to them.
public struct Pose: Sendable, Equatable {
    public var trunk: Double
    public var thigh: Double
    public var shin: Double
    public var upperArm: Double
    public var forearm: Double
    public var farThigh: Double?
    public var farShin: Double?
    public var farUpperArm: Double?
    public var farForearm: Double?
    /// A weight in the hands.
    public var weight: Bool

    public init(
        trunk: Double = 0, thigh: Double = 0, shin: Double = 0, upperArm: Double = 0, forearm: Double = 0,
        farThigh: Double? = nil, farShin: Double? = nil, farUpperArm: Double? = nil, farForearm: Double? = nil,
        weight: Bool = false
    ) {
        self.trunk = trunk
        self.thigh = thigh
        self.shin = shin
        self.upperArm = upperArm
        self.forearm = forearm
        self.farThigh = farThigh
        self.farShin = farShin
        self.farUpperArm = farUpperArm
        self.farForearm = farForearm
        self.weight = weight
    }

    /// The same pose holding a weight.
    public var loaded: Pose {
        var pose = self
        pose.weight = true
        return pose
    }
}

/// An exercise's picture: where it starts and, for a movement, where it ends (a hold has one pose).
public struct Figure: Sendable, Equatable {
    public var start: Pose
    public var end: Pose?
}

/// The standard catalogue's pictures, by exercise, from a handful of base positions.
public enum StandardFigures {
    // Base positions.
    static let standing = Pose(upperArm: 5, forearm: 5)
    static let armsForward = Pose(upperArm: 85, forearm: 90)
    static let hingeBottom = Pose(trunk: 65, thigh: 25, shin: -8)
    static let squatBottom = Pose(trunk: 35, thigh: 85, shin: -30, upperArm: 40, forearm: 150)
    static let seated = Pose(trunk: 5, thigh: 90, shin: 0, upperArm: 10, forearm: 60)
    static let lyingKneesBent = Pose(trunk: -90, thigh: 140, shin: 10, upperArm: -80, forearm: -90)
    static let bridgeTop = Pose(trunk: -70, thigh: 110, shin: -5, upperArm: -80, forearm: -90)
    static let quadruped = Pose(trunk: 90, thigh: 0, shin: -90, upperArm: 0, forearm: 0)
    static let plank = Pose(trunk: 95, thigh: -85, shin: -85, upperArm: 0, forearm: 90)
    static let highPlank = Pose(trunk: 100, thigh: -80, shin: -80, upperArm: 10, forearm: 10)
    static let pushUpBottom = Pose(trunk: 100, thigh: -80, shin: -80, upperArm: -60, forearm: 20)
    static let splitBottom = Pose(trunk: 0, thigh: 85, shin: 0, upperArm: 5, forearm: 5, farThigh: -15, farShin: -95)
    static let splitTop = Pose(trunk: 0, thigh: 30, shin: 0, upperArm: 5, forearm: 5, farThigh: -25, farShin: -30)
    static let walking = Pose(thigh: 20, shin: 5, upperArm: -15, forearm: 5, farThigh: -20, farShin: -30, farUpperArm: 15)
    static let lyingPressDown = Pose(trunk: -90, thigh: 120, shin: 0, upperArm: 100, forearm: 180)
    static let lyingPressUp = Pose(trunk: -90, thigh: 120, shin: 0, upperArm: 180, forearm: 180)
    static let deadBugStart = Pose(trunk: -90, thigh: 180, shin: 90, upperArm: 180, forearm: 180)
    static let deadBugEnd = Pose(
        trunk: -90, thigh: 180, shin: 90, upperArm: 180, forearm: 180, farThigh: 100, farShin: 95, farUpperArm: 260,
        farForearm: 265)

    static func figure(_ start: Pose, _ end: Pose? = nil) -> Figure { Figure(start: start, end: end) }

    public static let figures: [ExerciseID: Figure] = [
        "dowel-hip-hinge": figure(
            Pose(upperArm: -15, forearm: 60), Pose(trunk: 65, thigh: 20, shin: -8, upperArm: 50, forearm: 125)),
        "kettlebell-deadlift": figure(Pose(trunk: 55, thigh: 40, shin: -10).loaded, standing.loaded),
        "trap-bar-deadlift-high-handles": figure(Pose(trunk: 45, thigh: 40, shin: -10).loaded, standing.loaded),
        "trap-bar-deadlift": figure(Pose(trunk: 50, thigh: 60, shin: -20).loaded, standing.loaded),
        "block-pull": figure(Pose(trunk: 50, thigh: 30, shin: -8).loaded, standing.loaded),
        "conventional-deadlift": figure(Pose(trunk: 60, thigh: 60, shin: -15).loaded, standing.loaded),
        "romanian-deadlift": figure(standing.loaded, hingeBottom.loaded),
        "cable-pull-through": figure(Pose(trunk: 65, thigh: 25, shin: -8, upperArm: -10, forearm: -20), standing),
        "kettlebell-swing": figure(Pose(trunk: 65, thigh: 25, shin: -8, upperArm: -20, forearm: -30).loaded, armsForward.loaded),
        "back-extension": figure(
            Pose(trunk: 150, thigh: -60, shin: -60, upperArm: 170, forearm: 170),
            Pose(trunk: 95, thigh: -70, shin: -70, upperArm: 120, forearm: 120)),
        "glute-bridge": figure(lyingKneesBent, bridgeTop),
        "single-leg-glute-bridge": figure(
            lyingKneesBent, Pose(trunk: -70, thigh: 110, shin: -5, upperArm: -80, forearm: -90, farThigh: 70, farShin: 70)),
        "hip-thrust": figure(
            Pose(trunk: -50, thigh: 160, shin: 20, upperArm: -60, forearm: -90).loaded,
            Pose(trunk: -85, thigh: 100, shin: 0, upperArm: -60, forearm: -90).loaded),
        "bodyweight-squat": figure(armsForward, Pose(trunk: 35, thigh: 85, shin: -30, upperArm: 85, forearm: 90)),
        "box-squat": figure(armsForward, Pose(trunk: 30, thigh: 90, shin: -15, upperArm: 85, forearm: 90)),
        "goblet-squat": figure(Pose(upperArm: 30, forearm: 160).loaded, squatBottom.loaded),
        "front-squat": figure(
            Pose(upperArm: 90, forearm: 200).loaded, Pose(trunk: 20, thigh: 90, shin: -30, upperArm: 90, forearm: 200).loaded),
        "back-squat": figure(
            Pose(upperArm: -40, forearm: 150).loaded, Pose(trunk: 40, thigh: 85, shin: -30, upperArm: -10, forearm: 150).loaded),
        "leg-press": figure(Pose(trunk: -50, thigh: 170, shin: 60), Pose(trunk: -50, thigh: 120, shin: 120)),
        "split-squat": figure(splitTop, splitBottom),
        "step-up": figure(
            Pose(thigh: 80, shin: 0, upperArm: 5, forearm: 5),
            Pose(thigh: 0, shin: 0, upperArm: 5, forearm: 5, farThigh: 40, farShin: -40)),
        "reverse-lunge": figure(standing.loaded, splitBottom.loaded),
        "bulgarian-split-squat": figure(
            Pose(thigh: 30, shin: 0, upperArm: 5, forearm: 5, farThigh: -40, farShin: -110).loaded,
            Pose(thigh: 85, shin: -5, upperArm: 5, forearm: 5, farThigh: -10, farShin: -120).loaded),
        "single-leg-romanian-deadlift": figure(
            standing.loaded, Pose(trunk: 80, thigh: 10, shin: 0, farThigh: -80, farShin: -85).loaded),
        "incline-push-up": figure(
            Pose(trunk: 55, thigh: -35, shin: -35, upperArm: 50, forearm: 50),
            Pose(trunk: 60, thigh: -30, shin: -30, upperArm: -10, forearm: 60)),
        "push-up": figure(highPlank, pushUpBottom),
        "dumbbell-bench-press": figure(lyingPressDown.loaded, lyingPressUp.loaded),
        "bench-press": figure(lyingPressDown.loaded, lyingPressUp.loaded),
        "landmine-press": figure(
            Pose(thigh: 90, shin: -90, upperArm: 30, forearm: 170, farThigh: 0, farShin: -90).loaded,
            Pose(thigh: 90, shin: -90, upperArm: 140, forearm: 140, farThigh: 0, farShin: -90).loaded),
        "overhead-press": figure(Pose(upperArm: 30, forearm: 180).loaded, Pose(upperArm: 180, forearm: 180).loaded),
        "band-row": figure(Pose(upperArm: 85, forearm: 90), Pose(upperArm: -30, forearm: 80)),
        "chest-supported-row": figure(
            Pose(trunk: 50, thigh: 20, shin: 0).loaded, Pose(trunk: 50, thigh: 20, shin: 0, upperArm: -50, forearm: 10).loaded),
        "seated-cable-row": figure(
            Pose(trunk: 5, thigh: 90, shin: 60, upperArm: 85, forearm: 90),
            Pose(trunk: 0, thigh: 90, shin: 60, upperArm: -30, forearm: 80)),
        "one-arm-dumbbell-row": figure(
            Pose(trunk: 85, thigh: 0, shin: 0, farThigh: 0, farShin: -90).loaded,
            Pose(trunk: 85, thigh: 0, shin: 0, upperArm: -50, forearm: 10, farThigh: 0, farShin: -90).loaded),
        "lat-pulldown": figure(
            Pose(trunk: 5, thigh: 90, shin: 0, upperArm: 170, forearm: 175),
            Pose(trunk: 5, thigh: 90, shin: 0, upperArm: 30, forearm: 170)),
        "pull-up": figure(Pose(shin: -20, upperArm: 180, forearm: 180), Pose(shin: -40, upperArm: 30, forearm: 170)),
        "suitcase-carry": figure(Pose(thigh: 20, shin: 5, farThigh: -20, farShin: -30).loaded),
        "farmer-carry": figure(Pose(thigh: 20, shin: 5, farThigh: -20, farShin: -30).loaded),
        "dead-bug": figure(deadBugStart, deadBugEnd),
        "front-plank": figure(plank),
        "ab-wheel-rollout": figure(
            Pose(trunk: 50, thigh: 0, shin: -90, upperArm: 30, forearm: 30),
            Pose(trunk: 80, thigh: -50, shin: -90, upperArm: 140, forearm: 140)),
        "bird-dog": figure(
            quadruped,
            Pose(
                trunk: 90, thigh: 0, shin: -90, upperArm: 0, forearm: 0, farThigh: -90, farShin: -90, farUpperArm: 90,
                farForearm: 90)),
        "pallof-press": figure(Pose(upperArm: 20, forearm: 100), armsForward),
        "side-plank-knees": figure(Pose(trunk: 60, thigh: -120, shin: -60, upperArm: 0, forearm: 90)),
        "side-plank": figure(Pose(trunk: 70, thigh: -110, shin: -110, upperArm: 0, forearm: 90)),
        "pelvic-tilt": figure(lyingKneesBent, Pose(trunk: -85, thigh: 140, shin: 10, upperArm: -80, forearm: -90)),
        "cat-cow": figure(Pose(trunk: 80, thigh: 0, shin: -90), Pose(trunk: 100, thigh: 0, shin: -90)),
        "childs-pose": figure(quadruped, Pose(trunk: 120, thigh: 150, shin: -90, upperArm: 150, forearm: 150)),
        "prone-press-up": figure(
            Pose(trunk: 92, thigh: -90, shin: -90, upperArm: -40, forearm: 90),
            Pose(trunk: 55, thigh: -90, shin: -90, upperArm: 0, forearm: 0)),
        "hamstring-stretch": figure(
            Pose(trunk: -90, thigh: 90, shin: 0, upperArm: -80, forearm: -90, farThigh: 180, farShin: 180)),
        "hip-flexor-stretch": figure(
            Pose(thigh: 90, shin: 0, upperArm: 5, forearm: 5, farThigh: -20, farShin: -90),
            Pose(thigh: 100, shin: -10, upperArm: 5, forearm: 5, farThigh: -35, farShin: -90)),
        "thoracic-foam-roll": figure(Pose(trunk: -100, thigh: 130, shin: 0, upperArm: 160, forearm: 120)),
        "reach-to-shins": figure(standing, Pose(trunk: 75, thigh: 5, shin: 0)),
        "supported-floor-reach": figure(
            Pose(upperArm: 60, forearm: 60), Pose(trunk: 80, thigh: 25, shin: -10, upperArm: 60, forearm: 0)),
        "floor-touch": figure(standing, Pose(trunk: 80, thigh: 60, shin: -30)),
        "lift-from-step": figure(Pose(trunk: 60, thigh: 50, shin: -15).loaded, standing.loaded),
        "lift-from-floor": figure(Pose(trunk: 55, thigh: 85, shin: -30).loaded, standing.loaded),
        "lift-bag-from-floor": figure(Pose(trunk: 55, thigh: 85, shin: -30).loaded, Pose(upperArm: 60, forearm: 80).loaded),
        "seated-rotation": figure(seated, Pose(trunk: 5, thigh: 90, shin: 0, upperArm: -60, forearm: 30, farUpperArm: 60)),
        "standing-rotation-reach": figure(standing, Pose(upperArm: -80, forearm: -80, farUpperArm: 60, farForearm: 60)),
        "turn-and-place": figure(armsForward.loaded, Pose(upperArm: -70, forearm: -70).loaded),
        "sitting-bout": figure(seated, standing),
        "walk": figure(walking),
        "stationary-bike": figure(Pose(trunk: 20, thigh: 80, shin: 10, upperArm: 60, forearm: 70, farThigh: 40, farShin: -20)),
    ]
}

extension MovementPattern {
    /// The cues that hold for every exercise of the pattern, beside each exercise's own.
    public var cues: [String] {
        switch self {
        case .hinge: ["Hips go back, the back stays long.", "Breathe in and brace before you move."]
        case .squat: ["Knees travel over the toes.", "The whole foot stays on the floor."]
        case .singleLeg: ["Hips level, front knee over the middle toes."]
        case .push: ["Shoulder blades set, ribs down."]
        case .pull: ["Lead with the elbows, keep the neck long."]
        case .carry: ["Walk tall, do not lean toward the weight."]
        case .antiExtension, .antiRotation, .antiLateralFlexion:
            ["Breathe behind the brace; stop before the low back takes over."]
        case .mobility: ["Move slowly, within what feels comfortable."]
        case .cardio: ["Easy enough that you could chat."]
        }
    }
}
