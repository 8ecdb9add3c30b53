/// The table behind `Catalog.standard`. Doses follow the clinical model (sections 4 and 5):
/// bridges 10-15, press-up holds 10-30 s, stretches 15-30 s, front plank 20 building to 60 s,
/// side plank 15-30 s, bird-dog 5 s holds, back extension 10-15, lifts 3 sets of 5-8.
enum StandardCatalog {
    private static func entry(
        _ id: ExerciseID, _ name: String, _ pattern: MovementPattern, _ stage: LoadStage, _ phase: Phase,
        _ dose: Dose, equipment: [Equipment] = [.none], loaded: Bool = false, factor: Double = 0,
        swaps: [ExerciseID] = [], cue: String, exposure: FearedMovement? = nil
    ) -> Exercise {
        Exercise(
            id: id, name: name, pattern: pattern, stage: stage, loaded: loaded, equipment: equipment, dose: dose,
            phase: phase, swaps: swaps, loadFactor: factor, cue: cue, exposureFor: exposure)
    }

    /// A graded-exposure step: unloaded, from restore movement on, small doses that grow slowly.
    private static func exposure(
        _ id: ExerciseID, _ name: String, _ movement: FearedMovement, _ dose: Dose, equipment: [Equipment] = [.none],
        cue: String
    ) -> Exercise {
        entry(id, name, .mobility, .bodyweight, .restoreMovement, dose, equipment: equipment, cue: cue, exposure: movement)
    }

    private static let lift = Dose(.reps, sets: 3, amount: 8, max: 8, tempo: nil)

