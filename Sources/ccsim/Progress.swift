import Foundation
import Synchronization

/// A progress bar on standard error for long runs: replications done, the share of the work and the
/// time left, redrawn at most ten times a second, and only when standard error is a terminal (so
/// nothing of it reaches a file, a pipe or standard output).
final class ProgressBar: Sendable {
    private struct State {
        var done = 0
        var lastDraw = 0.0
    }

    private let total: Int
    private let label: String
    private let start = Date()
    private let state = Mutex(State())

    /// A bar for `total` replications, or `nil` when it must stay silent (`quiet`, or standard error
    /// is not a terminal) or the work is too small to need one.
    init?(total: Int, label: String = "replications", quiet: Bool) {
        guard !quiet, total > 1, isatty(STDERR_FILENO) == 1 else { return nil }
        self.total = total
        self.label = label
    }

    /// Counts one replication done and redraws the bar when due.
    func step() {
        let line: String? = state.withLock { state in
            state.done += 1
            let elapsed = Date().timeIntervalSince(start)
            guard state.done == total || elapsed - state.lastDraw >= 0.1 else { return nil }
            state.lastDraw = elapsed
            return ProgressBar.line(done: state.done, total: total, elapsed: elapsed, label: label)
        }
        if let line { FileHandle.standardError.write(Data(line.utf8)) }
    }

    /// Clears the bar's line.
    func finish() {
        FileHandle.standardError.write(Data(("\r" + String(repeating: " ", count: 72) + "\r").utf8))
    }

    /// The bar after `done` of `total` steps in `elapsed` seconds: `\r[#####.....]  12/20 replications, 3 s left`.
    static func line(done: Int, total: Int, elapsed: Double, label: String) -> String {
        let width = 30
        let filled = done * width / Swift.max(total, 1)
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let left = done > 0 ? elapsed / Double(done) * Double(total - done) : 0
        let time = left >= 90 ? "\(Int((left / 60).rounded())) min left" : "\(Int(left.rounded(.up))) s left"
        return "\r[\(bar)] \(done)/\(total) \(label), \(done == total ? "done      " : time + "   ")"
    }
}
