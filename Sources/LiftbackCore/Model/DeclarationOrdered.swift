/// An enum ordered by where its cases are declared: a scale written once, in its declaration.
public protocol DeclarationOrdered: CaseIterable, Comparable where AllCases == [Self] {
    /// `true` for scales declared from the most serious down (the first case compares highest).
    static var declaredMostFirst: Bool { get }
}

extension DeclarationOrdered {
    public static var declaredMostFirst: Bool { false }

    /// The case's position in its declaration.
    public var declarationIndex: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        declaredMostFirst ? lhs.declarationIndex > rhs.declarationIndex : lhs.declarationIndex < rhs.declarationIndex
    }
}
