/// A fixed-size array that owns its elements outright: a move-only (`~Copyable`) value whose element
/// access is one bounds check and one address computation, with none of the copy-on-write uniqueness
/// checks an `Array` makes at every mutation.
///
/// An event loop keeps its per-replication state (tallies, queues, per-agent flags) in these: the
/// state is created once, never shared, and mutated on every event, which is where `Array`'s
/// uniqueness checks cost the most. The count is fixed at creation; elements are mutated in place.
public struct FixedArray<Element: ~Copyable>: ~Copyable {
    @usableFromInline let base: UnsafeMutablePointer<Element>
    /// The number of elements.
    public let count: Int

    /// Creates an array of `count` (≥ 0) elements, the element at each index made by `element`.
    public init(count: Int, element: (Int) -> Element) {
        precondition(count >= 0, "FixedArray count must be ≥ 0, got \(count)")
        base = .allocate(capacity: Swift.max(count, 1))
        for index in 0..<count { (base + index).initialize(to: element(index)) }
        self.count = count
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    /// The valid indices, `0..<count`.
    @inlinable public var indices: Range<Int> { 0..<count }

    /// Whether the array has no element.
    @inlinable public var isEmpty: Bool { count == 0 }

    /// The element at `index`, read or mutated in place.
    /// - Precondition: `0 <= index < count` (checked in every build).
    @inlinable
    public subscript(index: Int) -> Element {
        unsafeAddress {
            precondition(UInt(bitPattern: index) < UInt(bitPattern: count), "FixedArray index out of range")
            return UnsafePointer(base + index)
        }
        unsafeMutableAddress {
            precondition(UInt(bitPattern: index) < UInt(bitPattern: count), "FixedArray index out of range")
            return base + index
        }
    }
}

extension FixedArray where Element: Copyable {
    /// Creates an array of `count` (≥ 0) copies of `element`.
    public init(repeating element: Element, count: Int) {
        self.init(count: count) { _ in element }
    }

    /// Creates an array holding the elements of `elements`, in order.
    public init(_ elements: [Element]) {
        self.init(count: elements.count) { elements[$0] }
    }

    /// The elements, as an `Array` (a copy).
    public var array: [Element] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Calls `body` with the elements as a mutable buffer, for code written against buffers.
    public mutating func withUnsafeMutableBufferPointer<R>(_ body: (UnsafeMutableBufferPointer<Element>) throws -> R) rethrows -> R {
        try body(UnsafeMutableBufferPointer(start: base, count: count))
    }
}