    static let exercises: [Exercise] = [
        // Hinge ladder (seeds 002, 003): dowel -> kettlebell from a raised surface -> trap bar high handles
        // -> trap bar -> conventional from blocks -> conventional.
        entry(
            "dowel-hip-hinge", "Dowel hip hinge", .hinge, .bodyweight, .buildCapacity,
            Dose(.reps, sets: 2, amount: 10, max: 15), equipment: [.dowel],
            cue: "Keep the dowel touching head, upper back and tailbone as you push the hips back."),
        entry(
            "kettlebell-deadlift", "Kettlebell deadlift from a raised surface", .hinge, .light, .reintroduceLifting,
            lift, equipment: [.kettlebell, .blocks], loaded: true, factor: 0.35,
            swaps: ["trap-bar-deadlift-high-handles", "romanian-deadlift"],
            cue: "Stand the bell on a step so the hinge is short; push the floor away."),
        entry(
            "trap-bar-deadlift-high-handles", "Trap-bar deadlift, high handles", .hinge, .moderate,
            .reintroduceLifting, lift, equipment: [.trapBar, .barbell], loaded: true, factor: 1.0,
            swaps: ["kettlebell-deadlift", "trap-bar-deadlift"],
            cue: "High handles shorten the pull; stand tall at the top and breathe out."),
        entry(
            "trap-bar-deadlift", "Trap-bar deadlift", .hinge, .working, .reintroduceLifting, lift,
            equipment: [.trapBar, .barbell], loaded: true, factor: 1.0,
            swaps: ["trap-bar-deadlift-high-handles", "block-pull"],
            cue: "Brace, push the floor away, keep the bar close inside the frame."),
        entry(
            "block-pull", "Conventional deadlift from blocks", .hinge, .working, .returnToPerformance, lift,
            equipment: [.barbell, .blocks], loaded: true, factor: 1.0,
            swaps: ["trap-bar-deadlift", "romanian-deadlift"],
            cue: "Start from blocks at knee height; lower the blocks as your back agrees."),
        entry(
            "conventional-deadlift", "Conventional deadlift", .hinge, .working, .returnToPerformance, lift,
            equipment: [.barbell], loaded: true, factor: 1.0,
            swaps: ["trap-bar-deadlift", "block-pull"],
            cue: "Bar over mid-foot, brace, then push the floor away."),
        entry(
            "romanian-deadlift", "Romanian deadlift", .hinge, .moderate, .reintroduceLifting, lift,
            equipment: [.barbell], loaded: true, factor: 0.6,
            swaps: ["kettlebell-deadlift", "single-leg-romanian-deadlift", "cable-pull-through"],
            cue: "Soft knees, hips back until the hamstrings are long, then stand up."),
        entry(
            "cable-pull-through", "Cable pull-through", .hinge, .light, .buildCapacity,
            Dose(.reps, sets: 3, amount: 12, max: 15), equipment: [.cable], loaded: true, factor: 0.2,
            swaps: ["kettlebell-deadlift", "glute-bridge"],
            cue: "Face away from the cable and drive the hips forward to stand."),
        entry(
            "kettlebell-swing", "Kettlebell swing", .hinge, .working, .returnToPerformance,
            Dose(.reps, sets: 3, amount: 10, max: 15), equipment: [.kettlebell], loaded: true, factor: 0.2,
            swaps: ["cable-pull-through", "hip-thrust"],
            cue: "A fast hinge: snap the hips, let the bell float, no lifting with the arms."),
        entry(
            "back-extension", "Back extension", .hinge, .bodyweight, .buildCapacity,
            Dose(.reps, sets: 2, amount: 10, max: 15), equipment: [.bench],
            swaps: ["bird-dog", "glute-bridge"],
            cue: "Move through a comfortable range; the back is allowed to round and straighten."),
        // Bridge ladder: bridge -> single-leg bridge -> loaded hip thrust (clinical model, section 4).
        entry(
            "glute-bridge", "Glute bridge", .hinge, .bodyweight, .restoreMovement,
            Dose(.reps, sets: 2, amount: 10, max: 15), equipment: [.mat],
            swaps: ["single-leg-glute-bridge", "hip-thrust"],
            cue: "Squeeze the glutes to lift the hips; pause a breath at the top."),
        entry(
            "single-leg-glute-bridge", "Single-leg glute bridge", .hinge, .bodyweight, .buildCapacity,
            Dose(.reps, sets: 2, amount: 8, max: 12, perSide: true), equipment: [.mat],
            swaps: ["glute-bridge", "hip-thrust"],
            cue: "One foot down, hips level as you lift."),
        entry(
            "hip-thrust", "Hip thrust", .hinge, .moderate, .buildCapacity, Dose(.reps, sets: 3, amount: 10, max: 12),
            equipment: [.barbell, .bench], loaded: true, factor: 1.0, swaps: ["glute-bridge", "single-leg-glute-bridge"],
            cue: "Upper back on the bench, chin tucked, finish with the glutes."),
        // Squat ladder (seed 003): box squat -> goblet squat -> barbell squat.
        entry(
            "bodyweight-squat", "Bodyweight squat", .squat, .bodyweight, .buildCapacity,
            Dose(.reps, sets: 2, amount: 10, max: 20), swaps: ["box-squat"],
            cue: "Sit between the heels, chest proud, stand up smoothly."),
        entry(
            "box-squat", "Box squat", .squat, .bodyweight, .buildCapacity, Dose(.reps, sets: 3, amount: 8, max: 12),
            equipment: [.box], swaps: ["bodyweight-squat", "goblet-squat"],
            cue: "Sit back to touch the box lightly, then stand."),
        entry(
            "goblet-squat", "Goblet squat", .squat, .light, .reintroduceLifting, lift,
            equipment: [.kettlebell, .dumbbell], loaded: true, factor: 0.3,
            swaps: ["box-squat", "split-squat", "leg-press"],
            cue: "Hold the weight at the chest; elbows inside the knees at the bottom."),
        entry(
            "front-squat", "Front squat", .squat, .working, .returnToPerformance, lift, equipment: [.barbell],
            loaded: true, factor: 0.8, swaps: ["goblet-squat", "back-squat"],
            cue: "Elbows high, torso upright, sit straight down."),
        entry(
            "back-squat", "Barbell back squat", .squat, .working, .returnToPerformance, lift, equipment: [.barbell],
            loaded: true, factor: 1.0, swaps: ["goblet-squat", "front-squat", "split-squat"],
            cue: "Brace before you descend; drive up through the whole foot."),
        entry(
            "leg-press", "Leg press", .squat, .moderate, .reintroduceLifting, lift, equipment: [.none],
            loaded: true, factor: 1.5, swaps: ["goblet-squat", "split-squat"],
            cue: "Keep the lower back on the pad; stop the descent before it curls up."),
        // Single leg (seed 003: split squats and step-ups as back-friendly swaps).
        entry(
            "split-squat", "Split squat", .singleLeg, .bodyweight, .buildCapacity,
            Dose(.reps, sets: 3, amount: 8, max: 12, perSide: true), loaded: true, factor: 0.25,
            swaps: ["step-up", "reverse-lunge"], cue: "Long stance, drop the back knee straight down."),
        entry(
            "step-up", "Step-up", .singleLeg, .bodyweight, .buildCapacity,
            Dose(.reps, sets: 3, amount: 8, max: 12, perSide: true), equipment: [.box], loaded: true, factor: 0.2,
            swaps: ["split-squat"], cue: "Whole foot on the box; push through the heel to stand."),
        entry(
            "reverse-lunge", "Reverse lunge", .singleLeg, .light, .reintroduceLifting,
            Dose(.reps, sets: 3, amount: 8, max: 10, perSide: true), equipment: [.dumbbell], loaded: true,
            factor: 0.25, swaps: ["split-squat", "step-up"], cue: "Step back softly and return to tall standing."),
        entry(
            "bulgarian-split-squat", "Rear-foot-elevated split squat", .singleLeg, .moderate, .returnToPerformance,
            Dose(.reps, sets: 3, amount: 8, max: 10, perSide: true), equipment: [.bench, .dumbbell], loaded: true,
            factor: 0.3, swaps: ["split-squat", "reverse-lunge"],
            cue: "Back foot on a bench, most of the weight on the front leg."),
        entry(
            "single-leg-romanian-deadlift", "Single-leg Romanian deadlift", .singleLeg, .light, .reintroduceLifting,
            Dose(.reps, sets: 3, amount: 8, max: 10, perSide: true), equipment: [.dumbbell, .kettlebell],
            loaded: true, factor: 0.25, swaps: ["romanian-deadlift", "split-squat"],
            cue: "Hinge on one leg, hips square, reach the back heel long."),
        // Push.
        entry(
            "incline-push-up", "Incline push-up", .push, .bodyweight, .buildCapacity,
            Dose(.reps, sets: 3, amount: 8, max: 15), equipment: [.bench], swaps: ["push-up"],
            cue: "Hands on a bench, body in one line from head to heels."),
        entry(
            "push-up", "Push-up", .push, .bodyweight, .buildCapacity, Dose(.reps, sets: 3, amount: 8, max: 15),
            swaps: ["incline-push-up", "dumbbell-bench-press"], cue: "Brace like a plank and lower the chest to the floor."),
        entry(
            "dumbbell-bench-press", "Dumbbell bench press", .push, .moderate, .reintroduceLifting, lift,
            equipment: [.dumbbell, .bench], loaded: true, factor: 0.35, swaps: ["push-up", "bench-press"],
            cue: "Feet planted, shoulder blades set, press up and slightly in."),
        entry(
            "bench-press", "Bench press", .push, .working, .reintroduceLifting, lift,
            equipment: [.barbell, .bench], loaded: true, factor: 1.0, swaps: ["dumbbell-bench-press", "push-up"],
            cue: "Feet down, a small natural arch, bar to the lower chest."),
        entry(
            "landmine-press", "Half-kneeling landmine press", .push, .light, .reintroduceLifting, lift,
            equipment: [.barbell], loaded: true, factor: 0.4, swaps: ["dumbbell-bench-press", "overhead-press"],
            cue: "Kneel tall, squeeze the glute of the down knee, press up and forward."),
        entry(
            "overhead-press", "Standing overhead press", .push, .working, .returnToPerformance, lift,
            equipment: [.barbell], loaded: true, factor: 0.65, swaps: ["landmine-press"],
            cue: "Ribs down, glutes tight, press the bar past the face."),
        // Pull.
        entry(
            "band-row", "Band row", .pull, .bodyweight, .restoreMovement, Dose(.reps, sets: 2, amount: 12, max: 20),
            equipment: [.band], swaps: ["chest-supported-row"], cue: "Sit or stand tall, pull the elbows back."),
        entry(
            "chest-supported-row", "Chest-supported dumbbell row", .pull, .light, .buildCapacity, lift,
            equipment: [.dumbbell, .bench], loaded: true, factor: 0.4,
            swaps: ["seated-cable-row", "one-arm-dumbbell-row"],
            cue: "Chest on an incline bench takes the back out of it; pull to the hips."),
        entry(
            "seated-cable-row", "Seated cable row", .pull, .moderate, .reintroduceLifting, lift,
            equipment: [.cable], loaded: true, factor: 1.0, swaps: ["chest-supported-row", "band-row"],
            cue: "Sit tall and pull the handle to the lower ribs."),
        entry(
            "one-arm-dumbbell-row", "One-arm dumbbell row", .pull, .moderate, .reintroduceLifting, lift,
            equipment: [.dumbbell, .bench], loaded: true, factor: 0.45, swaps: ["chest-supported-row"],
            cue: "One hand and knee on the bench, pull the elbow to the hip."),
        entry(
            "lat-pulldown", "Lat pulldown", .pull, .moderate, .buildCapacity, lift, equipment: [.cable],
            loaded: true, factor: 0.9, swaps: ["band-row", "pull-up"],
            cue: "Pull the bar to the upper chest, no leaning back."),
        entry(
            "pull-up", "Pull-up", .pull, .working, .returnToPerformance, Dose(.reps, sets: 3, amount: 5, max: 10),
            equipment: [.pullUpBar], swaps: ["lat-pulldown"], cue: "From a dead hang, chest to the bar."),
        // Carries (seed 003).
        entry(
            "suitcase-carry", "Suitcase carry", .carry, .light, .buildCapacity,
            Dose(.hold, sets: 3, amount: 20, max: 45, step: 5, perSide: true),
            equipment: [.kettlebell, .dumbbell], loaded: true, factor: 1.0, swaps: ["farmer-carry"],
            cue: "One weight in one hand, walk tall without leaning."),
        entry(
            "farmer-carry", "Farmer carry", .carry, .moderate, .reintroduceLifting,
            Dose(.hold, sets: 3, amount: 30, max: 60, step: 5), equipment: [.kettlebell, .dumbbell], loaded: true,
            factor: 1.0, swaps: ["suitcase-carry"], cue: "A weight in each hand, short quick steps, tall posture."),
        // Anti-extension.
        entry(
            "dead-bug", "Dead bug", .antiExtension, .bodyweight, .restoreMovement,
            Dose(.reps, sets: 2, amount: 6, max: 10, perSide: true), equipment: [.mat], swaps: ["front-plank"],
            cue: "Back gently on the floor, reach opposite arm and leg away slowly."),
        entry(
            "front-plank", "Front plank", .antiExtension, .bodyweight, .buildCapacity,
            Dose(.hold, sets: 3, amount: 20, max: 60, step: 5), equipment: [.mat], swaps: ["dead-bug"],
            cue: "Forearms down, squeeze glutes, breathe behind the brace."),
        entry(
            "ab-wheel-rollout", "Ab-wheel rollout from the knees", .antiExtension, .moderate, .returnToPerformance,
            Dose(.reps, sets: 3, amount: 6, max: 12), equipment: [.none], swaps: ["front-plank", "dead-bug"],
            cue: "Roll out only as far as you can keep the ribs down."),
        // Anti-rotation.
        entry(
            "bird-dog", "Bird-dog", .antiRotation, .bodyweight, .restoreMovement,
            Dose(.reps, sets: 2, amount: 6, max: 10, perSide: true, ), equipment: [.mat],
            swaps: ["dead-bug", "pallof-press"], cue: "Reach opposite arm and leg long, hold 5 seconds, hips level."),
        entry(
            "pallof-press", "Pallof press", .antiRotation, .light, .buildCapacity,
            Dose(.reps, sets: 3, amount: 8, max: 12, perSide: true), equipment: [.cable, .band], swaps: ["bird-dog"],
            cue: "Press the handle straight out and resist the pull to turn."),
        // Anti-lateral flexion.
        entry(
            "side-plank-knees", "Side plank from the knees", .antiLateralFlexion, .bodyweight, .restoreMovement,
            Dose(.hold, sets: 2, amount: 15, max: 30, step: 5, perSide: true), equipment: [.mat],
            swaps: ["side-plank"], cue: "Knees bent, elbow under the shoulder, lift the hips."),
        entry(
            "side-plank", "Side plank", .antiLateralFlexion, .bodyweight, .buildCapacity,
            Dose(.hold, sets: 2, amount: 15, max: 45, step: 5, perSide: true), equipment: [.mat],
            swaps: ["side-plank-knees", "suitcase-carry"], cue: "Feet stacked, body in one line, breathe."),
        // Mobility (seed 001, daily routine and restore movement).
        entry(
            "pelvic-tilt", "Pelvic tilt", .mobility, .bodyweight, .settle, Dose(.reps, sets: 2, amount: 10, max: 15),
            equipment: [.mat], swaps: ["cat-cow"], cue: "On your back, knees bent, gently flatten and arch the low back."),
        entry(
            "cat-cow", "Cat-cow", .mobility, .bodyweight, .settle, Dose(.reps, sets: 1, amount: 10, max: 15),
            equipment: [.mat], swaps: ["pelvic-tilt"], cue: "On hands and knees, round and arch the back slowly."),
        entry(
            "childs-pose", "Child's pose", .mobility, .bodyweight, .restoreMovement,
            Dose(.hold, sets: 2, amount: 20, max: 30, step: 5), equipment: [.mat], swaps: ["cat-cow"],
            cue: "Sit back on the heels with the arms stretched forward; breathe slowly."),
        entry(
            "prone-press-up", "Prone press-up (cobra)", .mobility, .bodyweight, .restoreMovement,
            Dose(.hold, sets: 2, amount: 10, max: 30, step: 5), equipment: [.mat], swaps: ["cat-cow"],
            cue: "Lying face down, press the chest up and let the hips stay heavy."),
        entry(
            "hamstring-stretch", "Seated hamstring stretch", .mobility, .bodyweight, .restoreMovement,
            Dose(.hold, sets: 2, amount: 20, max: 30, step: 5, perSide: true), equipment: [.mat],
            swaps: ["childs-pose"], cue: "One leg straight, reach toward the toes until you feel a stretch."),
        entry(
            "hip-flexor-stretch", "Half-kneeling hip-flexor stretch", .mobility, .bodyweight, .restoreMovement,
            Dose(.hold, sets: 1, amount: 30, max: 30, perSide: true), equipment: [.mat], swaps: ["childs-pose"],
            cue: "Tuck the tail, squeeze the back glute and shift forward gently."),
        entry(
            "thoracic-foam-roll", "Thoracic foam rolling", .mobility, .bodyweight, .restoreMovement,
            Dose(.passes, sets: 1, amount: 10, max: 15), equipment: [.foamRoller], swaps: ["cat-cow"],
            cue: "Roller across the upper back, slow passes, hips on the floor."),
        // Graded exposure (seeds 002, 004): each avoided movement comes back through its own small
        // ladder, a few easy repetitions at a time, so the person sees the movement is safe.
        exposure(
            "reach-to-shins", "Reach down to the shins", .bendingToFloor, Dose(.reps, sets: 2, amount: 5, max: 10, step: 1),
            cue:
                "Stand tall, then let the back round gently as you slide the hands down to the shins. Breathe out on the way down."
        ),
        exposure(
            "supported-floor-reach", "Floor reach with a hand on a chair", .bendingToFloor,
            Dose(.reps, sets: 2, amount: 5, max: 10, step: 1), equipment: [.bench],
            cue: "One hand on a chair back, reach the other hand toward the floor as far as is comfortable."),
        exposure(
            "floor-touch", "Touch the floor", .bendingToFloor, Dose(.reps, sets: 2, amount: 5, max: 10, step: 1),
            cue: "Bend the knees as much as you like and touch the floor; your back is allowed to round."),
        exposure(
            "lift-from-step", "Lift a light object from a step", .liftingFromFloor,
            Dose(.reps, sets: 2, amount: 5, max: 10, step: 1), equipment: [.box],
            cue: "Pick up something light, like a shoe or a book, from a step, in any way that feels natural."),
        exposure(
            "lift-from-floor", "Lift a light object from the floor", .liftingFromFloor,
            Dose(.reps, sets: 2, amount: 5, max: 10, step: 1),
            cue: "Pick up a light object from the floor and stand up with it; there is no single right way."),
        exposure(
            "lift-bag-from-floor", "Lift a bag of shopping from the floor", .liftingFromFloor,
            Dose(.reps, sets: 2, amount: 5, max: 10, step: 1),
            cue: "A bag with a few items in it: lift it from the floor to a table and put it back down."),
        exposure(
            "seated-rotation", "Seated rotation", .twisting, Dose(.reps, sets: 2, amount: 5, max: 10, step: 1, perSide: true),
            cue: "Sit tall and turn the shoulders slowly to look behind you, as far as is easy."),
        exposure(
            "standing-rotation-reach", "Standing turn and reach", .twisting,
            Dose(.reps, sets: 2, amount: 5, max: 10, step: 1, perSide: true),
            cue: "Feet planted, turn to reach one hand behind you, then to the other side."),
        exposure(
            "turn-and-place", "Turn and place an object", .twisting,
            Dose(.reps, sets: 2, amount: 5, max: 10, step: 1, perSide: true),
            cue: "Hold a light object, turn and place it on a surface beside or behind you, then bring it back."),
        exposure(
            "sitting-bout", "Sit for a while, then stand and move", .sittingLong,
            Dose(.minutes, sets: 1, amount: 10, max: 45, step: 5),
            cue: "Sit as you normally would for the minutes shown, then stand up and move for a minute."),
        // Cardio.
        entry(
            "walk", "Walk", .cardio, .bodyweight, .settle, Dose(.minutes, sets: 1, amount: 3, max: 30, step: 5),
            swaps: ["stationary-bike"], cue: "An easy pace you could chat at."),
        entry(
            "stationary-bike", "Stationary bike", .cardio, .bodyweight, .restoreMovement,
            Dose(.minutes, sets: 1, amount: 10, max: 30, step: 5), equipment: [.bike], swaps: ["walk"],
            cue: "Light resistance, sit tall, steady breathing."),
    ]

