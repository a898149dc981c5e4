/// SplitMix64 (Steele, Lea and Flood, 2014): a tiny generator used here only to expand seeds
/// and to mix stream keys, as the authors of xoshiro recommend.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    @usableFromInline var state: UInt64

    /// Creates a generator from a 64-bit seed.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    @inlinable
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.mix(state)
    }

    /// The SplitMix64 finaliser: a bijective 64-bit mixing function.
    @inlinable
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z &>> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z &>> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z &>> 31)
    }
}

/// xoshiro256** 1.0 (Blackman and Vigna, 2018): a fast, small-state generator with period 2²⁵⁶ − 1
/// that passes BigCrush; the generator of every random stream in ccsim.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
    @usableFromInline var s0: UInt64
    @usableFromInline var s1: UInt64
    @usableFromInline var s2: UInt64
    @usableFromInline var s3: UInt64

    /// Creates a generator whose 256-bit state is expanded from `seed` by SplitMix64
    /// (never the all-zero state).
    public init(seed: UInt64) {
        var expander = SplitMix64(seed: seed)
        s0 = expander.next()
        s1 = expander.next()
        s2 = expander.next()
        s3 = expander.next()
        if s0 | s1 | s2 | s3 == 0 { s0 = 1 }
    }

    /// Creates the generator of one independent stream, identified by its key.
    ///
    /// The key's parts are mixed into one 64-bit seed, so a stream depends only on what it is for,
    /// never on how many other streams exist, on thread count or on the order in which work is done.
    /// Streams of different keys start at unrelated points of the 2²⁵⁶ − 1 cycle; the chance that two
    /// of them overlap within a simulation is negligible (Vigna's analysis of random seeding).
    /// - Parameter key: the stream's identity (seed, replication, purpose, subject).
    public init(stream key: StreamKey) {
        self.init(seed: key.seedValue)
    }

    /// The next 64 random bits.
    @inlinable
    public mutating func next() -> UInt64 {
        let result = ((s1 &* 5) <<< 7) &* 9
        let t = s1 &<< 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3 <<< 45
        return result
    }
}

infix operator <<< : BitwiseShiftPrecedence

extension UInt64 {
    /// Rotates left by `amount` bits.
    @inlinable @inline(__always)
    static func <<< (value: UInt64, amount: UInt64) -> UInt64 {
        (value &<< amount) | (value &>> (64 &- amount))
    }
}

/// The identity of one random stream: the scenario's seed, the replication, a purpose
/// (arrivals, handle times, ...) and a subject (for example the stable hash of a call type's name).
public struct StreamKey: Sendable, Hashable {
    /// The user's seed.
    public var seed: UInt64
    /// Zero-based replication index.
    public var replication: UInt64
    /// What the stream draws (a model-defined constant).
    public var purpose: UInt64
    /// Whom the stream draws for (a model-defined stable identifier, 0 if none).
    public var subject: UInt64

    /// Creates a stream key.
    public init(seed: UInt64, replication: UInt64, purpose: UInt64, subject: UInt64 = 0) {
        self.seed = seed
        self.replication = replication
        self.purpose = purpose
        self.subject = subject
    }

    /// The 64-bit seed of the stream: the key's parts folded through the SplitMix64 finaliser.
    public var seedValue: UInt64 {
        var h = SplitMix64.mix(seed ^ 0x6363_7369_6D00_0001)
        h = SplitMix64.mix((h ^ replication) &+ 0x9E37_79B9_7F4A_7C15)
        h = SplitMix64.mix((h ^ purpose) &+ 0xD1B5_4A32_D192_ED03)
        h = SplitMix64.mix((h ^ subject) &+ 0x8CB9_2BA7_2F3D_8DD7)
        return h
    }
}

/// A hash of text that is the same on every machine and in every process
/// (unlike `Hasher`, which is seeded per process): 64-bit FNV-1a over the UTF-8 bytes.
public func stableHash(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in text.utf8 {
        hash ^= UInt64(byte)
        hash &*= 0x0000_0100_0000_01B3
    }
    return hash
}

extension RandomNumberGenerator {
    /// A uniform double in the open interval (0, 1): the top 52 bits, centred in their cell of width
    /// 2⁻⁵², so the result lies in [2⁻⁵³, 1 − 2⁻⁵³], is exact (53 significant bits), and `log(u)` and
    /// `log(1 - u)` are always finite.
    @inlinable @inline(__always)
    public mutating func nextOpenUnit() -> Double {
        (Double(next() &>> 12) + 0.5) * 0x1p-52
    }
}