    static let ladders: [Ladder] = [
        Ladder(
            id: "hinge", pattern: .hinge,
            rungs: [
                "dowel-hip-hinge", "kettlebell-deadlift", "trap-bar-deadlift-high-handles", "trap-bar-deadlift",
                "block-pull", "conventional-deadlift",
            ],
            entry: "trap-bar-deadlift-high-handles", reference: "conventional-deadlift",
            rangeSteps: ["trap-bar-deadlift", "conventional-deadlift"]),
        Ladder(
            id: "bridge", pattern: .hinge, rungs: ["glute-bridge", "single-leg-glute-bridge", "hip-thrust"],
            entry: "hip-thrust", reference: "hip-thrust"),
        Ladder(
            id: "squat", pattern: .squat, rungs: ["bodyweight-squat", "box-squat", "goblet-squat", "back-squat"],
            entry: "goblet-squat", reference: "back-squat"),
        Ladder(
            id: "single-leg", pattern: .singleLeg, rungs: ["split-squat", "reverse-lunge", "bulgarian-split-squat"],
            entry: "split-squat", reference: "split-squat"),
        Ladder(
            id: "push", pattern: .push,
            rungs: ["incline-push-up", "push-up", "dumbbell-bench-press", "bench-press"],
            entry: "dumbbell-bench-press", reference: "bench-press"),
        Ladder(
            id: "pull", pattern: .pull, rungs: ["band-row", "chest-supported-row", "seated-cable-row"],
            entry: "chest-supported-row", reference: "seated-cable-row"),
        Ladder(
            id: "carry", pattern: .carry, rungs: ["suitcase-carry", "farmer-carry"], entry: "suitcase-carry",
            reference: "suitcase-carry"),
        Ladder(
            id: "anti-extension", pattern: .antiExtension, rungs: ["dead-bug", "front-plank", "ab-wheel-rollout"],
            entry: "front-plank", reference: "front-plank"),
        Ladder(
            id: "anti-rotation", pattern: .antiRotation, rungs: ["bird-dog", "pallof-press"], entry: "pallof-press",
            reference: "pallof-press"),
        Ladder(
            id: "anti-lateral-flexion", pattern: .antiLateralFlexion, rungs: ["side-plank-knees", "side-plank"],
            entry: "side-plank", reference: "side-plank"),
        Ladder(
            id: "exposure-bending", pattern: .mobility, rungs: ["reach-to-shins", "supported-floor-reach", "floor-touch"],
            entry: "reach-to-shins", reference: "reach-to-shins"),
        Ladder(
            id: "exposure-lifting", pattern: .mobility, rungs: ["lift-from-step", "lift-from-floor", "lift-bag-from-floor"],
            entry: "lift-from-step", reference: "lift-from-step"),
        Ladder(
            id: "exposure-twisting", pattern: .mobility,
            rungs: ["seated-rotation", "standing-rotation-reach", "turn-and-place"], entry: "seated-rotation",
            reference: "seated-rotation"),
        Ladder(
            id: "exposure-sitting", pattern: .mobility, rungs: ["sitting-bout"], entry: "sitting-bout", reference: "sitting-bout"),
        Ladder(
            id: "hinge-accessory", pattern: .hinge, rungs: ["cable-pull-through", "romanian-deadlift"],
            entry: "romanian-deadlift", reference: "romanian-deadlift"),
    ]
}
